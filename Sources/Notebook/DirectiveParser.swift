// Parser of the directive language. Grammar (one statement per line; lists may span lines):
//
//   cell       -> statement*
//   statement  -> NAME "=" expr                               assignment; the variable lives across cells
//               | "for" NAME ["," NAME] "in" expr ":"          then an indented block
//               | expr                                        e.g. print(...), table(...)
//   expr       -> primary ( "[" expr "]" | "." NAME )*
//   primary    -> NUMBER | STRING | FSTRING | "true" | "false"
//               | NAME                                        variable
//               | NAME "(" [arg ("," arg)* [","]] ")"          call of a built-in function
//               | "[" [expr ("," expr)* [","]] "]"             list
//               | "(" expr "," expr ")"                        pair
//               | "(" expr ")"
//   arg        -> [NAME "="] expr
//   FSTRING    -> f"text {expr} text {expr:spec}"             spec: Python's format mini-language subset

import CommonMark

struct DirectiveParser {
    /// Deeper nesting than this is refused, so that recursion (and recursive deinit) stays shallow.
    static let maxNesting = 64
    static let maxArguments = 10_000

    private var tokens: [Token]
    private var indents: [Int: Int]
    private var position = 0
    private var nesting = 0

    init(tokens: [Token], indents: [Int: Int]) {
        self.tokens = tokens
        self.indents = indents
    }

    /// Parses the text of one cell.
    static func parse(_ text: String, origin: CellOrigin) throws -> [Statement] {
        var lexer = Lexer(text, origin: origin)
        let tokens = try lexer.tokenize()
        var parser = DirectiveParser(tokens: tokens, indents: lexer.lineIndent)
        return try parser.parseBlock(indent: 0, isTopLevel: true)
    }

    private var current: Token? { position < tokens.count ? tokens[position] : nil }
    private var currentIndent: Int { indents[position] ?? 0 }

    private mutating func parseBlock(indent: Int, isTopLevel: Bool) throws -> [Statement] {
        var statements: [Statement] = []
        while let token = current {
            let lineIndent = currentIndent
            if lineIndent < indent { break }
            if lineIndent > indent {
                throw Diagnostic("unexpected indentation", at: token.range,
                                 hint: isTopLevel && statements.isEmpty ? nil : "only the body of a 'for' is indented")
            }
            statements.append(try parseStatement(indent: indent))
        }
        return statements
    }

    private mutating func parseStatement(indent: Int) throws -> Statement {
        guard let first = current else { throw Diagnostic("expected a statement", at: SourceRange(line: 1, column: 1)) }
        if case .name("for") = first.kind { return try parseFor(indent: indent) }
        if case .name(let name) = first.kind, position + 1 < tokens.count, tokens[position + 1].kind == .punct("=") {
            position += 2
            let value = try parseExpr()
            try expectEndOfLine()
            return .assign(name: name, value: value, range: first.range)
        }
        let expr = try parseExpr()
        try expectEndOfLine()
        return .expression(expr)
    }

    private mutating func parseFor(indent: Int) throws -> Statement {
        guard let forToken = current else { throw Diagnostic("expected 'for'", at: SourceRange(line: 1, column: 1)) }
        position += 1
        var names = [try expectName("a loop variable")]
        if accept(.punct(",")) { names.append(try expectName("a second loop variable")) }
        guard case .name("in")? = current?.kind else {
            throw Diagnostic("expected 'in' in for loop", at: current?.range ?? forToken.range,
                             hint: "for NAME in LIST:")
        }
        position += 1
        let sequence = try parseExpr()
        guard accept(.punct(":")) else {
            throw Diagnostic("expected ':' at the end of the for line", at: current?.range ?? forToken.range)
        }
        try expectEndOfLine()
        guard current != nil, currentIndent > indent else {
            throw Diagnostic("'for' needs an indented body on the next lines", at: forToken.range)
        }
        nesting += 1
        defer { nesting -= 1 }
        guard nesting <= Self.maxNesting else { throw Diagnostic("loops nested too deeply", at: forToken.range) }
        let body = try parseBlock(indent: currentIndent, isTopLevel: false)
        return .forLoop(names: names, sequence: sequence, body: body, range: forToken.range)
    }

