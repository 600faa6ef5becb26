// Python's tokenizer over a cell's UTF-8 bytes: logical lines, INDENT/DEDENT from leading whitespace (a tab moves
// to the next multiple of 8; tabs and spaces must agree as in CPython), implicit joining inside brackets,
// backslash continuation, comments and bracket matching with CPython 3.11's error messages. Numbers, names and
// string literals are read in LexerLiterals.swift. Line endings are normalised to "\n" before lexing.

struct Lexer {
    let src: [UInt8]
    var i: Int
    let end: Int
    var line = 1
    /// Byte index that column 1 of the current line corresponds to.
    var lineStart: Int
    var stream = TokenStream()
    var brackets: [OpenBracket] = []
    var indents: [Int] = [0]
    var altIndents: [Int] = [0]
    var atLineStart = true
    /// Lexing the expression of an f-string field: no layout tokens, newlines are plain whitespace.
    let insideFString: Bool
    /// Where the last "\n" was read, for the END token's position.
    var lastNewline: Loc?
    /// Where a comment at the end of the current line starts.
    var commentStart: Loc?

    static let maxBrackets = 200
    static let maxIndents = 100

    /// Tokens of a whole cell; a tokenizer error ends the stream with an `.error` token.
    static func tokenize(_ src: [UInt8]) -> TokenStream {
        var lexer = Lexer(src: src, start: 0, end: src.count, loc: Loc(line: 1, column: 1), insideFString: false)
        lexer.run()
        return lexer.stream
    }

    init(src: [UInt8], start: Int, end: Int, loc: Loc, insideFString: Bool) {
        self.src = src
        self.i = start
        self.end = end
        self.line = loc.line
        self.lineStart = start - (loc.column - 1)
        self.insideFString = insideFString
        self.atLineStart = !insideFString
    }

    func loc(_ index: Int) -> Loc { Loc(line: line, column: index - lineStart + 1) }

    /// Open brackets around the current position; an f-string field counts as one.
    var level: Int { brackets.count + (insideFString ? 1 : 0) }

    mutating func emit(_ kind: TokenKind, code: UInt64 = 0, from start: Int) {
        append(kind, code: code, loc(start), loc(i))
    }

    mutating func append(_ kind: TokenKind, code: UInt64 = 0, _ start: Loc, _ end: Loc, level: Int? = nil) {
        stream.tokens.append(Token(kind: kind, code: code, loc: start, end: end, level: level ?? self.level))
    }

    /// Ends the stream with an error. CPython raises most tokenizer errors as soon as it reads them, even past
    /// a parser error; indentation errors and bad continuation lines (`deferred`) only when the parser asks.
    mutating func fail(_ message: String, at loc: Loc, type: String = "SyntaxError", unclosed: Bool = false,
                       deferred: Bool = false) {
        stream.errors.append(PyError(.exception(type), message, at: loc))
        stream.errorDeferred = deferred || type != "SyntaxError"
        append(.error(index: Int32(stream.errors.count - 1), unclosed: unclosed), loc, loc)
    }

    mutating func run() {
        while true {
            if atLineStart {
                atLineStart = false
                guard indentation() else { return }
            }
            while i < end, src[i] == 0x20 || src[i] == 0x09 || src[i] == 0x0C { i += 1 }
            guard i < end else { return finish() }
            let c = src[i]
            if c != 0x0A { commentStart = nil }
            switch c {
            case UInt8(ascii: "#"):
                if insideFString { return fail("f-string expression part cannot include '#'", at: loc(i)) }
                commentStart = loc(i)
                while i < end, src[i] != 0x0A { i += 1 }
                continue
            case 0x0A:
                if brackets.isEmpty && !insideFString {
                    // After a comment, CPython's NEWLINE token starts where the comment does.
                    append(.newline, commentStart ?? loc(i), loc(i + 1), level: 0)
                    atLineStart = true
                }
                newline()
            case UInt8(ascii: "\\"):
                if i + 1 < end, src[i + 1] == 0x0A {
                    let after = loc(i + 1)
                    i += 1
                    newline()
                    if i >= end { return fail("unexpected EOF while parsing", at: after, deferred: true) }
                } else if i + 1 >= end {
                    return fail("unexpected EOF while parsing", at: loc(i + 1), deferred: true)
                } else {
                    return fail("unexpected character after line continuation character", at: loc(i + 1), deferred: true)
                }
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard number() else { return }
            case UInt8(ascii: "."):
                if i + 1 < end, isDigit(src[i + 1]) {
                    guard number() else { return }
                } else {
                    guard op() else { return }
                }
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                guard string(prefixStart: i, prefix: []) else { return }
            default:
                if isIdentifierStart(c) {
                    guard nameOrString() else { return }
                } else {
                    guard op() else { return }
                }
            }
        }
    }

