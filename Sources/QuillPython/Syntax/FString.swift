// f-strings by CPython 3.11's rules: the body is scanned for `{{`, `}}` and fields `{expr=!c:spec}`; the
// expression is cut out by bracket and quote matching (no backslash or '#' inside it), then lexed and parsed in
// place, so its positions are the cell's own. A spec is itself text and fields, one level deep. `{x=}` keeps
// its source text ("x=" with the whitespace as written) and, with no conversion or spec, converts with repr.
// Errors in the f-string's structure carry no position: ParserStrings places them after the literal.

/// A read position in an f-string body that knows its line and column.
struct FStringCursor {
    var index: Int
    let end: Int
    var line: Int
    var lineStart: Int

    func loc(in src: [UInt8], of target: Int) -> Loc {
        var line = self.line, lineStart = self.lineStart
        for k in index..<target where src[k] == 0x0A {
            line += 1
            lineStart = k + 1
        }
        return Loc(line: line, column: target - lineStart + 1)
    }

    /// Moves to `target` (forward), counting lines.
    mutating func move(in src: [UInt8], to target: Int) {
        for k in index..<max(index, target) where src[k] == 0x0A {
            line += 1
            lineStart = k + 1
        }
        index = target
    }
}

extension SyntaxParser {
    func fstringError(_ message: String) -> PyError {
        PyError(.exception("SyntaxError"), "f-string: " + message)
    }

    mutating func parseFString(_ s: StringToken) throws -> [FStringPart] {
        var cursor = FStringCursor(index: s.bodyStart, end: s.bodyEnd, line: s.bodyLoc.line,
                                   lineStart: s.bodyStart - (s.bodyLoc.column - 1))
        return try parseFStringParts(&cursor, raw: s.isRaw, specLevel: 0)
    }

    /// Text and fields up to the end of the body, or (in a spec) up to the `}` that closes the field.
    mutating func parseFStringParts(_ cursor: inout FStringCursor, raw: Bool, specLevel: Int) throws -> [FStringPart] {
        var parts: [FStringPart] = []
        var literal: [UInt8] = []
        func flush(_ parts: inout [FStringPart], _ literal: inout [UInt8]) throws {
            guard !literal.isEmpty else { return }
            let text = try StringLiteral.decode(literal, 0..<literal.count, raw: raw)
            appendMerging(.text(text), to: &parts)
            literal.removeAll()
        }
        while cursor.index < cursor.end {
            let i = cursor.index
            let c = src[i]
            if c == UInt8(ascii: "\\") && !raw && i + 1 < cursor.end {
                let e = src[i + 1]
                if e == UInt8(ascii: "{") || e == UInt8(ascii: "}") {
                    literal.append(c)
                    cursor.move(in: src, to: i + 1)
                    continue
                }
                var next = i + 2
                if e == UInt8(ascii: "N"), next < cursor.end, src[next] == UInt8(ascii: "{") {
                    while next < cursor.end, src[next] != UInt8(ascii: "}") { next += 1 }
                    next = min(next + 1, cursor.end)
                }
                literal.append(contentsOf: src[i..<next])
                cursor.move(in: src, to: next)
                continue
            }
            if c == UInt8(ascii: "{") || c == UInt8(ascii: "}") {
                if specLevel == 0 {
                    if i + 1 < cursor.end && src[i + 1] == c {
                        literal.append(c)
                        cursor.move(in: src, to: i + 2)
                        continue
                    }
                    if c == UInt8(ascii: "}") { throw fstringError("single '}' is not allowed") }
                }
                if c == UInt8(ascii: "}") { break }
                try flush(&parts, &literal)
                parts.append(try parseFStringField(&cursor, raw: raw, specLevel: specLevel))
                continue
            }
            literal.append(c)
            cursor.move(in: src, to: i + 1)
        }
        try flush(&parts, &literal)
        return parts
    }