    mutating func parseExpr() throws -> Expr {
        nesting += 1
        defer { nesting -= 1 }
        guard let start = current else {
            throw Diagnostic("expected an expression", at: tokens.last?.range ?? SourceRange(line: 1, column: 1))
        }
        guard nesting <= Self.maxNesting else {
            throw Diagnostic("expression nested too deeply (more than \(Self.maxNesting) levels)", at: start.range)
        }
        var expr = try parsePrimary()
        while let token = current {
            if token.kind == .punct("[") {
                position += 1
                let index = try parseExpr()
                let close = try expect(.punct("]"), "']'")
                expr = .index(expr, index, SourceRange(expr.range.lowerBound, close.range.upperBound))
            } else if token.kind == .punct(".") {
                position += 1
                let nameToken = current
                let name = try expectName("a field name")
                expr = .field(expr, name, SourceRange(expr.range.lowerBound, nameToken?.range.upperBound ?? token.range.upperBound))
            } else {
                break
            }
        }
        return expr
    }

    private mutating func parsePrimary() throws -> Expr {
        guard let token = current, token.kind != .newline else {
            throw Diagnostic("expected an expression", at: current?.range ?? tokens.last?.range ?? SourceRange(line: 1, column: 1))
        }
        position += 1
        switch token.kind {
        case .int(let v): return .int(v, token.range)
        case .float(let v): return .float(v, token.range)
        case .string(let s): return .string(s, token.range)
        case .template(let raw, _): return try parseTemplate(raw, token: token)
        case .name("true"): return .bool(true, token.range)
        case .name("false"): return .bool(false, token.range)
        case .name(let name):
            guard accept(.punct("(")) else { return .variable(name, token.range) }
            var arguments: [Argument] = []
            while current?.kind != .punct(")") {
                guard arguments.count < Self.maxArguments else {
                    throw Diagnostic("more than \(Self.maxArguments) arguments in a call", at: token.range,
                                     hint: "pass a list instead")
                }
                arguments.append(try parseArgument())
                if !accept(.punct(",")) { break }
            }
            let close = try expect(.punct(")"), "')' to close the call of \(name)")
            return .call(name: name, arguments: arguments, range: SourceRange(token.range.lowerBound, close.range.upperBound))
        case .punct("["):
            var items: [Expr] = []
            while current?.kind != .punct("]") {
                items.append(try parseExpr())
                if !accept(.punct(",")) { break }
            }
            let close = try expect(.punct("]"), "']' to close the list")
            return .list(items, SourceRange(token.range.lowerBound, close.range.upperBound))
        case .punct("("):
            let first = try parseExpr()
            if accept(.punct(",")) {
                let second = try parseExpr()
                _ = accept(.punct(","))
                let close = try expect(.punct(")"), "')' to close the pair (pairs have two elements)")
                return .pair(first, second, SourceRange(token.range.lowerBound, close.range.upperBound))
            }
            _ = try expect(.punct(")"), "')'")
            return first
        default:
            throw Diagnostic("unexpected '\(describe(token.kind))'", at: token.range)
        }
    }

    private mutating func parseArgument() throws -> Argument {
        if case .name(let label)? = current?.kind, position + 1 < tokens.count, tokens[position + 1].kind == .punct("="),
           let start = current {
            position += 2
            let value = try parseExpr()
            return Argument(label: label, value: value, range: SourceRange(start.range.lowerBound, value.range.upperBound))
        }
        let value = try parseExpr()
        return Argument(label: nil, value: value, range: value.range)
    }

