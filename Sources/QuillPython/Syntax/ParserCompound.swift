// Compound statements: if/elif/else (an elif nests as an else holding an if), for/else, while/else, def and
// with, and their blocks: an indented suite after NEWLINE, or simple statements on the header's line. A missing
// block is CPython's IndentationError "expected an indented block after 'if' statement on line N".

extension SyntaxParser {
    /// A compound statement, or nil when the line holds simple statements.
    mutating func parseCompoundStatement() throws -> Stmt? {
        let t = tok
        if t.isOp("@") { throw Unsupported.decorators(at: t.loc) }
        guard let name = nameText(t) else { return nil }
        switch name {
        case "if": return try parseIf()
        case "for": return try parseFor()
        case "while": return try parseWhile()
        case "def": return try parseDef()
        case "with": return try parseWith()
        case "try": return try parseTry()
        case "match" where isMatchStatement(): throw Unsupported.match(at: t.loc)
        default: return nil
        }
    }

    /// `match` is a soft keyword: a line `match subject:` is a match statement, `match = 1` is not.
    func isMatchStatement() -> Bool {
        let next = peek()
        if next.kind == .op && (SyntaxParser.notAfterMatch.contains(next.code) || (next.code >> 8 & 0xFF) == 0x3D
                                || (next.code >> 16 & 0xFF) == 0x3D) {
            return false
        }
        if next.isNewline { return false }
        var j = pos + 1
        while j < tokens.count - 1, !(tokens[j + 1].isNewline && tokens[j + 1].level == 0) { j += 1 }
        return tokens[j].isOp(":")
    }

    /// Operators after `match` that make it a name (`match = 1`, `match.x`); augmented assignments also end in `=`.
    static let notAfterMatch: Set<UInt64> = Set(["=", ":=", ".", ":", ",", ")", "]", "}", ";"].map(packed))

    /// The block after a header's `:`.
    mutating func parseBlock(after header: String, line: Int) throws -> [Stmt] {
        guard tok.isNewline else { return try parseSimpleStatements() }
        advance()
        guard case .indent = tok.kind else {
            if case .error = tok.kind { try failInvalidSyntax() }
            throw PyError(.exception("IndentationError"), "expected an indented block after \(header) on line \(line)",
                          at: tok.loc)
        }
        advance()
        var body: [Stmt] = []
        while true {
            switch tok.kind {
            case .dedent:
                advance()
                return body
            case .end:
                return body
            default:
                body.append(contentsOf: try parseStatement())
            }
        }
    }

    mutating func parseIf() throws -> Stmt {
        let keyword = advance()
        let test = try parseCondition()
        try expectHeaderColon()
        let body = try parseBlock(after: "'\(nameText(keyword) ?? "if")' statement", line: keyword.loc.line)
        var orElse: [Stmt] = []
        if tok.isKeyword("elif") {
            orElse = [try parseIf()]
        } else if tok.isKeyword("else") {
            orElse = try parseElse()
        }
        return .ifStatement(test: test, body: body, orElse: orElse, keyword.loc)
    }

    mutating func parseElse() throws -> [Stmt] {
        let keyword = advance()
        try expectHeaderColon(always: true)
        return try parseBlock(after: "'else' statement", line: keyword.loc.line)
    }

    mutating func parseFor() throws -> Stmt {
        let keyword = advance()
        let target = try parseTargetList()
        try checkTarget(target, .forTarget)
        guard acceptKeyword("in") else { try failAfterElement(target) }
        let iterable = try parseStarExpressions()
        if case .starred(_, let loc) = iterable { noteCompileError("can't use starred expression here", at: loc) }
        try expectHeaderColon()
        loopDepth += 1
        let body = try parseBlock(after: "'for' statement", line: keyword.loc.line)
        loopDepth -= 1
        let orElse = tok.isKeyword("else") ? try parseElse() : []
        return .forLoop(target: target, iterable: iterable, body: body, orElse: orElse, keyword.loc)
    }

    mutating func parseWhile() throws -> Stmt {
        let keyword = advance()
        let test = try parseCondition()
        try expectHeaderColon()
        loopDepth += 1
        let body = try parseBlock(after: "'while' statement", line: keyword.loc.line)
        loopDepth -= 1
        let orElse = tok.isKeyword("else") ? try parseElse() : []
        return .whileLoop(test: test, body: body, orElse: orElse, keyword.loc)
    }

    /// `def name(params) -> annotation:` and its body; the docstring is a plain string as first statement.
    mutating func parseDef() throws -> Stmt {
        let keyword = advance()
        let name = try expectIdentifier()
        guard acceptOp("(") else {
            if case .error = tok.kind { try failInvalidSyntax() }
            try fail("expected '('", at: tok.loc)
        }
        let parameters = try parseParameters(closer: ")", annotations: true)
        try expectOp(")")
        if acceptOp("->") { try skipAnnotation() }
        try expectHeaderColon(always: true)
        let outerLoops = loopDepth
        loopDepth = 0
        functionDepth += 1
        let body = try parseBlock(after: "function definition", line: keyword.loc.line)
        functionDepth -= 1
        loopDepth = outerLoops
        var docstring: String?
        if case .expression(.string(let text, _), _, _)? = body.first { docstring = text }
        return .functionDef(name: name, parameters: parameters, body: body, docstring: docstring, keyword.loc)
    }

    /// `with a as x, b:` and the parenthesised form `with (a as x, b as y):`.
    mutating func parseWith() throws -> Stmt {
        let keyword = advance()
        var items: [WithItem] = []
        var probe = self
        if tok.isOp("("), let parenthesized = try? probe.parseParenthesizedWithItems() {
            self = probe
            items = parenthesized
        } else {
            repeat { items.append(try parseWithItem()) } while acceptOp(",")
        }
        try expectHeaderColon()
        let body = try parseBlock(after: "'with' statement", line: keyword.loc.line)
        return .with(items, body: body, keyword.loc)
    }

    mutating func parseWithItem() throws -> WithItem {
        let context = try parseExpression()
        guard acceptKeyword("as") else { return WithItem(context: context, target: nil) }
        let target = try parseTargetItem()
        try checkTarget(target, .assign)
        return WithItem(context: context, target: target)
    }

    /// `( item, item, )` followed by `:`; fails (for the caller to reparse) when it is an ordinary expression.
    mutating func parseParenthesizedWithItems() throws -> [WithItem] {
        advance()
        var items: [WithItem] = []
        repeat {
            if tok.isOp(")") && !items.isEmpty { break }
            items.append(try parseWithItem())
        } while acceptOp(",")
        try expectOp(")")
        guard tok.isOp(":") else { try failInvalidSyntax() }
        return items
    }
}
