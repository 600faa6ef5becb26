// The tokens the lexer hands to the parser: names (keywords included), numbers, string literals (kept as source
// ranges so that f-string fields map back to cell positions), operators, and the layout tokens NEWLINE, INDENT,
// DEDENT and END. A tokenizer error becomes an `.error` token where it occurs, so the parser reports it only
// when it reaches that point (as CPython's lazy tokenizer does). Tokens are plain values (no references): names,
// literals and errors live in the stream's side tables, and operators and short names are compared as their
// bytes packed into an integer.

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

enum TokenKind: Equatable {
    /// A name; `keyword` marks Python's reserved words.
    case name(index: Int32, keyword: Bool)
    case number(index: Int32)
    case string(index: Int32)
    case op
    case newline
    case indent
    case dedent
    case end
    /// A tokenizer error at this point; `unclosed` marks the end of input inside brackets.
    case error(index: Int32, unclosed: Bool)
}

/// ASCII text of up to 8 bytes packed little-endian into an integer; 0 for longer text.
@inline(__always) func packedText(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    guard bytes.count <= 8, let base = bytes.baseAddress else { return 0 }
    return packedBytes(base, bytes.count)
}

@inline(__always) func packedBytes(_ base: UnsafePointer<UInt8>, _ count: Int) -> UInt64 {
    var code: UInt64 = 0
    var k = 0
    while k < count {
        code |= UInt64(base[k]) << UInt64(8 * k)
        k += 1
    }
    return code
}

@inline(__always) func packed(_ text: StaticString) -> UInt64 {
    let count = text.utf8CodeUnitCount
    return count <= 8 ? packedBytes(text.utf8Start, count) : 0
}

func packed(_ text: String) -> UInt64 {
    var copy = text
    return copy.withUTF8 { packedText($0) }
}

struct Token {
    var kind: TokenKind
    /// Operators, and names of at most 8 bytes: their bytes packed (see `packed`).
    var code: UInt64
    /// First byte of the token.
    var loc: Loc
    /// Just past the token's last byte.
    var end: Loc
    /// Open brackets around the token (CPython's tokenizer level), for "Perhaps you forgot a comma?".
    var level: Int

    @inline(__always) func isOp(_ text: StaticString) -> Bool { kind == .op && code == packed(text) }

    /// Whether the token is the name `word` (a keyword or a soft keyword such as `match`).
    @inline(__always) func isKeyword(_ word: StaticString) -> Bool {
        if case .name = kind { return code == packed(word) }
        return false
    }

    /// A name that is not a reserved word.
    var isIdentifier: Bool {
        if case .name(_, let keyword) = kind { return !keyword }
        return false
    }

    var isNewline: Bool { kind == .newline }

    var isError: Bool {
        if case .error = kind { return true }
        return false
    }
}

/// The lexer's output: the tokens and the side tables their indices refer to.
struct TokenStream {
    var tokens: [Token] = []
    var names: [String] = []
    var numbers: [NumberLiteral] = []
    var strings: [StringToken] = []
    var errors: [PyError] = []
    /// Whether the final error is one CPython reports only when its parser reaches it.
    var errorDeferred = false
}

enum Keywords {
    static let all: Set<String> = [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def",
        "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda",
        "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
    ]
    static let codes: Set<UInt64> = Set(all.map(packed))
}
