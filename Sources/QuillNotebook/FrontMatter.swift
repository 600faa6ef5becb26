// Optional front matter: `---` on the first line, `key: value` lines, then `---` (or `...`).
// Only flat `key: value` pairs are read (a YAML subset); notebook-wide settings are the cell option keys.

import QuillCommonMark

extension NotebookReader {
    /// The notebook-wide cell options, and the bytes for cmark with the front matter blanked (same length, spaces)
    /// so that cmark's line numbers stay the file's. Nil, after a diagnostic, for front matter left open.
    mutating func readFrontMatter() -> (CellOptions, [UInt8])? {
        var defaults = CellOptions()
        guard let frontMatter = FrontMatter.find(bytes) else {
            if FrontMatter.isUnterminated(bytes) {
                fail("front matter starts with '---' but has no closing '---' line", SourceRange(line: 1, column: 1))
                return nil
            }
            return (defaults, bytes)
        }
        for (line, key, value) in frontMatter.entries {
            let range = SourceRange(line: line, column: 1)
            if FrontMatter.ignoredKeys.contains(key) { continue }
            if CellOptions.keys.contains(key) {
                if let problem = defaults.set(key, value) { fail(problem.message, range, hint: problem.hint) }
            } else {
                fail("unknown front matter key '\(key)' (ignored)", range,
                     hint: Suggest.hint(for: key, in: CellOptions.keys), severity: .warning)
            }
        }
        var parseBytes = bytes
        for k in frontMatter.byteRange where bytes[k] != 0x0A && bytes[k] != 0x0D { parseBytes[k] = 0x20 }
        return (defaults, parseBytes)
    }
}

enum FrontMatter {
    /// Keys that documents commonly carry and Quill ignores.
    static let ignoredKeys = ["title", "author", "date", "description", "tags", "lang"]

    struct Found {
        /// Lines 1...n, both fences included.
        var byteRange: Range<Int>
        var entries: [(line: Int, key: String, value: String)]
    }

    static func lines(_ bytes: [UInt8]) -> [(text: String, range: Range<Int>)] {
        let starts = Document.lineTable(bytes)
        var result: [(String, Range<Int>)] = []
        for (k, start) in starts.enumerated() {
            let end = k + 1 < starts.count ? starts[k + 1] : bytes.count
            if start >= bytes.count { break }
            var textEnd = end
            while textEnd > start, bytes[textEnd - 1] == 0x0A || bytes[textEnd - 1] == 0x0D { textEnd -= 1 }
            result.append((String(decoding: bytes[start..<textEnd], as: UTF8.self), start..<end))
        }
        return result
    }

    static func opens(_ bytes: [UInt8]) -> Bool {
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        guard body.starts(with: Array("---".utf8)) else { return false }
        let rest = body.dropFirst(3).prefix(while: { $0 != 0x0A && $0 != 0x0D })
        return rest.allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    static func find(_ bytes: [UInt8]) -> Found? {
        guard opens(bytes) else { return nil }
        let all = lines(bytes)
        var entries: [(Int, String, String)] = []
        for (k, line) in all.enumerated().dropFirst() {
            let text = Substring(line.text).trimmingSpaces
            if text == "---" || text == "..." {
                return Found(byteRange: all[0].range.lowerBound..<line.range.upperBound, entries: entries)
            }
            if text.isEmpty || text.hasPrefix("#") { continue }
            guard let colon = text.firstIndex(of: ":") else { continue }
            let key = Substring(text[..<colon]).trimmingSpaces
            var value = Substring(text[text.index(after: colon)...]).trimmingSpaces
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            entries.append((k + 1, key, value))
        }
        return nil
    }

    static func isUnterminated(_ bytes: [UInt8]) -> Bool { opens(bytes) && find(bytes) == nil }
}
