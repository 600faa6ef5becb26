// Primaries and atoms: names, literals, `...`, parenthesised expressions, tuples and generator expressions, list
// and dict displays and comprehensions, followed by any chain of `.attr`, `(args)` and `[index]`. Sets (and set
// comprehensions) are reported as unsupported at their `{`.

extension SyntaxParser {
    /// `primary`: an atom and its trailers. `await` is unsupported.
    mutating func parsePrimary() throws -> Expr {
        if tok.isKeyword("await") {
            throw PyError.unsupported("async and await are not supported in Quill cells", at: tok.loc)
        }
        var e = try parseAtom()
        var chain = 0
        while true {
            if tok.isOp(".") {
                advance()
                guard let name = tok.identifier else { throw invalidSyntax() }
                advance()
                e = .attribute(e, name, e.loc)
            } else if tok.isOp("(") {
                let open = advance()
                e = .call(e, try parseCallArguments(open: open), e.loc)
            } else if tok.isOp("[") {
                advance()
                let index = try parseSlices()
                try expectClosing("]", after: index)
                e = .subscript(e, index, e.loc)
            } else {
                return e
            }
            chain += 1
            try checkChain(chain)
        }
    }

    mutating func parseAtom() throws -> Expr {
        let t = tok
        switch t.kind {
        case .name(let name):
            switch name {
            case "True": advance(); return .bool(true, t.loc)
            case "False": advance(); return .bool(false, t.loc)
            case "None": advance(); return .none(t.loc)
            case "yield": throw Unsupported.yield(at: t.loc)
            default:
                guard t.identifier != nil else { throw keywordInExpression(t) }
                advance()
                return .name(name, t.loc)
            }
        case .number(let n):
            advance()
            switch n {
            case .int(let digits): return .int(digits, t.loc)
            case .float(let x): return .float(x, t.loc)
            case .imaginary(let x): return .imaginary(x, t.loc)
            }
        case .string:
            return try parseStrings()
        case .op(let op):
            switch op {
            case "(": return try parseParenthesized()
            case "[": return try parseListDisplay()
            case "{": return try parseBraces()
            case "...": advance(); return .ellipsis(t.loc)
            default: throw invalidSyntax()
            }
        default:
            throw invalidSyntax()
        }
    }

    /// Whether `t` can begin an expression (for "Perhaps you forgot a comma?" and optional operands).
    func startsExpression(_ t: Token) -> Bool {
        switch t.kind {
        case .name(let n):
            return !Keywords.all.contains(n) || ["True", "False", "None", "lambda", "not", "await", "yield"].contains(n)
        case .number, .string: return true
        case .op(let o): return ["(", "[", "{", "-", "+", "~", "..."].contains(o)
        default: return false
        }
    }

    /// A keyword where an expression should be: unsupported features by name, else "invalid syntax".
    func keywordInExpression(_ t: Token) -> PyError {
        if let unsupported = Unsupported.keyword(t) { return unsupported }
        return invalidSyntax()
    }

    /// `*x` or a named expression: an element of a list or tuple display.
    mutating func parseStarNamedExpression() throws -> Expr {
        if tok.isOp("*") {
            let star = advance()
            return .starred(try parseBitwiseOr(), star.loc)
        }
        return try parseCondition()
    }

    /// After an element inside brackets: the expected closing bracket, else CPython's errors.
    mutating func expectClosing(_ closer: String, after element: Expr) throws {
        guard acceptOp(closer) else { throw elementError(after: element) }
    }

    /// The error when an element is followed by something other than `,` or a closing bracket: inside brackets
    /// a following expression means "Perhaps you forgot a comma?" (at the element), else "invalid syntax".
    func elementError(after element: Expr) -> PyError {
        if case .error = tok.kind { return invalidSyntax() }
        guard tok.level > 0, startsExpression(tok) else { return invalidSyntax() }
        if case .name = element, case .string = tok.kind { return invalidSyntax() }
        var probe = self
        guard (try? probe.parseExpression()) != nil else { return invalidSyntax() }
        var anchor = element
        if case .conditional(_, _, let orElse, _) = element { anchor = orElse }
        if case .lambda = element { return invalidSyntax() }
        return syntaxError("invalid syntax. Perhaps you forgot a comma?", at: anchor.loc)
    }

