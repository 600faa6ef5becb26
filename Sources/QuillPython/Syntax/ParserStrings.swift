// String atoms: adjacent literals concatenate (`"a" 'b'`), f-strings among them make one `.fstring` whose text
// parts are merged, bytes stay bytes (and may not mix with str). Errors CPython raises while decoding strings are
// reported at the token after the literals, where CPython 3.11 reports them.

extension SyntaxParser {
    mutating func parseStrings() throws -> Expr {
        let first = tok
        var pieces: [StringToken] = []
        while case .string(let index) = tok.kind {
            pieces.append(strings[Int(index)])
            advance()
        }
        let after = tok.loc
        let bytes = pieces.filter(\.isBytes).count
        if bytes != 0 && bytes != pieces.count {
            throw syntaxError("cannot mix bytes and nonbytes literals", at: after)
        }
        do {
            if bytes != 0 {
                var value: [UInt8] = []
                for piece in pieces {
                    if src[piece.bodyStart..<piece.bodyEnd].contains(where: { $0 >= 0x80 }) {
                        throw syntaxError("bytes can only contain ASCII literal characters", at: first.loc)
                    }
                    value += try StringLiteral.decodeBytes(src, piece.bodyStart..<piece.bodyEnd, raw: piece.isRaw)
                }
                return .bytes(value, first.loc)
            }
            guard pieces.contains(where: \.isFormat) else {
                var value = ""
                for piece in pieces {
                    value += try StringLiteral.decode(src, piece.bodyStart..<piece.bodyEnd, raw: piece.isRaw)
                }
                return .string(value, first.loc)
            }
            var parts: [FStringPart] = []
            for piece in pieces {
                let pieceParts = piece.isFormat
                    ? try parseFString(piece)
                    : [.text(try StringLiteral.decode(src, piece.bodyStart..<piece.bodyEnd, raw: piece.isRaw))]
                for part in pieceParts { appendMerging(part, to: &parts) }
            }
            return .fstring(parts, first.loc)
        } catch var error as PyError {
            if error.loc == nil { error.loc = error.kind == .unsupported ? first.loc : after }
            throw error
        }
    }

    /// Appends `part`, joining it to a preceding text part; empty texts are dropped.
    func appendMerging(_ part: FStringPart, to parts: inout [FStringPart]) {
        if case .text(let text) = part {
            if text.isEmpty { return }
            if case .text(let previous)? = parts.last {
                parts[parts.count - 1] = .text(previous + text)
                return
            }
        }
        parts.append(part)
    }
}
