// Compiling list and dict comprehensions and generator expressions. Each has its own scope, compiled inline: its
// `for` targets get fresh slots in the enclosing frame (so they do not leak), the first iterable is evaluated in
// the enclosing scope, and the loops run at once. A generator expression is evaluated eagerly into a generator
// object that iterates over the results (this subset has no lazy generators).

extension Compiler {
    func listComprehension(_ element: Expr, _ clauses: [ComprehensionClause], _ loc: Loc) throws -> ExprCode {
        let interp = self.interp
        let loops = try comprehension(clauses, "<listcomp>", [element]) { compiler in
            let e = try compiler.expression(element)
            return { (f: Frame, sink: PyList) in
                let v = try e(f)
                try interp.grow(to: sink.items.count + 1)
                sink.items.append(v)
            }
        }
        return { f in
            let list = PyList()
            try loops(f, list)
            return .list(list)
        }
    }

    func generator(_ element: Expr, _ clauses: [ComprehensionClause], _ loc: Loc) throws -> ExprCode {
        let interp = self.interp
        let loops = try comprehension(clauses, "<genexpr>", [element]) { compiler in
            let e = try compiler.expression(element)
            return { (f: Frame, sink: PyList) in
                let v = try e(f)
                try interp.grow(to: sink.items.count + 1)
                sink.items.append(v)
            }
        }
        return { f in
            let list = PyList()
            try loops(f, list)
            return .object(GeneratorObject(list.items))
        }
    }

    func dictComprehension(_ key: Expr, _ value: Expr, _ clauses: [ComprehensionClause], _ loc: Loc) throws -> ExprCode {
        let interp = self.interp
        let loops = try comprehension(clauses, "<dictcomp>", [key, value]) { compiler in
            let k = try compiler.expression(key), v = try compiler.expression(value)
            return { (f: Frame, sink: PyDict) in
                let hashKey = try HashKey(try k(f))
                let item = try v(f)
                try interp.grow(to: sink.storage.count + 1)
                sink.storage[hashKey] = item
            }
        }
        return { f in
            let d = PyDict()
            do { try loops(f, d) } catch let e as PyError { throw e.at(loc) }
            return .dict(d)
        }
    }

    /// The nested loops of `clauses` around `innermost`, compiled in a new inline scope.
    private func comprehension<Sink>(_ clauses: [ComprehensionClause], _ kind: String, _ results: [Expr],
                                     innermost: (Compiler) throws -> (Frame, Sink) throws -> Void)
        throws -> (Frame, Sink) throws -> Void {
        let interp = self.interp
        guard let first = clauses.first else { throw PyError.syntax("comprehension without for", at: Loc(line: 1, column: 1)) }
        let firstIterable = try expression(first.iterable)
        let inner = Scope(kind: .comprehension, parent: scope, qualifiedPrefix: scope.qualifiedPrefix + kind + ".",
                          globalSlot: interp.globalSlot)
        let names = clauses.flatMap { ScopeAnalysis.targetNames($0.target) }
        let captured = ScopeAnalysis.namesInNestedFunctions([], results + clauses.flatMap { [$0.iterable] + $0.conditions })
        inner.declare(names, captured: captured)
        let compiler = Compiler(interp: interp, scope: inner)
        compiler.inFunction = inFunction
        var body = try innermost(compiler)
        for (index, clause) in clauses.enumerated().reversed() {
            let assign = try compiler.storeTarget(clause.target)
            let conditions = try clause.conditions.map { try compiler.truth($0) }
            let iterable = index == 0 ? firstIterable : try compiler.expression(clause.iterable)
            let next = body
            let loc = clause.iterable.loc
            body = { f, sink in
                let items = try iterable(f)
                do {
                    try interp.forEach(items) { item in
                        try assign(f, item)
                        for condition in conditions where try !condition(f) { return true }
                        try next(f, sink)
                        return true
                    }
                } catch let e as PyError { throw e.at(loc) }
            }
        }
        let freshCells = inner.comprehensionCells
        if freshCells.isEmpty { return body }
        let loops = body
        return { f, sink in
            for c in freshCells { f.cells[c] = Cell() }
            try loops(f, sink)
        }
    }
}

/// The result of a generator expression: its items, computed when it was evaluated.
final class GeneratorObject: PyIterable, PyRepresentable {
    let values: [Value]
    init(_ values: [Value]) { self.values = values }

    var typeName: String { "generator" }

    func items(_ context: any Context) throws -> [Value] { values }

    func repr(_ context: any Context) throws -> String {
        guard let interp = context as? Interpreter else { return "<generator object <genexpr>>" }
        return "<generator object <genexpr> at \(interp.address(of: self))>"
    }
}
