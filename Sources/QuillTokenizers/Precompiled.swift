// SentencePiece's compiled character map: the `Precompiled` normalizer of tokenizer.json (XLM-R's nmt_nfkc rules),
// applied as the Rust tokenizers apply it (tokenizers/src/normalizers/precompiled.rs over the spm_precompiled crate).
//
// The charsmap (base64 in the file) is a little-endian uint32 trie size in bytes, the trie as little-endian uint32
// units of a Darts double array keyed by UTF-8 bytes, then a blob of NUL-terminated replacement strings that the
// trie's values point into. The Rust normalizer differs from SentencePiece's own in two ways kept here on purpose:
// - it walks extended grapheme clusters; a cluster under 6 UTF-8 bytes is looked up whole first, else scalar by
//   scalar, so "Ａ\u{301}" becomes "A" (the mark is dropped) while "ᄀ" + "ᅡ" (6 bytes) stays decomposed;
// - a lookup takes the *shortest* key that is a prefix of what it looks up, not the longest.

import Foundation
import QuillJSON

/// A parsed `precompiled_charsmap`.
struct PrecompiledCharsmap: Sendable {
    /// Darts double-array units.
    private let units: [UInt32]
    /// NUL-terminated UTF-8 replacement strings.
    private let replacements: [UInt8]

    /// Parses the decoded charsmap bytes (spm_precompiled's `parse` and its UTF-8 check on the strings blob).
    init(bytes: [UInt8], file: String, field: String) throws(TokenizerError) {
        guard bytes.count >= 4 else {
            throw .invalidField(file: file, field: field, reason: "the charsmap is shorter than its 4-byte trie size")
        }
        let trieBytes = Int(PrecompiledCharsmap.littleEndian(bytes, at: 0))
        let unitCount = trieBytes / 4
        guard unitCount <= (bytes.count - 4) / 4 else {
            throw .invalidField(file: file, field: field,
                                reason: "the trie size \(trieBytes) exceeds the \(bytes.count - 4) bytes that follow it")
        }
        var units: [UInt32] = []
        units.reserveCapacity(unitCount)
        for i in 0..<unitCount { units.append(PrecompiledCharsmap.littleEndian(bytes, at: 4 + 4 * i)) }
        let blob = Array(bytes[(4 + 4 * unitCount)...])
        guard decodeUTF8(blob[...]) != nil else {
            throw .invalidField(file: file, field: field, reason: "the normalized strings are not valid UTF-8")
        }
        self.units = units
        self.replacements = blob
    }

    private static func littleEndian(_ b: [UInt8], at i: Int) -> UInt32 {
        UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24
    }

    /// The value of the shortest key that is a prefix of `key` (Darts common-prefix search, first result).
    /// The search stops at a NUL byte, as SentencePiece's does. Malformed tries find nothing instead of trapping.
    private func firstPrefixValue(_ key: [UInt8]) -> Int? {
        guard let root = units.first else { return nil }
        var position = PrecompiledCharsmap.offset(root)
        for byte in key {
            if byte == 0 { break }
            position ^= Int(byte)
            guard position < units.count else { return nil }
            let unit = units[position]
            // The label keeps bit 31 so that a leaf unit never equals a byte.
            guard unit & 0x8000_00FF == UInt32(byte) else { return nil }
            position ^= PrecompiledCharsmap.offset(unit)
            if (unit >> 8) & 1 == 1 {
                guard position < units.count else { return nil }
                return Int(units[position] & 0x7FFF_FFFF)
            }
        }
        return nil
    }

    private static func offset(_ unit: UInt32) -> Int {
        Int(unit >> 10) << Int((unit & (1 << 9)) >> 6)
    }

    /// The replacement for `key` (the UTF-8 of a cluster or a scalar), or nil when the map leaves it alone.
    func replacement(for key: [UInt8]) -> [Unicode.Scalar]? {
        guard let start = firstPrefixValue(key), start <= replacements.count else { return nil }
        var end = start
        while end < replacements.count && replacements[end] != 0 { end += 1 }
        // A value pointing inside a UTF-8 sequence would panic in Rust; here it maps to nothing.
        return decodeUTF8(replacements[start..<end])
    }

    /// Normalizes a piece: whole clusters under 6 bytes first, else each scalar.
    func normalize(_ text: [Unicode.Scalar]) -> [Unicode.Scalar] {
        if text.isEmpty { return text }
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(text.count)
        var bytes: [UInt8] = []
        var start = 0
        for length in graphemeClusterLengths(text) {
            let cluster = text[start..<(start + length)]
            start += length
            bytes.removeAll(keepingCapacity: true)
            for c in cluster { appendUTF8(c, to: &bytes) }
            if bytes.count < 6, let r = replacement(for: bytes) {
                out.append(contentsOf: r)
                continue
            }
            if length == 1 {
                out.append(cluster[cluster.startIndex])  // the lookup above was this scalar's own
                continue
            }
            for c in cluster {
                bytes.removeAll(keepingCapacity: true)
                appendUTF8(c, to: &bytes)
                if let r = replacement(for: bytes) { out.append(contentsOf: r) } else { out.append(c) }
            }
        }
        return out
    }
}

/// The number of scalars in each extended grapheme cluster of `text` (Unicode UAX #29, as the unicode-segmentation
/// crate's `graphemes(true)`). Swift's `Character` boundaries implement the same rules; only the boundaries are
/// taken from it, the text itself stays scalars.
func graphemeClusterLengths(_ text: [Unicode.Scalar]) -> [Int] {
    if text.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }) {
        return [Int](repeating: 1, count: text.count)  // printable ASCII: one scalar per cluster
    }
    var lengths: [Int] = []
    lengths.reserveCapacity(text.count)
    for cluster in text.string { lengths.append(cluster.unicodeScalars.count) }
    return lengths
}

/// Decodes UTF-8, or nil when the bytes are not valid UTF-8.
func decodeUTF8(_ bytes: ArraySlice<UInt8>) -> [Unicode.Scalar]? {
    var scalars: [Unicode.Scalar] = []
    scalars.reserveCapacity(bytes.count)
    var iterator = bytes.makeIterator()
    var decoder = UTF8()
    while true {
        switch decoder.decode(&iterator) {
        case .scalarValue(let c): scalars.append(c)
        case .emptyInput: return scalars
        case .error: return nil
        }
    }
}

extension PrecompiledCharsmap {
    /// `{"type": "Precompiled", "precompiled_charsmap": "<base64>"}`.
    static func decode(_ o: JSONObject, _ field: String, _ r: FieldReader) throws(TokenizerError) -> PrecompiledCharsmap {
        let f = field + ".precompiled_charsmap"
        let text = try r.string(o["precompiled_charsmap"], f)
        guard let data = Data(base64Encoded: text) else {
            throw .invalidField(file: r.file, field: f, reason: "not valid base64")
        }
        return try PrecompiledCharsmap(bytes: [UInt8](data), file: r.file, field: f)
    }
}
