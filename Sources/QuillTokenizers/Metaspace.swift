// The Metaspace pre-tokenizer (SentencePiece's whitespace handling), as tokenizers/src/pre_tokenizers/metaspace.rs:
// every ASCII space becomes the replacement ('▁'), the replacement is prepended to a piece that does not already
// start with it (always; only for the piece at the very start of the input with `first`; never with `never`), then,
// with `split`, the piece is cut before every replacement (each replacement merged with what follows it).

import QuillJSON

/// Metaspace settings from tokenizer.json.
struct Metaspace: Sendable {
    enum PrependScheme: String, Sendable {
        case first, never, always
    }

    var replacement: Unicode.Scalar
    var prependScheme: PrependScheme
    var split: Bool

    /// The words of one piece. `atTextStart`: the piece begins at offset 0 of the original input (Rust's
    /// `offsets_original().0 == 0`), which is what `prepend_scheme: first` asks.
    func preTokenize(_ piece: [Unicode.Scalar], atTextStart: Bool) -> [[Unicode.Scalar]] {
        guard !piece.isEmpty else { return [] }
        var text = piece.map { $0 == " " ? replacement : $0 }
        let prepend = switch prependScheme {
        case .always: true
        case .first: atTextStart
        case .never: false
        }
        if prepend && text[0] != replacement { text.insert(replacement, at: 0) }
        guard split else { return [text] }
        var segments: [(range: Range<Int>, isMatch: Bool)] = []
        var start = 0
        for (i, c) in text.enumerated() where c == replacement {
            if start < i { segments.append((start..<i, false)) }
            segments.append((i..<(i + 1), true))
            start = i + 1
        }
        if start < text.count { segments.append((start..<text.count, false)) }
        return SplitBehavior.mergedWithNext.apply(segments).filter { !$0.isEmpty }.map { Array(text[$0]) }
    }
}

extension Metaspace {
    /// `{"type": "Metaspace", "replacement": "▁", "prepend_scheme": "always", "split": true}`; older files say
    /// `"add_prefix_space": true` instead. As in Rust, prepend_scheme defaults to "always", and add_prefix_space false
    /// with any scheme but "never" is an error.
    static func decode(_ o: JSONObject, _ field: String, _ r: FieldReader) throws(TokenizerError) -> Metaspace {
        let replacement = Array(try r.string(o["replacement"], field + ".replacement").unicodeScalars)
        guard replacement.count == 1 else {
            throw .invalidField(file: r.file, field: field + ".replacement", reason: "expected exactly one character")
        }
        let name = try r.optionalString(o["prepend_scheme"], field + ".prepend_scheme") ?? "always"
        guard var scheme = Metaspace.PrependScheme(rawValue: name) else {
            throw .invalidField(file: r.file, field: field + ".prepend_scheme",
                                reason: "unknown scheme '\(name)' (first, never, always)")
        }
        if let v = o["add_prefix_space"], !v.isNull, !(try r.bool(v, field + ".add_prefix_space", default: true)) {
            guard scheme == .never else {
                throw .invalidField(file: r.file, field: field + ".add_prefix_space",
                                    reason: "add_prefix_space false does not match prepend_scheme '\(name)'")
            }
            scheme = .never
        }
        return Metaspace(replacement: replacement[0], prependScheme: scheme,
                         split: try r.bool(o["split"], field + ".split", default: true))
    }
}
