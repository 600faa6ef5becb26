// Compiling statements: assignment, `if`, expression statements, `return`, `del`, `assert`, `raise`, `pass`,
// `break`/`continue`. Loops, imports, `with` and `def` are in their own files.

extension Compiler {
    func statement(_ s: Stmt) throws -> StmtCode {
        switch s {
        case .expression(let e, _, _):
            if case .string = e { return { _ in .normal } }
            let code = try expression(e)
            return { f in _ = try code(f); return .normal }
        case .assign(let targets, let value, let loc):
            return try assignment(targets, value, loc)
        case .annotatedAssign(let target, let value, let loc):
            guard let value else { return { _ in .normal } }
            return try assignment([target], value, loc)
        case .augmentedAssign(let target, let op, let value, let loc):
            return try augmentedAssignment(target, op, value, loc)
        case .ifStatement(let test, let body, let orElse, _):
            let condition = try truth(test)
            let then = try block(body)
            if orElse.isEmpty { return { f in try condition(f) ? try then(f) : .normal } }
            let otherwise = try block(orElse)
            return { f in try condition(f) ? try then(f) : try otherwise(f) }
        case .forLoop(let target, let iterable, let body, let orElse, let loc):
            return try forLoop(target, iterable, body, orElse, loc)
        case .whileLoop(let test, let body, let orElse, let loc):
            return try whileLoop(test, body, orElse, loc)
        case .breakStatement(let loc):
            guard loopDepth > 0 else { throw PyError.syntax("'break' outside loop", at: loc) }
            return { _ in .breakLoop }
        case .continueStatement(let loc):
            guard loopDepth > 0 else { throw PyError.syntax("'continue' not properly in loop", at: loc) }
            return { _ in .continueLoop }
        case .pass:
            return { _ in .normal }
        case .functionDef(let name, let parameters, let body, let docstring, let loc):
            return try functionDefinition(name, parameters, body, docstring, loc)
        case .returnStatement(let value, let loc):
            guard inFunction else { throw PyError.syntax("'return' outside function", at: loc) }
            guard let value else { return { f in f.returnValue = .none; return .returned } }
            let code = try expression(value)
            return { f in f.returnValue = try code(f); return .returned }
        case .delete(let targets, _):
            let codes = try targets.map(deletion)
            return { f in
                for code in codes { try code(f) }
                return .normal
            }
        case .importModules(let names, let loc):
            return importModules(names, loc)
        case .importFrom(let module, let names, let loc):
            return importFrom(module, names, loc)
        case .with(let items, let body, let loc):
            return try withStatement(items, body, loc)
        case .assert(let test, let message, let loc):
            return try assertion(test, message, loc)
        case .raise(let value, let loc):
            return try raise(value, loc)
        case .tryStatement(let body, let handlers, let orElse, let finally, _):
            return try tryStatement(body, handlers, orElse, finally)
        }
    }

    private func assignment(_ targets: [Expr], _ value: Expr, _ loc: Loc) throws -> StmtCode {
        let code = try expression(value)
        if targets.count == 1, case .name(let name, _) = targets[0] {
            switch scope.resolve(name) {
            case .local(let i): return { f in f.slots[i] = try code(f); return .normal }
            case .global(let g): return { f in g.value = try code(f); return .normal }
            case .cell(let i): return { f in f.cells[i].value = try code(f); return .normal }
            }
        }
        let stores = try targets.map { try storeTarget($0) }
        if stores.count == 1 {
            let store = stores[0]
            return { f in try store(f, try code(f)); return .normal }
        }
        return { f in
            let v = try code(f)
            for store in stores { try store(f, v) }
            return .normal
        }
    }

    private func assertion(_ test: Expr, _ message: Expr?, _ loc: Loc) throws -> StmtCode {
        let condition = try truth(test)
        let text = try message.map { try expression($0) }
        let interp = self.interp
        // CPython reports a failed `assert test, message` at the test, a bare `assert test` at the statement.
        let at = message == nil ? loc : test.loc
        return { f in
            if try condition(f) { return .normal }
            let detail = try text.map { try interp.str(try $0(f)) } ?? ""
            throw PyError(.exception("AssertionError"), detail, at: at)
        }
    }

    private func raise(_ value: Expr?, _ loc: Loc) throws -> StmtCode {
        let interp = self.interp
        guard let value else {
            return { _ in
                // a bare `raise` in an except block raises the exception being handled, with its position
                if let current = interp.handling.last { throw current }
                throw PyError(.exception("RuntimeError"), "No active exception to reraise", at: loc)
            }
        }
        let code = try expression(value)
        return { f in
            let value = try code(f)
            if let error = try ExceptionValue.error(raising: value, interp) {
                if case .object(let raised as ExceptionValue) = value { interp.raisedValue = raised }
                throw error.at(loc)
            }
            throw PyError.type("exceptions must derive from BaseException").at(loc)
        }
    }
}
