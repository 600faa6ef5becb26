// The entry point of the cell language's front end: `Parser.parse` turns a cell's source into a `Module`, or throws
// a PyError (SyntaxError, IndentationError or TabError with CPython 3.11's message and position, or `.unsupported`
// naming a Python feature Quill does not run). `SyntaxParser` is a recursive-descent parser over the lexer's
// tokens; its grammar is split across ParserStatements, ParserCompound, ParserExpressions, ParserAtoms and
// ParserTargets.

public enum Parser {
    public static func parse(_ source: String) throws -> Module {
        let bytes = normalizedNewlines(source)
        if let nul = bytes.firstIndex(of: 0) {
            throw PyError.syntax("source code string cannot contain null bytes", at: location(of: nul, in: bytes))
        }
        var parser = SyntaxParser(src: bytes, stream: Lexer.tokenize(bytes))
        do {
            let body = try parser.parseFile()
            if let error = parser.compileError { throw error }
            return Module(body: body)
        } catch let error as PyError {
            throw parser.preferTokenizerError(over: error)
        }
    }

    /// The source's UTF-8 with "\r\n" and "\r" turned into "\n", as CPython reads source.
    static func normalizedNewlines(_ source: String) -> [UInt8] {
        let utf8 = source.utf8
        guard utf8.contains(0x0D) else { return Array(utf8) }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        var previousCR = false
        for b in utf8 {
            if b == 0x0A && previousCR { previousCR = false; continue }
            previousCR = b == 0x0D
            out.append(b == 0x0D ? 0x0A : b)
        }
        return out
    }

    static func location(of index: Int, in bytes: [UInt8]) -> Loc {
        var line = 1, lineStart = 0
        for j in 0..<index where bytes[j] == 0x0A {
            line += 1
            lineStart = j + 1
        }
        return Loc(line: line, column: index - lineStart + 1)
    }
}

struct SyntaxParser {
    let src: [UInt8]
    let tokens: [Token]
    let names: [String]
    let numbers: [NumberLiteral]
    let strings: [StringToken]
    let errors: [PyError]
    let errorDeferred: Bool
    var pos = 0
    /// Recursion depth of nested expressions (brackets, lambdas, conditionals), capped at `maxNesting`; blocks
    /// are capped by the lexer's 100 levels of indentation.
    var nesting = 0
    /// Enclosing `def`s and loops (a `def` starts a fresh loop count), for 'return'/'break' outside.
    var functionDepth = 0
    var loopDepth = 0
    /// The first error CPython raises only after parsing ('return' outside function, duplicate argument):
    /// reported when the whole cell parses.
    var compileError: PyError?
    /// Parsing the expression of an f-string field: syntax errors say "f-string: ...".
    var insideFString = false
    /// Parsing a type annotation, which is dropped: bitwise `|` is allowed there (`str | None`).
    var insideAnnotation = false
    /// The last line read ahead while choosing an error message (CPython's furthest token).
    var furthestLine = 0

    static let maxNesting = 210
    /// Longest chain of operators, attributes or calls in one expression (the tree's depth).
    static let maxChain = 1000

    init(src: [UInt8], stream: TokenStream) {
        self.src = src
        self.tokens = stream.tokens
        self.names = stream.names
        self.numbers = stream.numbers
        self.strings = stream.strings
        self.errors = stream.errors
        self.errorDeferred = stream.errorDeferred
    }

    /// The text of a name token (keywords included).
    func nameText(_ t: Token) -> String? {
        if case .name(let index, _) = t.kind { return names[Int(index)] }
        return nil
    }

    /// The text of a name token that is not a reserved word.
    func identifier(_ t: Token) -> String? {
        if case .name(let index, false) = t.kind { return names[Int(index)] }
        return nil
    }

    var tok: Token { tokens[pos] }

    func peek(_ n: Int = 1) -> Token { tokens[min(pos + n, tokens.count - 1)] }

    @discardableResult
    mutating func advance() -> Token {
        let t = tokens[pos]
        if pos < tokens.count - 1 { pos += 1 }
        return t
    }

