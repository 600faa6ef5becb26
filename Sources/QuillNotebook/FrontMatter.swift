// Optional front matter: `---` on the first line, `key: value` lines, then `---` (or `...`).
// Only flat `key: value` pairs are read (a YAML subset); notebook-wide settings are the cell option keys. The one
// nested key is `params:`, whose indented `name: default` lines declare the notebook's parameters (Params.swift).

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
        var inParams = false
        for entry in frontMatter.entries {
            let range = SourceRange(line: entry.line, column: 1)
            if entry.indented && inParams {
                if !FrontMatter.isIdentifier(entry.key) {
                    fail("parameter name '\(entry.key)' is not a Python identifier", range,
                         hint: "a parameter becomes a variable of the cells: letters, digits and '_', not a keyword")
                }
                continue
            }
            inParams = false
            let key = entry.key, value = entry.value
            if key == "params" {
                inParams = true
                if !value.isEmpty {
                    fail("'params:' takes its parameters on the lines below it", range,
                         hint: "one indented 'name: default' line per parameter")
                }
                continue
            }
            if FrontMatter.ignoredKeys.contains(key) { continue }
            if CellOptions.keys.contains(key) {
                if let problem = defaults.set(key, value) { fail(problem.message, range, hint: problem.hint) }
            } else {
                fail("unknown front matter key '\(key)' (ignored)", range,
                     hint: Suggest.hint(for: key, in: CellOptions.keys + ["params"]), severity: .warning)
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
        var entries: [Entry]
    }

    struct Entry {
        var line: Int
        var key: String
        /// Without the double quotes around it, if any.
        var value: String
        /// Whether the value was in quotes (single or double).
        var quoted: Bool
        /// Whether the line starts with a space or tab (under `params:`).
        var indented: Bool
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
        var entries: [Entry] = []
        for (k, line) in all.enumerated().dropFirst() {
            let text = Substring(line.text).trimmingSpaces
            if text == "---" || text == "..." {
                return Found(byteRange: all[0].range.lowerBound..<line.range.upperBound, entries: entries)
            }
            if text.isEmpty || text.hasPrefix("#") { continue }
            guard let colon = text.firstIndex(of: ":") else { continue }
            let key = Substring(text[..<colon]).trimmingSpaces
            var value = Substring(text[text.index(after: colon)...]).trimmingSpaces
            var quoted = false
            for quote in ["\"", "'"] where value.count >= 2 && value.hasPrefix(quote) && value.hasSuffix(quote) {
                value = String(value.dropFirst().dropLast())
                quoted = true
                break
            }
            let indented = line.text.first == " " || line.text.first == "\t"
            entries.append(Entry(line: k + 1, key: key, value: value, quoted: quoted, indented: indented))
        }
        return nil
    }

    /// The parameters under `params:`: indented `name: default` lines, read as papermill reads -p unless quoted.
    static func params(_ found: Found) -> [Param] {
        var result: [Param] = [], inParams = false
        for entry in found.entries {
            if !entry.indented { inParams = entry.key == "params"; continue }
            guard inParams, isIdentifier(entry.key) else { continue }
            let value = entry.quoted ? ParamValue.string(entry.value) : ParamValue(reading: entry.value)
            result.removeAll { $0.name == entry.key }
            result.append(Param(name: entry.key, value: value, line: entry.line))
        }
        return result
    }

    /// A Python identifier that is not a keyword (ASCII letters, digits and '_'; not starting with a digit).
    static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        let keywords: Set<String> = ["False", "None", "True", "and", "as", "assert", "async", "await", "break",
            "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if",
            "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
            "with", "yield"]
        return !keywords.contains(name) && name.unicodeScalars.allSatisfy {
            $0.isASCII && ($0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0))
        }
    }

    static func isUnterminated(_ bytes: [UInt8]) -> Bool { opens(bytes) && find(bytes) == nil }
}
