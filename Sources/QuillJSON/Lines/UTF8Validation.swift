// Strict UTF-8 validation that names the first bad byte, shared by the JSON Lines reader (QuillCLI, through
// LineSplitter) and the notebook reader (QuillNotebook): Unicode Table 3-7, so no overlong forms, no surrogates,
// nothing above U+10FFFF and no truncated sequence.

public enum UTF8Validation {
    /// The index of the first byte that does not begin a well-formed UTF-8 sequence, or nil when all of `b` is
    /// valid. A truncated or broken sequence is named by its lead byte.
    public static func firstInvalid(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        while i < b.count {
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            var need = 0, low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch c {
            case 0xC2...0xDF: need = 1
            case 0xE0: need = 2; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: need = 2
            case 0xED: need = 2; high = 0x9F
            case 0xF0: need = 3; low = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4: need = 3; high = 0x8F
            default: return i
            }
            guard i + need < b.count, (low...high).contains(b[i + 1]) else { return i }
            for k in stride(from: 2, through: need, by: 1) where !(0x80...0xBF).contains(b[i + k]) { return i }
            i += need + 1
        }
        return nil
    }

    /// `firstInvalid` over an array or a slice (the index is relative to the collection's start).
    public static func firstInvalid<C: Collection<UInt8>>(_ bytes: C) -> Int? {
        if let found = bytes.withContiguousStorageIfAvailable({ firstInvalid($0) }) { return found }
        return Array(bytes).withUnsafeBufferPointer { firstInvalid($0) }
    }
}
