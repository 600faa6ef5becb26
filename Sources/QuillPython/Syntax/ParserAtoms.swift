// Primaries and atoms: names, literals, `...`, parenthesised expressions, tuples and generator expressions, list
// and dict displays and comprehensions, followed by any chain of `.attr`, `(args)` and `[index]`. Sets (and set
// comprehensions) are reported as unsupported at their `{`.

extension SyntaxParser {
    /// `primary`: an atom and its trailers. `await` is unsupported.
    mutating func parsePrimary() throws -> Expr {
        if tok.isKeyword("await") {
            throw Unsupported.async(at: tok.loc)
        }
        var e = try parseAtom()
        var chain = 0
        while true {
            if tok.isOp(".") {
                advance()
                guard let name = identifier(tok) else { throw invalidSyntax() }
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
        case .name(let index, let keyword):
            if !keyword {
                advance()
                return .name(names[Int(index)], t.loc)
            }
            if t.isKeyword("True") { advance(); return .bool(true, t.loc) }
            if t.isKeyword("False") { advance(); return .bool(false, t.loc) }
            if t.isKeyword("None") { advance(); return .none(t.loc) }
            if t.isKeyword("yield") { throw Unsupported.yield(at: t.loc) }
            throw keywordInExpression(t)
        case .number(let index):
            advance()
            switch numbers[Int(index)] {
            case .int(let digits): return .int(digits, t.loc)
            case .float(let x): return .float(x, t.loc)
            case .imaginary(let x): return .imaginary(x, t.loc)
            }
        case .string:
            return try parseStrings()
        case .op:
            if t.isOp("(") { return try parseParenthesized() }
            if t.isOp("[") { return try parseListDisplay() }
            if t.isOp("{") { return try parseBraces() }
            if t.isOp("...") { advance(); return .ellipsis(t.loc) }
            throw invalidSyntax()
        default:
            throw invalidSyntax()
        }
    }

    /// Whether `t` can begin an expression (for "Perhaps you forgot a comma?" and optional operands).
    func startsExpression(_ t: Token) -> Bool {
        switch t.kind {
        case .name(_, let keyword):
            return !keyword || SyntaxParser.expressionKeywords.contains(t.code)
        case .number, .string: return true
        case .op: return SyntaxParser.expressionStarts.contains(t.code)
        default: return false
        }
    }

    static let expressionKeywords: Set<UInt64> = Set(["True", "False", "None", "lambda", "not", "await", "yield"].map(packed))
    static let expressionStarts: Set<UInt64> = Set(["(", "[", "{", "-", "+", "~", "..."].map(packed))

    /// A keyword where an expression should be: unsupported features by name, else "invalid syntax".
    func keywordInExpression(_ t: Token) -> PyError {
        if let unsupported = unsupportedKeyword(t) { return unsupported }
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
    mutating func expectClosing(_ closer: StaticString, after element: Expr) throws {
        guard acceptOp(closer) else { throw elementError(after: element) }
    }

    /// The error when an element is followed by something other than `,` or a closing bracket. Like CPython's
    /// second pass, it reads the following expression: inside brackets, a complete one means "Perhaps you forgot
    /// a comma?" (at the element), else "invalid syntax"; reading on to an unclosed bracket's end of input
    /// gives "'(' was never closed".
    mutating func elementError(after element: Expr) -> PyError {
        guard !tok.isError, startsExpression(tok) else { return invalidSyntax() }
        var probe = self
        do {
            _ = try probe.parseExpression()
            furthestLine = max(furthestLine, probe.tok.loc.line, probe.furthestLine)
            if probe.tok.isError { return probe.invalidSyntax() }
        } catch let error as PyError {
            // A specific error inside the following expression is CPython's too; a generic one is reported here.
            furthestLine = max(furthestLine, probe.tok.loc.line, probe.furthestLine)
            return error.message.hasSuffix("invalid syntax") ? invalidSyntax() : error
        } catch {
            return invalidSyntax()
        }
        guard tok.level > 0 else { return invalidSyntax() }
        if case .name = element, case .string = tok.kind { return invalidSyntax() }
        var anchor = element
        if case .conditional(_, _, let orElse, _) = element { anchor = orElse }
        if case .lambda = element { return invalidSyntax() }
        return syntaxError("invalid syntax. Perhaps you forgot a comma?", at: anchor.loc)
    }

    /// `( ... )`: the empty tuple, a parenthesised expression (keeping its own position), a tuple, or a generator.
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
            throw syntaxError("did you forget parentheses around the comprehension target?", at: first.loc)
        }
        try expectClosing("]", after: items[items.count - 1])
        return .list(items, open.loc)
    }

    /// `{ ... }`: a dict display (with `**d` entries) or a dict comprehension; a set is unsupported.
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
                    try expectOp("}")
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

    func checkComprehensionElement(_ element: Expr) throws {
        if case .starred = element {
            throw syntaxError("iterable unpacking cannot be used in comprehension", at: element.loc)
        }
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