    mutating func newline() {
        lastNewline = loc(i)
        i += 1
        line += 1
        lineStart = i
    }

    /// At the start of a line outside brackets: skips blank and comment-only lines, then compares the
    /// indentation with the stack and emits INDENT/DEDENT. False after an error.
    mutating func indentation() -> Bool {
        while true {
            var col = 0, alt = 0
            var start = i
            // A backslash-newline inside indentation continues it on the next line; the first one fixes the level.
            var continuedAt: Int?
            measuring: while i < end {
                switch src[i] {
                case 0x20: col += 1; alt += 1
                case 0x09: col = (col / 8 + 1) * 8; alt += 1
                case 0x0C: col = 0; alt = 0
                case UInt8(ascii: "\\"):
                    guard i + 1 < end, src[i + 1] == 0x0A else {
                        fail("unexpected character after line continuation character", at: loc(i + 1), deferred: true)
                        return false
                    }
                    continuedAt = continuedAt ?? col
                    i += 1
                    newline()
                    start = i
                    continue measuring
                default: break measuring
                }
                i += 1
            }
            if let continuedAt { col = continuedAt }
            if i >= end { return true }
            if src[i] == UInt8(ascii: "#") {
                while i < end, src[i] != 0x0A { i += 1 }
            }
            if i < end, src[i] == 0x0A {
                newline()
                continue
            }
            if i >= end { return true }
            let width = i - start
            let top = indents[indents.count - 1], altTop = altIndents[altIndents.count - 1]
            if col == top {
                if alt != altTop { return tabError() }
            } else if col > top {
                if indents.count >= Lexer.maxIndents {
                    fail("too many levels of indentation", at: Loc(line: line, column: 1), type: "IndentationError")
                    return false
                }
                if alt <= altTop { return tabError() }
                indents.append(col)
                altIndents.append(alt)
                // CPython reports an unexpected indent at the last byte of the indentation.
                append(.indent, Loc(line: line, column: width), loc(i), level: 0)
            } else {
                // A column that matches no enclosing level is an error before any DEDENT, as in CPython.
                var kept = indents.count
                while kept > 1, col < indents[kept - 1] { kept -= 1 }
                if col != indents[kept - 1] {
                    var lineEnd = i
                    while lineEnd < end, src[lineEnd] != 0x0A { lineEnd += 1 }
                    fail("unindent does not match any outer indentation level", at: loc(lineEnd),
                         type: "IndentationError")
                    return false
                }
                while indents.count > kept {
                    indents.removeLast()
                    altIndents.removeLast()
                    // CPython reports a missing block at a DEDENT at the last byte of the indentation.
                    let at = Loc(line: line, column: max(1, i - lineStart))
                    append(.dedent, at, at, level: 0)
                }
                if alt != altIndents[altIndents.count - 1] { return tabError() }
            }
            return true
        }
    }

    mutating func tabError() -> Bool {
        fail("inconsistent use of tabs and spaces in indentation", at: Loc(line: line, column: 1), type: "TabError")
        return false
    }

    /// End of input: an unclosed bracket, else the implicit NEWLINE, the DEDENTs and END.
    mutating func finish() {
        if insideFString {
            emit(.end, from: i)
            return
        }
        if let open = brackets.last {
            fail("'\(Character(Unicode.Scalar(open.byte)))' was never closed", at: open.loc, unclosed: true)
            return
        }
        let endLoc: Loc
        if i > 0, src[i - 1] == 0x0A, let last = lastNewline {
            endLoc = last
        } else {
            endLoc = loc(i)
        }
        if let last = stream.tokens.last, !last.isNewline {
            append(.newline, endLoc, endLoc, level: 0)
        }
        for _ in 1..<indents.count {
            append(.dedent, endLoc, endLoc, level: 0)
        }
        append(.end, endLoc, endLoc, level: 0)
    }

    /// The line the tokenizer is on at the end of input (a final "\n" does not start a new line).
    var lastLine: Int { i > 0 && src[i - 1] == 0x0A ? line - 1 : line }
}

/// An open bracket and where it was opened.
struct OpenBracket {
    var byte: UInt8
    var loc: Loc
}

@inline(__always) func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

@inline(__always) func isIdentifierStart(_ c: UInt8) -> Bool {
    (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || c == 0x5F || c >= 0x80
}
