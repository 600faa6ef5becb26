// Expressions by precedence, lowest first: tuples of (starred) expressions, lambda, conditional, `or`, `and`,
// `not`, comparisons (chained, `not in`, `is not`), the binary operators by precedence climbing, unary `- + ~`,
// and `**` (right-associative, binding tighter than a unary minus on its left: `-2**2` is -(2**2)).
// Chains (`a + b + c`, `not not x`, `2**3**4`) are built in loops, so only brackets and nested lambdas or
// conditionals recurse. Atoms, displays, calls and subscripts are in ParserAtoms.swift.

extension SyntaxParser {
    /// `star_expressions`: `a`, `a, b`, `*a, b,` (a tuple when there is a comma). Used for statement values.
    mutating func parseStarExpressions() throws -> Expr {
        let first = try parseStarExpression()
        guard tok.isOp(",") else { return first }
        var items = [first]
        while acceptOp(",") {
            guard startsExpression(tok) || tok.isOp("*") else { break }
            items.append(try parseStarExpression())
        }
        return .tuple(items, first.loc)
    }

    /// `*x` (in a tuple or target) or an expression.
    mutating func parseStarExpression() throws -> Expr {
        if tok.isOp("*") {
            let star = advance()
            return .starred(try parseBitwiseOr(), star.loc)
        }
        return try parseExpression()
    }

    /// `x := value` or an expression.
    mutating func parseNamedExpression() throws -> Expr {
        let e = try parseExpression()
        guard tok.isOp(":=") else { return e }
        guard case .name(let name, let loc) = e else {
            throw syntaxError("cannot use assignment expressions with \(expressionName(e))", at: e.loc)
        }
        advance()
        return .namedExpr(name, try parseExpression(), loc)
    }

    /// A named expression where Python accepts one (conditions, list items): a stray `=` gets CPython's
    /// "Maybe you meant '=='" messages.
    mutating func parseCondition() throws -> Expr {
        let e = try parseNamedExpression()
        if tok.isOp("=") { throw strayAssignment(e) }
        return e
    }

    func strayAssignment(_ e: Expr) -> PyError {
        if case .name = e {
            return syntaxError("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", at: e.loc)
        }
        if isBitwiseOrLevel(e) && !startsWithDisplayOrConstant(e) {
            return syntaxError("cannot assign to \(expressionName(e)) here. Maybe you meant '==' instead of '='?",
                               at: e.loc)
        }
        return invalidSyntax()
    }

    /// Parses and drops a type annotation, where `|` (PEP 604 unions such as `str | None`) is allowed.
    mutating func skipAnnotation() throws {
        let outer = insideAnnotation
        insideAnnotation = true
        defer { insideAnnotation = outer }
        _ = try parseExpression()
    }

    /// `expression`: a lambda, a conditional expression, or a disjunction.
    mutating func parseExpression() throws -> Expr {
        try enterNesting()
        defer { nesting -= 1 }
        if tok.isKeyword("lambda") { return try parseLambda() }
        let body = try parseDisjunction()
        guard tok.isKeyword("if") else { return body }
        advance()
        let test = try parseDisjunction()
        guard acceptKeyword("else") else {
            if tok.isError || tok.isOp(":") { throw invalidSyntax() }
            throw syntaxError("expected 'else' after 'if' expression", at: body.loc)
        }
        let orElse = try parseExpression()
        return .conditional(test: test, body: body, orElse: orElse, body.loc)
    }

    mutating func parseDisjunction() throws -> Expr {
        let first = try parseConjunction()
        guard tok.isKeyword("or") else { return first }
        var values = [first]
        while acceptKeyword("or") {
            try checkChain(values.count)
            values.append(try parseConjunction())
        }
        return .boolean(.or, values, first.loc)
    }

    mutating func parseConjunction() throws -> Expr {
        let first = try parseInversion()
        guard tok.isKeyword("and") else { return first }
        var values = [first]
        while acceptKeyword("and") {
            try checkChain(values.count)
            values.append(try parseInversion())
        }
        return .boolean(.and, values, first.loc)
    }

    mutating func parseInversion() throws -> Expr {
        var nots: [Loc] = []
        while tok.isKeyword("not") {
            nots.append(advance().loc)
            try checkChain(nots.count)
        }
        var e = try parseComparison()
        for loc in nots.reversed() { e = .unary(.not, e, loc) }
        return e
    }

    mutating func parseComparison() throws -> Expr {
        let first = try parseBitwiseOr()
        var rest: [(CompareOperator, Expr)] = []
        while let op = comparisonOperator() {
            try checkChain(rest.count)
            rest.append((op, try parseBitwiseOr()))
        }
        return rest.isEmpty ? first : .compare(first, rest, first.loc)
    }

    static let comparisonOperators: [UInt64: CompareOperator] = [
        packed("=="): .equal, packed("!="): .notEqual, packed("<"): .less, packed("<="): .lessEqual,
        packed(">"): .greater, packed(">="): .greaterEqual,
    ]

    /// Consumes a comparison operator, if one is next.
    mutating func comparisonOperator() -> CompareOperator? {
        if tok.kind == .op {
            let op = SyntaxParser.comparisonOperators[tok.code]
            if op != nil { advance() }
            return op
        }
        if tok.isKeyword("in") {
            advance()
            return .in
        }
        if tok.isKeyword("not") && peek().isKeyword("in") {
            advance()
            advance()
            return .notIn
        }
        if tok.isKeyword("is") {
            advance()
            return acceptKeyword("not") ? .isNot : .is
        }
        return nil
    }

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
