// Expressions by precedence, lowest first: tuples of (starred) expressions, named expressions, lambda,
// conditional, `or`, `and`, `not`, and comparisons (chained, `not in`, `is not`). The arithmetic operators are in
// ParserOperators.swift; atoms, displays, calls and subscripts in ParserAtoms, ParserDisplays and ParserCalls.
// Chains (`a or b or c`, `not not x`) are built in loops, so only brackets and nested lambdas or conditionals
// recurse.

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
            try fail("cannot use assignment expressions with \(expressionName(e))", at: e.loc)
        }
        advance()
        return .namedExpr(name, try parseExpression(), loc)
    }

    /// A named expression where Python accepts one (conditions, list items): a stray `=` gets CPython's
    /// "Maybe you meant '=='" messages.
    mutating func parseCondition() throws -> Expr {
        let e = try parseNamedExpression()
        if tok.isOp("=") { try failStrayAssignment(e) }
        return e
    }

    @inline(never)
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
            if tok.isError || tok.isOp(":") { try failInvalidSyntax() }
            try fail("expected 'else' after 'if' expression", at: body.loc)
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
}
