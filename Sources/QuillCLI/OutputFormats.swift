// The formats `run` and `watch` write (`--to md,html`, default md) and writing a run in each of them:
// OUTPUT-DIR/NAME.md with its figures in NAME_files/ (MarkdownOutput) and OUTPUT-DIR/NAME.html (HTMLRenderer), each replaced atomically.

import ArgumentParser
import Foundation
import QuillNotebook

enum OutputFormat: String, CaseIterable {
    case md, html
}

struct OutputFormatOptions: ParsableArguments {
    @Option(name: .customLong("to"), help: "Formats to write, comma-separated: md (Output/NAME.md), html (Output/NAME.html).")
    var to = "md"

    @Flag(name: .customLong("unsafe-html"), help: "Keep raw HTML from the notebook's prose in the HTML page (dropped by default).")
    var unsafeHTML = false

    /// The formats asked for, in the order md, html; throws a usage error for an unknown or empty list.
    func formats() throws -> [OutputFormat] {
        var chosen = Set<OutputFormat>()
        for word in to.split(separator: ",", omittingEmptySubsequences: false) {
            let name = word.trimmingCharacters(in: .whitespaces).lowercased()
            guard let format = OutputFormat(rawValue: name == "markdown" ? "md" : name) else {
                throw ValidationError("--to: unknown format '\(word)' (formats: md, html)")
            }
            chosen.insert(format)
        }
        return OutputFormat.allCases.filter(chosen.contains)
    }

    func validate() throws { _ = try formats() }
}

enum OutputWriter {
    /// The file name stem every format of a notebook shares (`Notebooks/intro.md` -> `intro`).
    static func stem(_ path: String) -> String {
        ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    }

    /// Writes `result` in each format into `directory`, reporting `wrote PATH`; false after a write error (printed).
    static func write(_ result: NotebookRun, formats: [OutputFormat], unsafeHTML: Bool, into directory: String) -> Bool {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            for format in formats {
                let target = (directory as NSString).appendingPathComponent(stem(result.notebook.path) + "." + format.rawValue)
                switch format {
                case .md: try MarkdownOutput.write(result, to: target)
                case .html: try AtomicFile.write(HTMLRenderer.render(result, unsafeHTML: unsafeHTML), to: target)
                }
                Report.out("wrote \(target)")
            }
            return true
        } catch {
            Report.error("\(error)")
            return false
        }
    }
}