    /// One `{...}` field; the cursor is on its `{` and ends after its `}`.
    mutating func parseFStringField(_ cursor: inout FStringCursor, raw: Bool, specLevel: Int) throws -> FStringPart {
        if specLevel >= 2 { throw fstringError("expressions nested too deeply") }
        let fieldLoc = cursor.loc(in: src, of: cursor.index)
        let exprStart = cursor.index + 1
        let exprEnd = try fieldExpressionEnd(from: exprStart, end: cursor.end)
        guard exprEnd < cursor.end else { throw fstringError("expecting '}'") }
        let terminator = src[exprEnd]
        if src[exprStart..<exprEnd].allSatisfy({ [0x20, 0x09, 0x0A, 0x0C].contains($0) }) {
            if terminator == UInt8(ascii: "}") { throw fstringError("empty expression not allowed") }
            throw fstringError("expression required before '\(Character(Unicode.Scalar(terminator)))'")
        }
        let exprLoc = cursor.loc(in: src, of: exprStart)
        let expr = try parseFieldExpression(start: exprStart, end: exprEnd, loc: exprLoc)
        var j = exprEnd
        var selfDocumenting: String?
        if src[j] == UInt8(ascii: "=") {
            j += 1
            while j < cursor.end, [0x20, 0x09, 0x0A, 0x0C, 0x0B, 0x0D].contains(src[j]) { j += 1 }
            guard j < cursor.end else { throw fstringError("expecting '}'") }
            selfDocumenting = String(decoding: src[exprStart..<j], as: UTF8.self)
        }
        var conversion: Character?
        if src[j] == UInt8(ascii: "!") {
            j += 1
            guard j < cursor.end else { throw fstringError("expecting '}'") }
            let c = src[j]
            guard c == UInt8(ascii: "s") || c == UInt8(ascii: "r") || c == UInt8(ascii: "a") else {
                throw fstringError("invalid conversion character: expected 's', 'r', or 'a'")
            }
            conversion = Character(Unicode.Scalar(c))
            j += 1
        }
        var spec: [FStringPart]?
        cursor.move(in: src, to: j)
        if j < cursor.end && src[j] == UInt8(ascii: ":") {
            cursor.move(in: src, to: j + 1)
            guard cursor.index < cursor.end else { throw fstringError("expecting '}'") }
            spec = try parseFStringParts(&cursor, raw: raw, specLevel: specLevel + 1)
        }
        guard cursor.index < cursor.end, src[cursor.index] == UInt8(ascii: "}") else {
            throw fstringError("expecting '}'")
        }
        cursor.move(in: src, to: cursor.index + 1)
        if selfDocumenting != nil && conversion == nil && spec == nil { conversion = "r" }
        return .field(expr: expr, conversion: conversion, spec: spec, selfDocumenting: selfDocumenting, loc: fieldLoc)
    }

    /// Where a field's expression ends: the first `!` (not `!=`), `:`, `=` (not `==`), or `}` outside brackets
    /// and strings; `end` when there is none.
    func fieldExpressionEnd(from start: Int, end: Int) throws -> Int {
        var j = start
        var quote: UInt8 = 0
        var tripleQuoted = false
        var stack: [UInt8] = []
        while j < end {
            let c = src[j]
            if c == UInt8(ascii: "\\") { throw PyError(.exception("SyntaxError"), "f-string expression part cannot include a backslash") }
            if quote != 0 {
                if c == quote {
                    if !tripleQuoted {
                        quote = 0
                    } else if j + 2 < end, src[j + 1] == c, src[j + 2] == c {
                        quote = 0
                        j += 2
                    }
                }
                j += 1
                continue
            }
            switch c {
            case UInt8(ascii: "'"), UInt8(ascii: "\""):
                tripleQuoted = j + 2 < end && src[j + 1] == c && src[j + 2] == c
                if tripleQuoted { j += 2 }
                quote = c
            case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
                if stack.count >= Lexer.maxBrackets { throw fstringError("too many nested parenthesis") }
                stack.append(c)
            case UInt8(ascii: "#"):
                throw PyError(.exception("SyntaxError"), "f-string expression part cannot include '#'")
            case UInt8(ascii: "!"), UInt8(ascii: ":"), UInt8(ascii: "="), UInt8(ascii: "<"), UInt8(ascii: ">"):
                guard stack.isEmpty else { break }
                if j + 1 < end, src[j + 1] == UInt8(ascii: "="), c != UInt8(ascii: ":") {
                    j += 2
                    continue
                }
                if c == UInt8(ascii: "<") || c == UInt8(ascii: ">") { break }
                return j
            case UInt8(ascii: "}") where stack.isEmpty:
                return j
            case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
                guard let open = stack.popLast() else {
                    throw fstringError("unmatched '\(Character(Unicode.Scalar(c)))'")
                }
                let expected: UInt8 = open == UInt8(ascii: "(") ? UInt8(ascii: ")")
                    : open == UInt8(ascii: "[") ? UInt8(ascii: "]") : UInt8(ascii: "}")
                if c != expected {
                    throw fstringError("closing parenthesis '\(Character(Unicode.Scalar(c)))' does not match "
                        + "opening parenthesis '\(Character(Unicode.Scalar(open)))'")
                }
            default:
                break
            }
            j += 1
        }
        if quote != 0 { throw fstringError("unterminated string") }
        if let open = stack.last { throw fstringError("unmatched '\(Character(Unicode.Scalar(open)))'") }
        return end
    }

    /// Lexes and parses a field's expression where it lies in the cell (as `star_expressions`).
    mutating func parseFieldExpression(start: Int, end: Int, loc: Loc) throws -> Expr {
        var lexer = Lexer(src: src, start: start, end: end, loc: loc, insideFString: true)
        lexer.run()
        var sub = SyntaxParser(src: src, stream: lexer.stream)
        sub.insideFString = true
        sub.nesting = nesting + 1
        sub.functionDepth = functionDepth
        sub.loopDepth = loopDepth
        let e = try sub.parseStarExpressions()
        guard case .end = sub.tok.kind else {
            var failing = sub
            throw failing.elementError(after: e)
        }
        if case .starred = e { throw sub.syntaxError("cannot use starred expression here", at: e.loc) }
        if let error = sub.compileError, compileError == nil { compileError = error }
        return e
    }
}
