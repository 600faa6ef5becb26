// Python's binary operators: ints (64-bit fast path, BigInt beyond), floats, bools as ints, str/list/tuple
// concatenation and repetition, `%`-formatting, and arrays (PyNumeric) with their reflected forms. TypeError
// messages as CPython words them.

import BigInt

extension Interpreter {
    func binary(_ op: BinaryOperator, _ a: Value, _ b: Value) throws -> Value {
        if case .int(let x) = a, case .int(let y) = b { return try intBinary(op, x, y) }
        if let result = try numericBinary(op, a, b) { return result }
        if let result = try sequenceBinary(op, a, b) { return result }
        if case .object(let o) = a, let n = o as? PyNumeric, let r = try n.binary(op, b, reflected: false, self) {
            return r
        }
        if case .object(let o) = b, let n = o as? PyNumeric, let r = try n.binary(op, a, reflected: true, self) {
            return r
        }
        throw binaryTypeError(op, a, b)
    }

    /// `a op= b`: lists extend and repeat in place; everything else as `a op b`.
    func inPlace(_ op: BinaryOperator, _ a: Value, _ b: Value) throws -> Value {
        if case .list(let list) = a {
            if op == .add {
                let items = try iterate(b)
                try reserve(list.items.count + items.count)
                list.items.append(contentsOf: items)
                return a
            }
            if op == .multiply, let n = try repeatCount(b) {
                list.items = try repeatedItems(list.items, max(n, 0))
                return a
            }
        }
        return try binary(op, a, b)
    }

    func intBinary(_ op: BinaryOperator, _ x: Int, _ y: Int) throws -> Value {
        switch op {
        case .add:
            let (r, o) = x.addingReportingOverflow(y)
            return o ? .bigInt(BigInt(x) + BigInt(y)) : .int(r)
        case .subtract:
            let (r, o) = x.subtractingReportingOverflow(y)
            return o ? .bigInt(BigInt(x) - BigInt(y)) : .int(r)
        case .multiply:
            let (r, o) = x.multipliedReportingOverflow(by: y)
            return o ? .bigInt(BigInt(x) * BigInt(y)) : .int(r)
        case .floorDivide:
            if let q = IntegerMath.floorDiv(x, y) { return .int(q) }
            if y == 0 { throw PyError.zeroDivision("integer division or modulo by zero") }
            return .bigInt(-BigInt(x))
        case .modulo:
            if let r = IntegerMath.mod(x, y) { return .int(r) }
            throw PyError.zeroDivision("integer modulo by zero")
        case .divide:
            guard y != 0 else { throw PyError.zeroDivision("division by zero") }
            if x.magnitude <= 1 << 53 && y.magnitude <= 1 << 53 { return .float(Double(x) / Double(y)) }
            return .float(try IntegerMath.trueDivide(BigInt(x), BigInt(y)))
        case .power:
            if y < 0 {
                if x == 0 { throw PyError.zeroDivision("0.0 cannot be raised to a negative power") }
                return .float(try FloatMath.power(Double(x), Double(y)))
            }
            return try IntegerMath.power(x, y, limit: options.memoryLimit)
        case .matrixMultiply:
            throw binaryTypeError(op, .int(x), .int(y))
        }
    }

    /// Arithmetic when both operands are numbers (not both Ints); nil otherwise.
    private func numericBinary(_ op: BinaryOperator, _ a: Value, _ b: Value) throws -> Value? {
        switch (a, b) {
        case (.float, _), (_, .float):
            guard let x = try FloatMath.double(a), let y = try FloatMath.double(b) else { return nil }
            return try floatBinary(op, x, y)
        default:
            guard let x = FloatMath.bigInt(a), let y = FloatMath.bigInt(b) else { return nil }
            if let sx = Int(exactly: x), let sy = Int(exactly: y) { return try intBinary(op, sx, sy) }
            return try bigBinary(op, x, y, a, b)
        }
    }

