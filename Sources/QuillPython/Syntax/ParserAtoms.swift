// Primaries and atoms: names, literals and `...` (displays in brackets are in ParserDisplays.swift), followed by
// any chain of `.attr`, `(args)` and `[index]`; and the error after an element that is followed by neither a
// comma nor a closing bracket ("Perhaps you forgot a comma?").

extension SyntaxParser {
    /// `primary`: an atom and its trailers. `await` is unsupported.
    mutating func parsePrimary() throws -> Expr {
        if tok.isKeyword("await") {
            throw Unsupported.async(at: tok.loc)
        }
        var e = try parseAtom()
        var chain = 0
        while tok.isOp(".") || tok.isOp("(") || tok.isOp("[") {
            e = try parseTrailer(e)
            chain += 1
            try checkChain(chain)
        }
        return e
    }

    /// `.name`, `(arguments)` or `[index]` after `e`. Atoms and trailers are parsed outside the recursive
    /// functions' frames (`@inline(never)`), which keeps each nesting level's stack small.
    @inline(never)
    mutating func parseTrailer(_ e: Expr) throws -> Expr {
        let open = advance()
        if open.isOp(".") {
            guard let name = identifier(tok) else { try failInvalidSyntax() }
            advance()
            return .attribute(e, name, e.loc)
        }
        if open.isOp("(") { return .call(e, try parseCallArguments(open: open), e.loc) }
        let index = try parseSlices()
        try expectClosing("]", after: index)
        return .subscript(e, index, e.loc)
    }

    mutating func parseAtom() throws -> Expr {
        switch tok.kind {
        case .string:
            return try parseStrings()
        case .op:
            if tok.isOp("(") { return try parseParenthesized() }
            if tok.isOp("[") { return try parseListDisplay() }
            if tok.isOp("{") { return try parseBraces() }
            return try parseSimpleAtom()
        default:
            return try parseSimpleAtom()
        }
    }

    /// Names, numbers, True/False/None and `...`.
    @inline(never)
    mutating func parseSimpleAtom() throws -> Expr {
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
        default:
            if t.isOp("...") {
                advance()
                return .ellipsis(t.loc)
            }
            try failInvalidSyntax()
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

    static let expressionKeywords: Set<UInt64> = Set(
        ["True", "False", "None", "lambda", "not", "await", "yield"].map(packed))
    static let expressionStarts: Set<UInt64> = Set(["(", "[", "{", "-", "+", "~", "..."].map(packed))

    /// A keyword where an expression should be: unsupported features by name, else "invalid syntax".
    @inline(never)
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
        guard acceptOp(closer) else { try failAfterElement(element) }
    }

    /// The error when an element is followed by something other than `,` or a closing bracket. Like CPython's
    /// second pass, it reads the following expression: inside brackets, a complete one means "Perhaps you forgot
    /// a comma?" (at the element), else "invalid syntax"; reading on to an unclosed bracket's end of input
    /// gives "'(' was never closed".
    @inline(never)
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
}
