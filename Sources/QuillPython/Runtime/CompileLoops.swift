// Compiling `for` and `while` (with `else`, `break`, `continue`). `for` walks ranges without building them, lists
// live by index (appending during the loop extends it, as in CPython), strings by code point, and dicts by key
// (changing a dict's size during the loop is CPython's RuntimeError). Loops count steps for the deadline.

extension Compiler {
    func forLoop(_ target: Expr, _ iterable: Expr, _ body: [Stmt], _ orElse: [Stmt], _ loc: Loc) throws -> StmtCode {
        let sequence = try expression(iterable)
        let assign = try storeTarget(target)
        loopDepth += 1
        let code = try block(body)
        loopDepth -= 1
        let otherwise = orElse.isEmpty ? nil : try block(orElse)
        let interp = self.interp
        return { f in
            let items = try sequence(f)
            var result = Flow.normal
            var broke = false
            do {
                try interp.forEach(items) { item in
                    try assign(f, item)
                    switch try code(f) {
                    case .normal, .continueLoop: return true
                    case .breakLoop: broke = true; return false
                    case .returned: result = .returned; return false
                    }
                }
            } catch let e as PyError { throw e.at(loc) }
            if case .returned = result { return result }
            if !broke, let otherwise { return try otherwise(f) }
            return .normal
        }
    }

    func whileLoop(_ test: Expr, _ body: [Stmt], _ orElse: [Stmt], _ loc: Loc) throws -> StmtCode {
        let condition = try truth(test)
        loopDepth += 1
        let code = try block(body)
        loopDepth -= 1
        let otherwise = orElse.isEmpty ? nil : try block(orElse)
        let interp = self.interp
        return { f in
            do {
                while try condition(f) {
                    try interp.tick()
                    switch try code(f) {
                    case .normal, .continueLoop: continue
                    case .breakLoop: return .normal
                    case .returned: return .returned
                    }
                }
            } catch let e as PyError { throw e.at(loc) }
            if let otherwise { return try otherwise(f) }
            return .normal
        }
    }
}

extension Interpreter {
    /// Calls `body` with each item of `iterable` until it returns false; counts steps for the deadline.
    @inline(__always)
    func forEach(_ iterable: Value, _ body: (Value) throws -> Bool) throws {
        switch iterable {
        case .object(let r as RangeObject):
            var value = r.start
            let step = r.step
            for _ in 0..<r.count {
                try tick()
                if try !body(.int(value)) { return }
                value &+= step
            }
        case .list(let l):
            var i = 0
            while i < l.items.count {
                try tick()
                if try !body(l.items[i]) { return }
                i += 1
            }
        case .tuple(let t):
            for item in t {
                try tick()
                if try !body(item) { return }
            }
        case .str(let s):
            for scalar in s.unicodeScalars {
                try tick()
                if try !body(.str(String(scalar))) { return }
            }
        case .dict(let d):
            let size = d.storage.count
            for key in d.storage.keys {
                try tick()
                if try !body(key.value) { return }
                if d.storage.count != size {
                    throw PyError(.exception("RuntimeError"), "dictionary changed size during iteration")
                }
            }
        default:
            for item in try iterate(iterable) {
                try tick()
                if try !body(item) { return }
            }
        }
    }
}
