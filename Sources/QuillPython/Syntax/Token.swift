// The tokens the lexer hands to the parser: names (keywords included), numbers, string literals (kept as source
// ranges so that f-string fields map back to cell positions), operators, and the layout tokens NEWLINE, INDENT,
// DEDENT and END. A tokenizer error becomes an `.error` token where it occurs, so the parser reports it only
// when it reaches that point (as CPython's lazy tokenizer does).

/// A string literal as written: prefix flags, quotes, and where its body lies in the source bytes.
struct StringToken {
    var isRaw: Bool
    var isBytes: Bool
    var isFormat: Bool
    var isTriple: Bool
    /// Byte range of the body (between the quotes) in the lexer's source.
    var bodyStart: Int
    var bodyEnd: Int
    /// Position of the body's first byte.
    var bodyLoc: Loc
}

/// A numeric literal's value: an int as plain decimal digits, a float, or an imaginary number.
enum NumberLiteral {
    case int(String)
    case float(Double)
    case imaginary(Double)
}

enum TokenKind {
    case name(String)
    case number(NumberLiteral)
    case string(StringToken)
    case op(String)
    case newline
    case indent
    case dedent
    case end
    /// A tokenizer error at this point of the stream; `unclosed` marks the end of input inside brackets.
    case error(PyError, unclosed: Bool)
}

struct Token {
    var kind: TokenKind
    /// First byte of the token.
    var loc: Loc
    /// Just past the token's last byte.
    var end: Loc
    /// Open brackets around the token (CPython's tokenizer level), for "Perhaps you forgot a comma?".
    var level: Int

    func isOp(_ text: String) -> Bool {
        if case .op(let o) = kind { return o == text }
        return false
    }

    var opText: String? {
        if case .op(let o) = kind { return o }
        return nil
    }

    /// The token's name when it is a name (keywords included).
    var name: String? {
        if case .name(let n) = kind { return n }
        return nil
    }

    func isKeyword(_ word: String) -> Bool { name == word }

    /// The name when it is an identifier, not a keyword.
    var identifier: String? {
        if case .name(let n) = kind, !Keywords.all.contains(n) { return n }
        return nil
    }

    var isNewline: Bool {
        if case .newline = kind { return true }
        return false
    }
}

enum Keywords {
    static let all: Set<String> = [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def",
        "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda",
        "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
    ]
}