    /// The end of the previous token.
    var previousEnd: Loc { pos > 0 ? tokens[pos - 1].end : tok.loc }

    func syntaxError(_ message: String, at loc: Loc) -> PyError {
        PyError.syntax(insideFString ? "f-string: " + message : message, at: loc)
    }

    /// CPython's generic error at the current token: the tokenizer's error when the parser reached it,
    /// "unexpected indent" at an INDENT, else "invalid syntax".
    func invalidSyntax() -> PyError {
        switch tok.kind {
        case .error(let index, _): return errors[Int(index)]
        case .indent: return PyError(.exception("IndentationError"), "unexpected indent", at: tok.loc)
        case .dedent: return PyError(.exception("IndentationError"), "unexpected unindent", at: tok.loc)
        default: return syntaxError("invalid syntax", at: tok.loc)
        }
    }

    mutating func expectOp(_ op: StaticString) throws {
        guard tok.isOp(op) else { throw invalidSyntax() }
        advance()
    }

    /// The `:` of a compound statement's header. CPython says "expected ':'" at the end of the line, and
    /// anywhere after `def ...)` and `else`; elsewhere "invalid syntax".
    mutating func expectHeaderColon(always: Bool = false) throws {
        guard tok.isOp(":") else {
            if case .error = tok.kind { throw invalidSyntax() }
            throw always || tok.isNewline ? syntaxError("expected ':'", at: tok.loc) : invalidSyntax()
        }
        advance()
    }

    mutating func acceptOp(_ op: StaticString) -> Bool {
        guard tok.isOp(op) else { return false }
        advance()
        return true
    }

    mutating func acceptKeyword(_ word: StaticString) -> Bool {
        guard tok.isKeyword(word) else { return false }
        advance()
        return true
    }

    /// An identifier (not a keyword) or "invalid syntax".
    mutating func expectIdentifier() throws -> String {
        guard let name = identifier(tok) else { throw invalidSyntax() }
        advance()
        return name
    }

    /// The unsupported-feature error when `t` is a keyword such as `class` or `try`.
    func unsupportedKeyword(_ t: Token) -> PyError? {
        guard case .name(let index, true) = t.kind else { return nil }
        return Unsupported.keyword(names[Int(index)], at: t.loc)
    }

    /// Enters one level of recursion; pair with `nesting -= 1` (use `defer`).
    mutating func enterNesting() throws {
        nesting += 1
        if nesting > SyntaxParser.maxNesting {
            let limit = SyntaxParser.maxNesting
            throw syntaxError("too deeply nested: Quill allows \(limit) levels of nested expressions",
                              at: tok.loc)
        }
    }

    mutating func checkChain(_ length: Int) throws {
        if length + nesting > SyntaxParser.maxChain {
            let limit = SyntaxParser.maxChain
            throw syntaxError("expression too long: Quill allows \(limit) operators, calls or attributes in a chain",
                              at: tok.loc)
        }
    }

    /// Records an error CPython raises after parsing (the first one wins).
    mutating func noteCompileError(_ message: String, at loc: Loc) {
        if compileError == nil { compileError = syntaxError(message, at: loc) }
    }

    /// CPython tokenizes the rest of the source after a parser error, and a tokenizer error found there wins;
    /// an unclosed bracket wins when it was opened on an earlier line than the parser's error.
    func preferTokenizerError(over error: PyError) -> PyError {
        guard case .error(let index, let unclosed) = tokens[tokens.count - 1].kind else { return error }
        let lexical = errors[Int(index)]
        // CPython reports an unexpected INDENT without reading further.
        if error.message == "unexpected indent" || error.message == "unexpected unindent" { return error }
        if error.exceptionType == "SyntaxError" || error.exceptionType == "IndentationError"
            || error.exceptionType == "TabError" || error.kind == .unsupported {
            if !unclosed { return errorDeferred ? error : lexical }
            // CPython compares with the line of the last token it read, not the error's own line.
            let reached = max(error.loc?.line ?? 0, tok.loc.line, furthestLine)
            if let open = lexical.loc, reached > open.line { return lexical }
        }
        return error
    }
}
