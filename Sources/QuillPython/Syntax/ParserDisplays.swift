// Displays in brackets: `()`, parenthesised expressions (keeping their own position), tuples and generator
// expressions; lists and list comprehensions; dicts (with `**d`) and dict comprehensions; and the `for ... in ...
// if ...` clauses of comprehensions. Sets and set comprehensions are reported as unsupported at their `{`.

extension SyntaxParser {
    /// `( ... )`: the empty tuple, a parenthesised expression (keeping its own position), a tuple, or a generator.
    @inline(never)
    mutating func parseParenthesized() throws -> Expr {
        let open = advance()
        if acceptOp(")") { return .tuple([], open.loc) }
        if tok.isKeyword("yield") { throw Unsupported.yield(at: tok.loc) }
        let first = try parseStarNamedExpression()
        if tok.isKeyword("for") || tok.isKeyword("async") {
            try checkComprehensionElement(first)
            let clauses = try parseComprehensionClauses()
            try expectOp(")")
            return .generator(first, clauses, open.loc)
        }
        if acceptOp(")") {
            if case .starred = first { noteCompileError("cannot use starred expression here", at: first.loc) }
            return first
        }
        guard tok.isOp(",") else { try failAfterElement(first) }
        var items = [first]
        while acceptOp(",") {
            if tok.isOp(")") { break }
            items.append(try parseStarNamedExpression())
            if !tok.isOp(",") && !tok.isOp(")") { try failAfterElement(items[items.count - 1]) }
        }
        try expectOp(")")
        return .tuple(items, open.loc)
    }

    /// `[ ... ]`: a list display or a list comprehension.
    @inline(never)
    mutating func parseListDisplay() throws -> Expr {
        let open = advance()
        if acceptOp("]") { return .list([], open.loc) }
        let first = try parseStarNamedExpression()
        if tok.isKeyword("for") || tok.isKeyword("async") {
            try checkComprehensionElement(first)
            let clauses = try parseComprehensionClauses()
            try expectOp("]")
            return .listComprehension(first, clauses, open.loc)
        }
        var items = [first]
        while acceptOp(",") {
            if tok.isOp("]") { break }
            items.append(try parseStarNamedExpression())
        }
        if tok.isKeyword("for") {
            try fail("did you forget parentheses around the comprehension target?", at: first.loc)
        }
        try expectClosing("]", after: items[items.count - 1])
        return .list(items, open.loc)
    }

    /// `{ ... }`: a dict display (with `**d` entries) or a dict comprehension; a set is unsupported.
    @inline(never)
    mutating func parseBraces() throws -> Expr {
        let open = advance()
        if acceptOp("}") { return .dict([], open.loc) }
        var entries: [(key: Expr?, value: Expr)] = []
        var isFirst = true
        repeat {
            if tok.isOp("}") { break }
            if acceptOp("**") {
                entries.append((nil, try parseBitwiseOr()))
            } else {
                let key = try parseStarNamedExpression()
                guard tok.isOp(":") else {
                    if isFirst, tok.isOp(",") || tok.isOp("}") || tok.isKeyword("for") || tok.isKeyword("async") {
                        throw Unsupported.sets(at: open.loc)
                    }
                    if isFirst || !(tok.isOp(",") || tok.isOp("}")) { try failAfterElement(key) }
                    // CPython points at the key's last character.
                    let end = previousEnd
                    try fail("':' expected after dictionary key", at: Loc(line: end.line, column: end.column - 1))
                }
                let colon = advance()
                if tok.isOp("}") || tok.isOp(",") {
                    try fail("expression expected after dictionary key and ':'", at: colon.loc)
                }
                if tok.isOp("*") {
                    try fail("cannot use a starred expression in a dictionary value", at: tok.loc)
                }
                let value = try parseExpression()
                if isFirst && (tok.isKeyword("for") || tok.isKeyword("async")) {
                    let clauses = try parseComprehensionClauses()
                    try expectOp("}")
                    return .dictComprehension(key: key, value: value, clauses, open.loc)
                }
                entries.append((key, value))
            }
            isFirst = false
            if !tok.isOp(",") && !tok.isOp("}") { try failAfterElement(entries[entries.count - 1].value) }
        } while acceptOp(",")
        try expectOp("}")
        return .dict(entries, open.loc)
    }

    func checkComprehensionElement(_ element: Expr) throws {
        if case .starred = element {
            try fail("iterable unpacking cannot be used in comprehension", at: element.loc)
        }
    }

    /// `for target in iterable if condition ...`, one or more clauses.
    @inline(never)
    mutating func parseComprehensionClauses() throws -> [ComprehensionClause] {
        var clauses: [ComprehensionClause] = []
        while tok.isKeyword("for") || tok.isKeyword("async") {
            if tok.isKeyword("async") { throw Unsupported.async(at: tok.loc) }
            advance()
            let target = try parseTargetList()
            try checkTarget(target, .forTarget)
            guard acceptKeyword("in") else { try failAfterElement(target) }
            let iterable = try parseDisjunction()
            var conditions: [Expr] = []
            while acceptKeyword("if") { conditions.append(try parseDisjunction()) }
            clauses.append(ComprehensionClause(target: target, iterable: iterable, conditions: conditions))
        }
        return clauses
    }
}