    /// Splits an f-string body into text and `{expr:spec}` parts; expressions are lexed in place.
    private func parseTemplate(_ raw: [UInt8], token: Token) throws -> Expr {
        let bodyColumn = token.range.lowerBound.column + 2
        let line = token.range.lowerBound.line
        func at(_ offset: Int, _ length: Int = 1) -> SourceRange {
            SourceRange(SourcePosition(line: line, column: bodyColumn + offset),
                        SourcePosition(line: line, column: bodyColumn + offset + max(0, length - 1)))
        }
        var parts: [TemplatePart] = []
        var text: [UInt8] = []
        var k = 0
        func flush() throws {
            if !text.isEmpty { parts.append(.text(try Lexer.unescape(text, at: token.range))) }
            text = []
        }
        while k < raw.count {
            let b = raw[k]
            if b == UInt8(ascii: "\\"), k + 1 < raw.count {
                text += raw[k...k + 1]
                k += 2
            } else if b == UInt8(ascii: "{"), k + 1 < raw.count, raw[k + 1] == b {
                text += [UInt8(ascii: "\\"), b]
                k += 2
            } else if b == UInt8(ascii: "}"), k + 1 < raw.count, raw[k + 1] == b {
                text += [UInt8(ascii: "\\"), b]
                k += 2
            } else if b == UInt8(ascii: "}") {
                throw Diagnostic("single '}' in f-string", at: at(k), hint: "write '}}' for a literal brace")
            } else if b == UInt8(ascii: "{") {
                try flush()
                guard let close = raw[(k + 1)...].firstIndex(of: UInt8(ascii: "}")) else {
                    throw Diagnostic("'{' without '}' in f-string", at: at(k), hint: "write '{{' for a literal brace")
                }
                let inner = Array(raw[(k + 1)..<close])
                let colon = Self.specColon(inner)
                let exprBytes = colon.map { Array(inner[..<$0]) } ?? inner
                let spec = colon.map { String(decoding: inner[($0 + 1)...], as: UTF8.self) }
                let origin = CellOrigin(firstLine: line, columnOffset: bodyColumn + k)
                var lexer = Lexer(String(decoding: exprBytes, as: UTF8.self), origin: origin)
                var exprTokens = try lexer.tokenize()
                exprTokens.removeAll { $0.kind == .newline }
                guard !exprTokens.isEmpty else { throw Diagnostic("empty '{}' in f-string", at: at(k, 2)) }
                exprTokens.append(Token(kind: .newline, range: at(close)))
                var sub = DirectiveParser(tokens: exprTokens, indents: [:])
                let expr = try sub.parseExpr()
                try sub.expectEndOfLine()
                let specOffset = colon.map { k + 2 + $0 } ?? close
                parts.append(.value(expr, spec: spec, specRange: at(specOffset, max(1, spec?.utf8.count ?? 1))))
                k = close + 1
            } else {
                text.append(b)
                k += 1
            }
        }
        try flush()
        return .template(parts, token.range)
    }

    /// The colon that starts a format spec: the last one outside brackets and strings.
    private static func specColon(_ bytes: [UInt8]) -> Int? {
        var depth = 0
        var inString = false
        for (offset, b) in bytes.enumerated() {
            if b == UInt8(ascii: "\"") { inString.toggle() }
            if inString { continue }
            if b == UInt8(ascii: "[") || b == UInt8(ascii: "(") { depth += 1 }
            if b == UInt8(ascii: "]") || b == UInt8(ascii: ")") { depth -= 1 }
            if b == UInt8(ascii: ":"), depth == 0 { return offset }
        }
        return nil
    }

    private mutating func accept(_ kind: TokenKind) -> Bool {
        guard current?.kind == kind else { return false }
        position += 1
        return true
    }

    private mutating func expect(_ kind: TokenKind, _ what: String) throws -> Token {
        guard let token = current, token.kind == kind else {
            if current == nil || (current?.kind == .newline && position == tokens.count - 1) {
                let previous = position > 0 ? tokens[position - 1].range : SourceRange(line: 1, column: 1)
                throw Diagnostic("expected \(what), found end of cell", at: previous)
            }
            let found = current.map { "'\(describe($0.kind))'" } ?? "end of cell"
            throw Diagnostic("expected \(what), found \(found)", at: current?.range ?? tokens.last?.range ?? SourceRange(line: 1, column: 1))
        }
        position += 1
        return token
    }

    private mutating func expectName(_ what: String) throws -> String {
        guard let token = current, case .name(let name) = token.kind else {
            throw Diagnostic("expected \(what)", at: current?.range ?? tokens.last?.range ?? SourceRange(line: 1, column: 1))
        }
        position += 1
        return name
    }

    mutating func expectEndOfLine() throws {
        guard let token = current else { return }
        guard token.kind == .newline else {
            throw Diagnostic("unexpected '\(describe(token.kind))' after the end of the statement", at: token.range,
                             hint: "one statement per line")
        }
        position += 1
    }

    private func describe(_ kind: TokenKind) -> String {
        switch kind {
        case .name(let n): return n
        case .int(let v): return String(v)
        case .float(let v): return String(v)
        case .string(let s): return "\"\(s)\""
        case .template: return "f-string"
        case .punct(let p): return p
        case .newline: return "end of line"
        }
    }
}