    /// `( ... )`: the empty tuple, a parenthesised expression (keeping its own position), a tuple, or a generator.
    mutating func parseParenthesized() throws -> Expr {
        let open = advance()
        try enterNesting()
        defer { nesting -= 1 }
        if acceptOp(")") { return .tuple([], open.loc) }
        if tok.isKeyword("yield") { throw Unsupported.yield(at: tok.loc) }
        let first = try parseStarNamedExpression()
        if tok.isKeyword("for") || tok.isKeyword("async") {
            let clauses = try parseComprehensionClauses()
            try expectClosing(")", after: first)
            return .generator(first, clauses, open.loc)
        }
        if acceptOp(")") {
            if case .starred = first { noteCompileError("cannot use starred expression here", at: first.loc) }
            return first
        }
        guard tok.isOp(",") else { throw elementError(after: first) }
        var items = [first]
        while acceptOp(",") {
            if tok.isOp(")") { break }
            items.append(try parseStarNamedExpression())
            if !tok.isOp(",") && !tok.isOp(")") { throw elementError(after: items[items.count - 1]) }
        }
        try expectOp(")")
        return .tuple(items, open.loc)
    }

    /// `[ ... ]`: a list display or a list comprehension.
    mutating func parseListDisplay() throws -> Expr {
        let open = advance()
        try enterNesting()
        defer { nesting -= 1 }
        if acceptOp("]") { return .list([], open.loc) }
        let first = try parseStarNamedExpression()
        if tok.isKeyword("for") || tok.isKeyword("async") {
            let clauses = try parseComprehensionClauses()
            try expectClosing("]", after: first)
            return .listComprehension(first, clauses, open.loc)
        }
        var items = [first]
        while acceptOp(",") {
            if tok.isOp("]") { break }
            items.append(try parseStarNamedExpression())
        }
        try expectClosing("]", after: items[items.count - 1])
        return .list(items, open.loc)
    }

    /// `{ ... }`: a dict display (with `**d` entries) or a dict comprehension; a set is unsupported.
    mutating func parseBraces() throws -> Expr {
        let open = advance()
        try enterNesting()
        defer { nesting -= 1 }
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
                    if isFirst || !(tok.isOp(",") || tok.isOp("}")) { throw elementError(after: key) }
                    // CPython points at the key's last character.
                    let end = previousEnd
                    throw syntaxError("':' expected after dictionary key", at: Loc(line: end.line, column: end.column - 1))
                }
                let colon = advance()
                if tok.isOp("}") || tok.isOp(",") {
                    throw syntaxError("expression expected after dictionary key and ':'", at: colon.loc)
                }
                if tok.isOp("*") {
                    throw syntaxError("cannot use a starred expression in a dictionary value", at: tok.loc)
                }
                let value = try parseExpression()
                if isFirst && (tok.isKeyword("for") || tok.isKeyword("async")) {
                    let clauses = try parseComprehensionClauses()
                    try expectClosing("}", after: value)
                    return .dictComprehension(key: key, value: value, clauses, open.loc)
                }
                entries.append((key, value))
            }
            isFirst = false
            if !tok.isOp(",") && !tok.isOp("}") { throw elementError(after: entries[entries.count - 1].value) }
        } while acceptOp(",")
        try expectOp("}")
        return .dict(entries, open.loc)
    }

    /// `for target in iterable if condition ...`, one or more clauses.
    mutating func parseComprehensionClauses() throws -> [ComprehensionClause] {
        var clauses: [ComprehensionClause] = []
        while tok.isKeyword("for") || tok.isKeyword("async") {
            if tok.isKeyword("async") { throw Unsupported.async(at: tok.loc) }
            advance()
            let target = try parseTargetList()
            try checkTarget(target, .forTarget)
            guard acceptKeyword("in") else { throw elementError(after: target) }
            let iterable = try parseDisjunction()
            var conditions: [Expr] = []
            while acceptKeyword("if") { conditions.append(try parseDisjunction()) }
            clauses.append(ComprehensionClause(target: target, iterable: iterable, conditions: conditions))
        }
        return clauses
    }
}