    private func bigBinary(_ op: BinaryOperator, _ x: BigInt, _ y: BigInt, _ a: Value, _ b: Value) throws -> Value {
        switch op {
        case .add: return Value.integer(x + y)
        case .subtract: return Value.integer(x - y)
        case .multiply:
            if (x.magnitude.bitWidth + y.magnitude.bitWidth) / 64 > options.memoryLimit {
                throw PyError.memory("the product would pass the cell's memory bound")
            }
            return Value.integer(try IntegerMath.product(x, y))
        case .floorDivide, .modulo:
            guard let (q, r) = IntegerMath.floorDivMod(x, y) else {
                throw PyError.zeroDivision(op == .modulo ? "integer modulo by zero" : "integer division or modulo by zero")
            }
            return Value.integer(op == .modulo ? r : q)
        case .divide:
            guard !y.isZero else { throw PyError.zeroDivision("division by zero") }
            return .float(try IntegerMath.trueDivide(x, y))
        case .power:
            if y.sign == .minus {
                if x.isZero { throw PyError.zeroDivision("0.0 cannot be raised to a negative power") }
                return .float(try FloatMath.power(try IntegerMath.toDouble(x), try IntegerMath.toDouble(y)))
            }
            guard let e = Int(exactly: y) else {
                if x.isZero || x == 1 { return .int(Int(x)) }
                if x == -1 { return .int(y.isMultiple(of: 2) ? 1 : -1) }
                throw PyError.memory("the result of ** would pass the cell's memory bound")
            }
            return try IntegerMath.power(x, e, limit: options.memoryLimit)
        case .matrixMultiply: throw binaryTypeError(op, a, b)
        }
    }

    func floatBinary(_ op: BinaryOperator, _ x: Double, _ y: Double) throws -> Value {
        switch op {
        case .add: return .float(x + y)
        case .subtract: return .float(x - y)
        case .multiply: return .float(x * y)
        case .divide:
            guard y != 0 else { throw PyError.zeroDivision("float division by zero") }
            return .float(x / y)
        case .floorDivide:
            guard let (q, _) = FloatMath.divmod(x, y) else { throw PyError.zeroDivision("float floor division by zero") }
            return .float(q)
        case .modulo:
            guard let (_, r) = FloatMath.divmod(x, y) else { throw PyError.zeroDivision("float modulo") }
            return .float(r)
        case .power: return .float(try FloatMath.power(x, y))
        case .matrixMultiply: throw binaryTypeError(op, .float(x), .float(y))
        }
    }

    func binaryTypeError(_ op: BinaryOperator, _ a: Value, _ b: Value) -> PyError {
        let symbol = op == .power ? "** or pow()" : op.rawValue
        if case .dict(let d) = a, d.flavor.isCounter {
            return PyError.unsupported("Counter arithmetic ('\(symbol)') is not supported in Quill cells")
        }
        return PyError.type("unsupported operand type(s) for \(symbol): '\(a.typeName)' and '\(b.typeName)'")
    }
}

extension Interpreter {
    /// `-x`, `+x`, `~x` (`not` compiles to truth).
    func unary(_ op: UnaryOperator, _ v: Value) throws -> Value {
        switch (op, v) {
        case (.not, _): return .bool(try !truth(v))
        case (.negate, .int(let x)): return x == Int.min ? .bigInt(-BigInt(x)) : .int(-x)
        case (.negate, .bool(let b)): return .int(b ? -1 : 0)
        case (.negate, .bigInt(let x)): return Value.integer(-x)
        case (.negate, .float(let x)): return .float(-x)
        case (.plus, .int), (.plus, .bigInt), (.plus, .float): return v
        case (.plus, .bool(let b)): return .int(b ? 1 : 0)
        case (.invert, .int(let x)): return .int(~x)
        case (.invert, .bool(let b)): return .int(b ? -2 : -1)
        case (.invert, .bigInt(let x)): return Value.integer(-x - 1)
        case (_, .object(let o as PyNumeric)):
            if let r = try o.unary(op, self) { return r }
        default: break
        }
        throw PyError.type("bad operand type for unary \(op.rawValue): '\(v.typeName)'")
    }
}
