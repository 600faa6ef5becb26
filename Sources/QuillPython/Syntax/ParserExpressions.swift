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
            if case .error = tok.kind { throw invalidSyntax() }
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

    /// Consumes a comparison operator, if one is next.
    mutating func comparisonOperator() -> CompareOperator? {
        if let text = tok.opText {
            let op: CompareOperator? = switch text {
            case "==": .equal
            case "!=": .notEqual
            case "<": .less
            case "<=": .lessEqual
            case ">": .greater
            case ">=": .greaterEqual
            default: nil
            }
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

    /// Binary operators: 1 `|`, 2 `^`, 3 `&`, 4 `<< >>`, 5 `+ -`, 6 `* / // % @`.
    static let binaryLevels: [String: Int] = [
        "|": 1, "^": 2, "&": 3, "<<": 4, ">>": 4, "+": 5, "-": 5, "*": 6, "/": 6, "//": 6, "%": 6, "@": 6,
    ]

    mutating func parseBinary(minimumLevel: Int) throws -> Expr {
        var left = try parseFactor()
        var chain = 0
        while let text = tok.opText, let level = SyntaxParser.binaryLevels[text], level >= minimumLevel {
            let opToken = advance()
            guard let op = BinaryOperator(rawValue: text) else {
                throw PyError.unsupported("bitwise operators are not supported in Quill cells", at: opToken.loc)
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
        var ops: [(UnaryOperator, Loc)] = []
        while let op = unaryOperator() {
            ops.append((op, advance().loc))
            try checkChain(ops.count)
        }
        return wrap(try parsePower(), in: ops)
    }

    func unaryOperator() -> UnaryOperator? {
        switch tok.opText {
        case "-": .negate
        case "+": .plus
        case "~": .invert
        default: nil
        }
    }

    func wrap(_ e: Expr, in ops: [(UnaryOperator, Loc)]) -> Expr {
        var e = e
        for (op, loc) in ops.reversed() { e = .unary(op, e, loc) }
        return e
    }

    /// `power`: `primary ** factor`, right-associative; read as a loop and folded from the right.
    mutating func parsePower() throws -> Expr {
        let base = try parsePrimary()
        guard tok.isOp("**") else { return base }
        var operands: [(ops: [(UnaryOperator, Loc)], primary: Expr)] = []
        while acceptOp("**") {
            var ops: [(UnaryOperator, Loc)] = []
            while let op = unaryOperator() { ops.append((op, advance().loc)) }
            operands.append((ops, try parsePrimary()))
            try checkChain(operands.count * 2)
        }
        var acc = wrap(operands[operands.count - 1].primary, in: operands[operands.count - 1].ops)
        for k in stride(from: operands.count - 2, through: 0, by: -1) {
            acc = wrap(.binary(.power, operands[k].primary, acc, operands[k].primary.loc), in: operands[k].ops)
        }
        return .binary(.power, base, acc, base.loc)
    }
}
