// Statements of one logical line: expression statements (with Jupyter's trailing `;`), assignment chains and
// unpacking, augmented and annotated assignment, pass/break/continue/return, del, import and from-import, assert
// and raise. Compound statements are in ParserCompound.swift. A cell is a sequence of statements.

extension SyntaxParser {
    mutating func parseFile() throws -> [Stmt] {
        var body: [Stmt] = []
        while true {
            switch tok.kind {
            case .end: return body
            case .newline: advance()
            default: body.append(contentsOf: try parseStatement())
            }
        }
    }

    mutating func parseStatement() throws -> [Stmt] {
        if let compound = try parseCompoundStatement() { return [compound] }
        return try parseSimpleStatements()
    }

    /// `a; b; c` up to the end of the line; a `;` that ends the line marks an expression statement.
    mutating func parseSimpleStatements() throws -> [Stmt] {
        var statements: [Stmt] = []
        while true {
            var statement = try parseSimpleStatement()
            if acceptOp(";") {
                if tok.isNewline, case .expression(let e, _, let loc) = statement {
                    statement = .expression(e, trailingSemicolon: true, loc)
                }
                statements.append(statement)
                if tok.isNewline {
                    advance()
                    return statements
                }
                continue
            }
            statements.append(statement)
            guard tok.isNewline else { throw statementEndError(statement) }
            advance()
            return statements
        }
    }

    /// What follows a complete statement on its line: Python 2's `print x`, else "invalid syntax" (or an
    /// unclosed bracket that the following expression runs into).
    mutating func statementEndError(_ statement: Stmt) -> PyError {
        if case .expression(.name(let name, let loc), _, _) = statement, name == "print" || name == "exec",
           startsExpression(tok) {
            return syntaxError("Missing parentheses in call to '\(name)'. Did you mean \(name)(...)?", at: loc)
        }
        switch statement {
        case .expression(let e, _, _), .assign(_, let e, _), .augmentedAssign(_, _, let e, _), .returnStatement(let e?, _):
            return elementError(after: e)
        default:
            return invalidSyntax()
        }
    }

    mutating func parseSimpleStatement() throws -> Stmt {
        let t = tok
        if let unsupported = unsupportedKeyword(t) { throw unsupported }
        switch nameText(t) {
        case "pass":
            advance()
            return .pass(t.loc)
        case "break":
            advance()
            if loopDepth == 0 { noteCompileError("'break' outside loop", at: t.loc) }
            return .breakStatement(t.loc)
        case "continue":
            advance()
            if loopDepth == 0 { noteCompileError("'continue' not properly in loop", at: t.loc) }
            return .continueStatement(t.loc)
        case "return":
            advance()
            let value = startsExpression(tok) || tok.isOp("*") ? try parseStarExpressions() : nil
            if functionDepth == 0 { noteCompileError("'return' outside function", at: t.loc) }
            if case .starred(_, let loc)? = value { noteCompileError("can't use starred expression here", at: loc) }
            return .returnStatement(value, t.loc)
        case "del":
            advance()
            let targets = try parseDeleteTargets()
            return .delete(targets, t.loc)
        case "import":
            return try parseImport()
        case "from":
            return try parseFromImport()
        case "assert":
            advance()
            let test = try parseExpression()
            let message = acceptOp(",") ? try parseExpression() : nil
            return .assert(test: test, message: message, t.loc)
        case "raise":
            advance()
            guard startsExpression(tok) else { return .raise(nil, t.loc) }
            let exception = try parseExpression()
            if tok.isKeyword("from") {
                throw Unsupported.raiseFrom(at: tok.loc)
            }
            return .raise(exception, t.loc)
        default:
            return try parseExpressionStatement()
        }
    }

    /// An expression statement or an assignment of any kind.
    mutating func parseExpressionStatement() throws -> Stmt {
        let first = try parseStarExpressions()
        if tok.isOp("=") { return try parseAssignment(first) }
        if tok.kind == .op, let op = SyntaxParser.augmentedOperators[tok.code] {
            let opToken = advance()
            guard let op else {
                throw Unsupported.bitwise(at: opToken.loc)
            }
            switch first {
            case .name, .attribute, .subscript: break
            default:
                throw syntaxError("'\(expressionName(first))' is an illegal expression for augmented assignment",
                                  at: first.loc)
            }
            return .augmentedAssign(target: first, op: op, value: try parseAssignedValue(), first.loc)
        }
        if tok.isOp(":") { return try parseAnnotatedAssignment(first) }
        if tok.isOp(":="), !isName(first) {
            throw syntaxError("cannot use assignment expressions with \(expressionName(first))", at: first.loc)
        }
        if case .starred = first { noteCompileError("can't use starred expression here", at: first.loc) }
        return .expression(first, trailingSemicolon: false, first.loc)
    }

