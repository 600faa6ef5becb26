// The arithmetic operators: binary operators by precedence climbing (`|` `^` `&` `<< >>` are parsed and reported
// as unsupported, except inside annotations where `int | None` is dropped), unary `- + ~`, and `**`
// (right-associative, binding tighter than a unary minus on its left: `-2**2` is -(2**2)). Operator chains are
// built in loops (`a + b + c`, `--x`, `2**3**4`), not by recursion.

extension SyntaxParser {
    /// `bitwise_or` and everything tighter: the binary operators by precedence climbing.
    mutating func parseBitwiseOr() throws -> Expr {
        try parseBinary(minimumLevel: 1)
    }

    /// Binary operators by level: 1 `|`, 2 `^`, 3 `&`, 4 `<< >>`, 5 `+ -`, 6 `* / // % @` (nil: bitwise).
    static let binaryOperators: [UInt64: BinaryLevel] = [
        packed("|"): BinaryLevel(1, nil), packed("^"): BinaryLevel(2, nil), packed("&"): BinaryLevel(3, nil),
        packed("<<"): BinaryLevel(4, nil), packed(">>"): BinaryLevel(4, nil), packed("+"): BinaryLevel(5, .add),
        packed("-"): BinaryLevel(5, .subtract), packed("*"): BinaryLevel(6, .multiply),
        packed("/"): BinaryLevel(6, .divide), packed("//"): BinaryLevel(6, .floorDivide),
        packed("%"): BinaryLevel(6, .modulo), packed("@"): BinaryLevel(6, .matrixMultiply),
    ]

    struct BinaryLevel {
        var level: Int
        /// nil for the bitwise operators Quill does not run.
        var op: BinaryOperator?
        init(_ level: Int, _ op: BinaryOperator?) {
            self.level = level
            self.op = op
        }
    }

    mutating func parseBinary(minimumLevel: Int) throws -> Expr {
        var left = try parseFactor()
        var chain = 0
        while tok.kind == .op, let binary = SyntaxParser.binaryOperators[tok.code], binary.level >= minimumLevel {
            let opToken = advance()
            let level = binary.level
            guard let op = binary.op else {
                guard insideAnnotation else { throw Unsupported.bitwise(at: opToken.loc) }
                _ = try parseBinary(minimumLevel: level + 1)  // `int | None`: dropped with the annotation
                continue
            }
            chain += 1
            try checkChain(chain)
            let right = try parseBinary(minimumLevel: level + 1)
            left = .binary(op, left, right, left.loc)
        }
        return left
    }

    /// `factor`: unary `- + ~` applied to a power.
    mutating func parseFactor() throws -> Expr {
        guard unaryOperator() != nil else { return try parsePower() }
        let ops = try parsePrefixOperators()
        return wrap(try parsePower(), in: ops)
    }

    /// A unary operator at its position.
    struct PrefixOperator {
        var op: UnaryOperator
        var loc: Loc
    }

    @inline(never)
    mutating func parsePrefixOperators() throws -> [PrefixOperator] {
        var ops: [PrefixOperator] = []
        while let op = unaryOperator() {
            ops.append(PrefixOperator(op: op, loc: advance().loc))
            try checkChain(ops.count)
        }
        return ops
    }

    func unaryOperator() -> UnaryOperator? {
        guard tok.kind == .op else { return nil }
        return tok.isOp("-") ? .negate : tok.isOp("+") ? .plus : tok.isOp("~") ? .invert : nil
    }

    func wrap(_ e: Expr, in ops: [PrefixOperator]) -> Expr {
        var e = e
        for prefix in ops.reversed() { e = .unary(prefix.op, e, prefix.loc) }
        return e
    }

    /// `power`: `primary ** factor`, right-associative; read as a loop and folded from the right. Unary
    /// operators after a `**` apply to everything on their right: `a ** -b ** c` is a ** (-(b ** c)).
    @inline(never)
    mutating func parsePower() throws -> Expr {
        let base = try parsePrimary()
        guard tok.isOp("**") else { return base }
        var exponents: [(ops: [PrefixOperator], primary: Expr)] = []
        while acceptOp("**") {
            let ops = try parsePrefixOperators()
            exponents.append((ops, try parsePrimary()))
            try checkChain(exponents.count)
        }
        var acc = wrap(exponents[exponents.count - 1].primary, in: exponents[exponents.count - 1].ops)
        for k in stride(from: exponents.count - 2, through: 0, by: -1) {
            acc = wrap(.binary(.power, exponents[k].primary, acc, exponents[k].primary.loc), in: exponents[k].ops)
        }
        return .binary(.power, base, acc, base.loc)
    }
}
