// Compiling operators with fast paths for the common cases (int and float arithmetic without overflow, int
// comparisons) that fall back to the interpreter's full rules; conditions compile to Bool-returning code so that
// `while i < n` builds no value.

extension Compiler {
    func binary(_ op: BinaryOperator, _ left: Expr, _ right: Expr, _ loc: Loc) throws -> ExprCode {
        let l = try expression(left), r = try expression(right)
        let interp = self.interp
        @inline(__always) func slow(_ a: Value, _ b: Value) throws -> Value {
            do { return try interp.binary(op, a, b) } catch let e as PyError { throw e.at(loc) }
        }
        switch op {
        case .add:
            return { f in
                let a = try l(f), b = try r(f)
                if case .int(let x) = a, case .int(let y) = b {
                    let (s, o) = x.addingReportingOverflow(y)
                    if !o { return .int(s) }
                } else if case .float(let x) = a, case .float(let y) = b {
                    return .float(x + y)
                }
                return try slow(a, b)
            }
        case .subtract:
            return { f in
                let a = try l(f), b = try r(f)
                if case .int(let x) = a, case .int(let y) = b {
                    let (s, o) = x.subtractingReportingOverflow(y)
                    if !o { return .int(s) }
                } else if case .float(let x) = a, case .float(let y) = b {
                    return .float(x - y)
                }
                return try slow(a, b)
            }
        case .multiply:
            return { f in
                let a = try l(f), b = try r(f)
                if case .int(let x) = a, case .int(let y) = b {
                    let (s, o) = x.multipliedReportingOverflow(by: y)
                    if !o { return .int(s) }
                } else if case .float(let x) = a, case .float(let y) = b {
                    return .float(x * y)
                }
                return try slow(a, b)
            }
        case .modulo:
            return { f in
                let a = try l(f), b = try r(f)
                if case .int(let x) = a, case .int(let y) = b, y > 0 {
                    let m = x % y
                    return .int(m < 0 ? m + y : m)
                }
                return try slow(a, b)
            }
        case .divide:
            return { f in
                let a = try l(f), b = try r(f)
                if case .float(let x) = a, case .float(let y) = b, y != 0 { return .float(x / y) }
                return try slow(a, b)
            }
        default:
            return { f in try slow(try l(f), try r(f)) }
        }
    }

    func unary(_ op: UnaryOperator, _ operand: Expr, _ loc: Loc) throws -> ExprCode {
        let interp = self.interp
        if op == .not {
            let t = try truth(operand)
            return { f in .bool(try !t(f)) }
        }
        let code = try expression(operand)
        return { f in
            let v = try code(f)
            if op == .negate, case .int(let x) = v, x != Int.min { return .int(-x) }
            do { return try interp.unary(op, v) } catch let e as PyError { throw e.at(loc) }
        }
    }

    func comparison(_ first: Expr, _ rest: [(CompareOperator, Expr)], _ loc: Loc) throws -> ExprCode {
        let interp = self.interp
        let a = try expression(first)
        if rest.count == 1 {
            let (op, right) = rest[0]
            let b = try expression(right)
            let fast = op != .in && op != .notIn
            return { f in
                let x = try a(f), y = try b(f)
                if fast, case .int(let i) = x, case .int(let j) = y { return .bool(Self.intCompare(op, i, j)) }
                do { return try interp.compare(op, x, y) } catch let e as PyError { throw e.at(loc) }
            }
        }
        let others = try rest.map { ($0.0, try expression($0.1)) }
        return { f in
            var x = try a(f)
            var result = Value.bool(true)
            for (op, code) in others {
                let y = try code(f)
                do { result = try interp.compare(op, x, y) } catch let e as PyError { throw e.at(loc) }
                if try !interp.truth(result) { return result }
                x = y
            }
            return result
        }
    }

    /// Code for `bool(e)`, skipping the Value for int comparisons.
    func truth(_ e: Expr) throws -> (Frame) throws -> Bool {
        let interp = self.interp
        if case .compare(let first, let rest, let loc) = e, rest.count == 1 {
            let (op, right) = rest[0]
            let a = try expression(first), b = try expression(right)
            let fast = op != .in && op != .notIn
            return { f in
                let x = try a(f), y = try b(f)
                if fast, case .int(let i) = x, case .int(let j) = y { return Self.intCompare(op, i, j) }
                do { return try interp.truth(interp.compare(op, x, y)) } catch let e as PyError { throw e.at(loc) }
            }
        }
        let code = try expression(e)
        let loc = e.loc
        return { f in
            let v = try code(f)
            if case .bool(let b) = v { return b }
            do { return try interp.truth(v) } catch let e as PyError { throw e.at(loc) }
        }
    }

    @inline(__always) static func intCompare(_ op: CompareOperator, _ i: Int, _ j: Int) -> Bool {
        switch op {
        case .less: return i < j
        case .lessEqual: return i <= j
        case .greater: return i > j
        case .greaterEqual: return i >= j
        case .equal, .is: return i == j
        case .notEqual, .isNot: return i != j
        case .in, .notIn: return false
        }
    }
}
