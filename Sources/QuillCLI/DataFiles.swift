// The data files a notebook's cells read, for `quill watch`: every open("PATH") (or open('PATH'), r"PATH", with more
// arguments or not) whose path is a string literal, resolved against the notebook's folder as open() resolves it,
// known before the notebook runs. A path built at run time (an f-string, a variable) is learnt from the run itself
// (NotebookRun.filesRead); the notebook itself is always watched.

import Foundation
import QuillNotebook

struct DataFiles {
    /// The last answer per notebook, with the notebook's stamp it was read at: the file is read again only when saved.
    private var known: [String: (stamp: FileStamp?, files: [String])] = [:]

    mutating func read(by path: String, stamp: FileStamp?) -> [String] {
        if let entry = known[path], entry.stamp == stamp { return entry.files }
        var files: [String] = []
        if let data = FileManager.default.contents(atPath: path) {
            let notebook = Notebook(path: path, bytes: [UInt8](data))
            let folder = NotebookFiles.directory(of: path)
            for cell in notebook.cells {
                for literal in Self.openedPaths(cell.source) {
                    let file = literal.hasPrefix("/") ? literal : folder.appendingPathComponent(literal).path
                    if !files.contains(file) { files.append(file) }
                }
            }
        }
        known[path] = (stamp, files)
        return files
    }

    /// `a` then the paths of `b` that `a` lacks.
    static func union(_ a: [String], _ b: [String]) -> [String] {
        a + b.filter { !a.contains($0) }
    }

    /// The literal first arguments of `open(` calls in `source` (not `.open(`, not `xopen(`).
    static func openedPaths(_ source: String) -> [String] {
        let s = Array(source.unicodeScalars)
        var found: [String] = []
        var i = 0
        while i + 5 <= s.count {
            defer { i += 1 }
            guard String(String.UnicodeScalarView(s[i..<i + 5])) == "open(" else { continue }
            if i > 0, s[i - 1] == "." || s[i - 1] == "_" || s[i - 1].properties.isAlphabetic || ("0"..."9").contains(s[i - 1]) { continue }
            var k = i + 5
            while k < s.count, s[k] == " " { k += 1 }
            if k < s.count, s[k] == "r" || s[k] == "R" { k += 1 }
            guard k < s.count, s[k] == "\"" || s[k] == "'" else { continue }
            let quote = s[k]
            guard let end = s[(k + 1)...].firstIndex(where: { $0 == quote || $0 == "\n" || $0 == "\\" }), s[end] == quote else { continue }
            let literal = String(String.UnicodeScalarView(s[(k + 1)..<end]))
            if !literal.isEmpty { found.append(literal) }
        }
        return found
    }
}
