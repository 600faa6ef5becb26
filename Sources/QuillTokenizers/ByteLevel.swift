// GPT-2 byte-level pre-tokenization: the byte alphabet and a hand-written matcher for the GPT-2 regex.
// Mirrors tokenizers/src/pre_tokenizers/byte_level.rs. The regex (Oniguruma, applied with Isolated splitting) is
//   's|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+
// where \s is the White_Space property (NBSP, U+2009, U+202F, U+3000 included) and only ASCII ' ' can prefix a word.
// A scalar matcher instead of a regex engine: linear time, no UTF-16 offsets.

enum ByteLevel {
    /// bytes_to_unicode: printable bytes (! to ~, ¡ to ¬, ® to ÿ) map to themselves, the other 68 to U+0100 + n.
    static let byteToScalar: [Unicode.Scalar] = {
        var table = [Unicode.Scalar](repeating: " ", count: 256)
        var n: UInt32 = 0
        for b in 0..<256 {
            let printable = (0x21...0x7E).contains(b) || (0xA1...0xAC).contains(b) || (0xAE...0xFF).contains(b)
            if printable {
                table[b] = Unicode.Scalar(UInt8(b))
            } else {
                table[b] = Unicode.Scalar(256 + n) ?? " "
                n += 1
            }
        }
        return table
    }()

    /// Prefix space (if asked and absent), regex split, byte mapping: the words the BPE model sees.
    static func preTokenize(_ piece: [Unicode.Scalar], addPrefixSpace: Bool, useRegex: Bool) -> [[Unicode.Scalar]] {
        guard !piece.isEmpty else { return [] }
        var text = piece
        if addPrefixSpace && text[0] != " " { text.insert(" ", at: 0) }
        let ranges = useRegex ? split(text) : [0..<text.count]
        var words: [[Unicode.Scalar]] = []
        words.reserveCapacity(ranges.count)
        var bytes: [UInt8] = []
        for range in ranges where !range.isEmpty {
            bytes.removeAll(keepingCapacity: true)
            for c in text[range] { appendUTF8(c, to: &bytes) }
            words.append(bytes.map { byteToScalar[Int($0)] })
        }
        return words
    }

    private enum Class { case space, letter, number, other }

    @inline(__always)
    private static func classOf(_ c: Unicode.Scalar) -> Class {
        if c.isWhiteSpace { return .space }
        if c.isLetterCategory { return .letter }
        if c.isNumberCategory { return .number }
        return .other
    }

    /// The GPT-2 regex matches, covering the whole text (every scalar falls in some alternative).
    static func split(_ s: [Unicode.Scalar]) -> [Range<Int>] {
        let n = s.count
        let classes = s.map(classOf)
        var out: [Range<Int>] = []
        var i = 0
        while i < n {
            // 's|'t|'re|'ve|'m|'ll|'d (lowercase ASCII only)
            if s[i] == "'" && i + 1 < n {
                let a = s[i + 1]
                if a == "s" || a == "t" || a == "m" || a == "d" {
                    out.append(i..<(i + 2)); i += 2; continue
                }
                if i + 2 < n {
                    let b = s[i + 2]
                    if (a == "r" && b == "e") || (a == "v" && b == "e") || (a == "l" && b == "l") {
                        out.append(i..<(i + 3)); i += 3; continue
                    }
                }
            }
            //  ?\p{L}+ |  ?\p{N}+ |  ?[^\s\p{L}\p{N}]+
            var start = i
            if s[i] == " " && i + 1 < n && classes[i + 1] != .space { start = i + 1 }
            let cls = classes[start]
            if cls != .space {
                var j = start + 1
                while j < n && classes[j] == cls { j += 1 }
                out.append(i..<j); i = j; continue
            }
            // \s+(?!\S) | \s+
            var j = i + 1
            while j < n && classes[j] == .space { j += 1 }
            if j < n && j - 1 > i { j -= 1 }  // leave the last whitespace to prefix the next word
            out.append(i..<j)
            i = j
        }
        return out
    }
}
