// The try statement: `try:` and its block, `except` clauses (`except:`, `except T:`, `except (A, B) as e:`), then
// `else:` and `finally:`, with CPython 3.11's syntax errors for the malformed forms.

extension SyntaxParser {
    mutating func parseTry() throws -> Stmt {
        let keyword = advance()
        try expectHeaderColon(always: true)
        let body = try parseBlock(after: "'try' statement", line: keyword.loc.line)
        var handlers: [ExceptHandler] = []
        while tok.isKeyword("except") {
            let clause = advance()
            if let bare = handlers.last, bare.type == nil {
                throw syntaxError("default 'except:' must be last", at: bare.loc)
            }
            if tok.isOp("*") {
                throw PyError.unsupported("'except*' (exception groups) is not supported in Quill cells", at: tok.loc)
            }
            var type: Expr?
            var name: String?
            if !tok.isOp(":") {
                let first = try parseExpression()
                if tok.isOp(",") { throw syntaxError("multiple exception types must be parenthesized", at: first.loc) }
                type = first
                if acceptKeyword("as") { name = try expectIdentifier() }
            }
            try expectHeaderColon(always: true)
            let block = try parseBlock(after: "'except' statement", line: clause.loc.line)
            handlers.append(ExceptHandler(type: type, name: name, body: block, loc: clause.loc))
        }
        var orElse: [Stmt] = []
        if tok.isKeyword("else") {
            guard !handlers.isEmpty else { throw syntaxError("expected 'except' or 'finally' block", at: tok.loc) }
            orElse = try parseElse()
        }
        var finally: [Stmt] = []
        if tok.isKeyword("finally") {
            let clause = advance()
            try expectHeaderColon(always: true)
            finally = try parseBlock(after: "'finally' statement", line: clause.loc.line)
        }
        if handlers.isEmpty && finally.isEmpty {
            throw syntaxError("expected 'except' or 'finally' block", at: tok.loc)
        }
        return .tryStatement(body: body, handlers: handlers, orElse: orElse, finally: finally, keyword.loc)
    }
}
