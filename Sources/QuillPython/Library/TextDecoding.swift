// Bytes of a data file to text, as Python's codecs decode them: UTF-8 (strict, with CPython's
// UnicodeDecodeError wording and positions; or errors='replace' / 'ignore'), utf-8-sig, ascii, latin-1.

enum TextDecoding {
    enum Encoding: Equatable { case utf8, utf8Signature, ascii, latin1 }
    enum Errors: Equatable { case strict, replace, ignore }

    /// Python's spelling variants of the encodings Quill reads; nil for any other encoding.
    static func encoding(_ name: String) -> Encoding? {
        switch name.lowercased().replacingOccurrences(of: "_", with: "-") {
        case "utf-8", "utf8", "u8", "utf": return .utf8
        case "utf-8-sig", "utf8-sig": return .utf8Signature
        case "ascii", "us-ascii", "646": return .ascii
        case "latin-1", "latin1", "iso-8859-1", "iso8859-1", "l1", "latin": return .latin1
        default: return nil
        }
    }

    static func decode(_ bytes: [UInt8], _ encoding: Encoding, _ errors: Errors) throws -> String {
        switch encoding {
        case .latin1:
            var s = String.UnicodeScalarView()
            for b in bytes { s.append(Unicode.Scalar(b)) }
            return String(s)
        case .ascii:
            var s = String.UnicodeScalarView()
            for (i, b) in bytes.enumerated() {
                if b < 0x80 { s.append(Unicode.Scalar(b)); continue }
                switch errors {
                case .strict: throw failure("ascii", [b], i, i, "ordinal not in range(128)")
                case .replace: s.append("\u{FFFD}")
                case .ignore: break
                }
            }
            return String(s)
        case .utf8, .utf8Signature:
            let start = encoding == .utf8Signature && bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            return try utf8(bytes, from: start, errors)
        }
    }

    /// UTF-8 by maximal subparts: an invalid start byte is one error; a sequence cut short by a bad continuation
    /// byte or by the end of the data is one error covering the bytes read so far.
    private static func utf8(_ bytes: [UInt8], from start: Int, _ errors: Errors) throws -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = start
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { out.append(b); i += 1; continue }
            let length: Int
            var second: ClosedRange<UInt8> = 0x80...0xBF
            switch b {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; second = 0xA0...0xBF
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; second = 0x80...0x9F
            case 0xF0: length = 4; second = 0x90...0xBF
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; second = 0x80...0x8F
            default: length = 0
            }
            var valid = 1
            var reason = length == 0 ? "invalid start byte" : ""
            while reason.isEmpty && valid < length {
                if i + valid >= n { reason = "unexpected end of data"; break }
                let c = bytes[i + valid]
                if !(valid == 1 ? second : 0x80...0xBF).contains(c) { reason = "invalid continuation byte"; break }
                valid += 1
            }
            if reason.isEmpty {
                out.append(contentsOf: bytes[i..<(i + length)])
                i += length
                continue
            }
            switch errors {
            case .strict: throw failure("utf-8", Array(bytes[i..<(i + valid)]), i, i + valid - 1, reason)
            case .replace: out.append(contentsOf: [0xEF, 0xBF, 0xBD])
            case .ignore: break
            }
            i += valid
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// "'utf-8' codec can't decode byte 0xff in position 1: invalid start byte" (or "bytes in position 2-3").
    private static func failure(_ codec: String, _ bad: [UInt8], _ first: Int, _ last: Int, _ reason: String) -> PyError {
        let what = first == last
            ? "byte 0x\(String(bad[0], radix: 16, uppercase: false).leftPadded(2)) in position \(first)"
            : "bytes in position \(first)-\(last)"
        return PyError(.exception("UnicodeDecodeError"), "'\(codec)' codec can't decode \(what): \(reason)")
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: "0", count: Swift.max(0, width - count)) + self }
}