    func isName(_ e: Expr) -> Bool {
        if case .name = e { return true }
        return false
    }

    /// `+=` and friends; nil marks the bitwise ones Quill does not run.
    static let augmentedOperators: [UInt64: BinaryOperator?] = [
        packed("+="): .add, packed("-="): .subtract, packed("*="): .multiply, packed("/="): .divide,
        packed("//="): .floorDivide, packed("%="): .modulo, packed("**="): .power, packed("@="): .matrixMultiply,
        packed("&="): nil, packed("|="): nil, packed("^="): nil, packed("<<="): nil, packed(">>="): nil,
    ]

    /// The right-hand side of an assignment (`yield` is unsupported).
    mutating func parseAssignedValue() throws -> Expr {
        if tok.isKeyword("yield") { throw Unsupported.yield(at: tok.loc) }
        return try parseStarExpressions()
    }

    /// `a = b = value` after the first target.
    mutating func parseAssignment(_ first: Expr) throws -> Stmt {
        var targets = [first]
        var value = first
        while acceptOp("=") {
            value = try parseAssignedValue()
            if tok.isOp("=") { targets.append(value) }
        }
        if targets.count == 1, invalidTarget(first, .assign) != nil, isBitwiseOrLevel(first),
           !startsWithDisplayOrConstant(first) {
            throw syntaxError("cannot assign to \(expressionName(first)) here. Maybe you meant '==' instead of '='?",
                              at: first.loc)
        }
        for target in targets { try checkTarget(target, .assign) }
        if case .starred = value { noteCompileError("can't use starred expression here", at: value.loc) }
        return .assign(targets: targets, value: value, first.loc)
    }

    /// `target: annotation [= value]`; the annotation is parsed and dropped.
    mutating func parseAnnotatedAssignment(_ target: Expr) throws -> Stmt {
        // CPython names a bad target only when an annotation follows the colon.
        if !startsExpression(peek()) { throw invalidSyntax() }
        switch target {
        case .name, .attribute, .subscript: break
        case .tuple: throw syntaxError("only single target (not tuple) can be annotated", at: target.loc)
        case .list: throw syntaxError("only single target (not list) can be annotated", at: target.loc)
        default: throw syntaxError("illegal target for annotation", at: target.loc)
        }
        advance()
        try skipAnnotation()
        let value = acceptOp("=") ? try parseAssignedValue() : nil
        return .annotatedAssign(target: target, value: value, target.loc)
    }

    mutating func parseDeleteTargets() throws -> [Expr] {
        var targets: [Expr] = []
        repeat {
            if tok.isNewline || tok.isOp(";") { break }
            let target = try parseTargetItem()
            try checkTarget(target, .delete)
            targets.append(target)
        } while acceptOp(",")
        if targets.isEmpty { throw invalidSyntax() }
        return targets
    }

    /// `import a.b as c, d`.
    mutating func parseImport() throws -> Stmt {
        let keyword = advance()
        var names: [ImportName] = []
        repeat {
            let loc = tok.loc
            let name = try parseDottedName()
            let alias = acceptKeyword("as") ? try expectIdentifier() : nil
            names.append(ImportName(name: name, alias: alias, loc: loc))
        } while acceptOp(",")
        return .importModules(names, keyword.loc)
    }

    /// `from a.b import x, y as z` or `from a import (x, y,)`.
    mutating func parseFromImport() throws -> Stmt {
        let keyword = advance()
        if tok.isOp(".") || tok.isOp("...") {
            throw Unsupported.relativeImport(at: keyword.loc)
        }
        let module = try parseDottedName()
        guard acceptKeyword("import") else { throw invalidSyntax() }
        if tok.isOp("*") {
            throw Unsupported.starImport(at: keyword.loc)
        }
        let parenthesized = acceptOp("(")
        var names: [ImportName] = []
        repeat {
            if parenthesized && tok.isOp(")") && !names.isEmpty { break }
            if !parenthesized && !names.isEmpty && tok.isNewline {
                throw syntaxError("trailing comma not allowed without surrounding parentheses", at: tok.loc)
            }
            let loc = tok.loc
            let name = try expectIdentifier()
            let alias = acceptKeyword("as") ? try expectIdentifier() : nil
            names.append(ImportName(name: name, alias: alias, loc: loc))
        } while acceptOp(",")
        if parenthesized { try expectOp(")") }
        return .importFrom(module: module, names: names, keyword.loc)
    }

    mutating func parseDottedName() throws -> String {
        var name = try expectIdentifier()
        while acceptOp(".") { name += "." + (try expectIdentifier()) }
        return name
    }
}
