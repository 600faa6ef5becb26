// Compiling expressions: literals, names, displays (list, tuple, dict with `*`/`**`), attributes, subscripts and
// slices, `and`/`or`, conditional expressions and `:=`. Operators, calls, f-strings, lambdas and comprehensions
// have files of their own.

import BigInt

extension Compiler {
    func expression(_ e: Expr) throws -> ExprCode {
        let interp = self.interp
        switch e {
        case .name(let name, let loc): return load(name, loc)
        case .int(let digits, let loc):
            if let i = Int(digits) { return { _ in .int(i) } }
            guard let big = BigInt(digits) else { throw PyError.syntax("invalid integer literal", at: loc) }
            let v = Value.integer(big)
            return { _ in v }
        case .float(let d, _): return { _ in .float(d) }
        case .string(let s, _): return { _ in .str(s) }
        case .bool(let b, _): return { _ in .bool(b) }
        case .none: return { _ in .none }
        case .ellipsis: return { _ in .object(EllipsisObject.shared) }
        case .imaginary(_, let loc):
            return { _ in throw PyError.unsupported("complex numbers are not supported in Quill cells", at: loc) }
        case .bytes(_, let loc):
            return { _ in throw PyError.unsupported("bytes are not supported in Quill cells", at: loc) }
        case .fstring(let parts, let loc): return try fstring(parts, loc)
        case .list(let items, let loc):
            let build = try sequenceItems(items, loc)
            return { f in .list(PyList(try build(f))) }
        case .tuple(let items, let loc):
            let build = try sequenceItems(items, loc)
            return { f in .tuple(try build(f)) }
        case .dict(let entries, let loc): return try dictDisplay(entries, loc)
        case .starred(_, let loc): throw PyError.syntax("can't use starred expression here", at: loc)
        case .attribute(let object, let name, let loc):
            let o = try expression(object)
            return { f in
                let v = try o(f)
                do { return try interp.attribute(v, name) } catch let e as PyError { throw e.at(loc) }
            }
        case .subscript(let container, let index, let loc):
            let c = try expression(container), i = try subscriptIndex(index)
            return { f in
                let object = try c(f), key = try i(f)
                if case .list(let l) = object, case .int(let k) = key, k >= 0, k < l.items.count { return l.items[k] }
                do { return try interp.item(object, key) } catch let e as PyError { throw e.at(loc) }
            }
        case .slice(_, _, _, let loc): throw PyError.syntax("invalid syntax", at: loc)
        case .call(let callee, let arguments, let loc): return try call(callee, arguments, loc)
        case .unary(let op, let operand, let loc): return try unary(op, operand, loc)
        case .binary(let op, let left, let right, let loc): return try binary(op, left, right, loc)
        case .boolean(let op, let operands, _):
            let codes = try operands.map(expression)
            return { f in
                var v = Value.none
                for code in codes {
                    v = try code(f)
                    if try interp.truth(v) == (op == .or) { return v }
                }
                return v
            }
        case .compare(let first, let rest, let loc): return try comparison(first, rest, loc)
        case .conditional(let test, let body, let orElse, _):
            let t = try truth(test), b = try expression(body), o = try expression(orElse)
            return { f in try t(f) ? try b(f) : try o(f) }
        case .lambda(let parameters, let body, let loc): return try lambda(parameters, body, loc)
        case .listComprehension(let element, let clauses, let loc): return try listComprehension(element, clauses, loc)
        case .dictComprehension(let key, let value, let clauses, let loc):
            return try dictComprehension(key, value, clauses, loc)
        case .generator(let element, let clauses, let loc): return try generator(element, clauses, loc)
        case .namedExpr(let name, let value, _):
            let code = try expression(value)
            let set: (Frame, Value) -> Void
            switch scope.frameOwner.resolve(name) {
            case .local(let i): set = { f, v in f.slots[i] = v }
            case .cell(let i): set = { f, v in f.cells[i].value = v }
            case .global(let g): set = { _, v in g.value = v }
            }
            return { f in
                let v = try code(f)
                set(f, v)
                return v
            }
        }
    }

    /// The index of a subscript: a slice becomes a PySlice; `a[i, j]` a tuple (of slices where written).
    func subscriptIndex(_ index: Expr) throws -> ExprCode {
        switch index {
        case .slice(let lower, let upper, let step, _):
            let interp = self.interp
            let parts = try [lower, upper, step].map { try $0.map(expression) }
            return { f in
                var bounds: [Value] = []
                for part in parts {
                    guard let part else { bounds.append(.none); continue }
                    let v = try part(f)
                    if case .object = v, let i = try interp.indexValue(v) { bounds.append(.int(i)) } else { bounds.append(v) }
                }
                return .object(PySlice(lower: bounds[0], upper: bounds[1], step: bounds[2]))
            }
        case .tuple(let items, _):
            let codes = try items.map(subscriptIndex)
            return { f in .tuple(try codes.map { try $0(f) }) }
        default:
            return try expression(index)
        }
    }

    /// The items of a list or tuple display, with `*x` spliced in.
    private func sequenceItems(_ items: [Expr], _ loc: Loc) throws -> (Frame) throws -> [Value] {
        let interp = self.interp
        if !items.contains(where: { if case .starred = $0 { return true } else { return false } }) {
            let codes = try items.map(expression)
            return { f in
                var values: [Value] = []
                values.reserveCapacity(codes.count)
                for code in codes { values.append(try code(f)) }
                return values
            }
        }
        let codes = try items.map { item -> (ExprCode, Bool) in
            if case .starred(let inner, _) = item { return (try expression(inner), true) }
            return (try expression(item), false)
        }
        return { f in
            var values: [Value] = []
            for (code, starred) in codes {
                let v = try code(f)
                if !starred { values.append(v); continue }
                do { values.append(contentsOf: try interp.iterate(v)) } catch let e as PyError { throw e.at(loc) }
            }
            return values
        }
    }

    private func dictDisplay(_ entries: [(key: Expr?, value: Expr)], _ loc: Loc) throws -> ExprCode {
        let interp = self.interp
        let codes = try entries.map { (key: try $0.key.map(expression), value: try expression($0.value)) }
        return { f in
            let d = PyDict()
            do {
                for (key, value) in codes {
                    if let key {
                        let k = try key(f)
                        d.storage[try HashKey(k)] = try value(f)
                    } else {
                        let other = try value(f)
                        guard case .dict(let source) = other else {
                            throw PyError.type("'\(other.typeName)' object is not a mapping")
                        }
                        for (k, v) in source.storage { d.storage[k] = v }
                    }
                }
            } catch let e as PyError { throw e.at(loc) }
            return .dict(d)
        }
    }
}

/// `...`, the Ellipsis constant.
final class EllipsisObject: PyRepresentable, Sendable {
    static let shared = EllipsisObject()
    var typeName: String { "ellipsis" }
    func repr(_ context: any Context) throws -> String { "Ellipsis" }
}
