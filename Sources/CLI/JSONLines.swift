// JSON Lines in and out for `quill embed`, `quill score` and `quill tokenize`: input from a file or stdin, every
// bad line reported with its number, output to a file (written atomically) or stdout.
import ArgumentParser
import Foundation
import JSON

/// A usage or data error that the CLI prints as is and exits with `code`.
struct CLIError: Error, CustomStringConvertible {
    var description: String
    var code: Int32 = 1
}

enum InputFormat: String, CaseIterable {
    case jsonl   // one JSON value per line
    case text    // one sentence per line, taken literally
}

/// Reads the input lines (a file, or stdin when `path` is nil or "-"). Blank lines in JSON Lines input are errors
/// too: nothing is skipped silently.
func readInputLines(_ path: String?) throws -> [Substring] {
    let data: Data
    if let path, path != "-" {
        // Through a file handle, not FileManager.contents, so that pipes and process substitutions
        // (--input <(...)) read too.
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CLIError(description: "\(path): cannot read the input file")
        }
        defer { try? handle.close() }
        do { data = try handle.readToEnd() ?? Data() } catch {
            throw CLIError(description: "\(path): cannot read the input file (\(error.localizedDescription))")
        }
    } else {
        data = FileHandle.standardInput.readDataToEndOfFile()
    }
    guard let text = String(validating: data, as: UTF8.self) else {
        throw CLIError(description: "\(path ?? "stdin"): input is not valid UTF-8", code: 65)
    }
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    if lines.last == "" { lines.removeLast() }
    return lines.map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
}

/// Parses each line as JSON and hands it to `convert`, which names what it expected; errors carry the line number.
func parseLines<T>(_ lines: [Substring], source: String, _ convert: (JSONValue) -> T?, expected: String) throws -> [T] {
    var out: [T] = []
    out.reserveCapacity(lines.count)
    for (i, line) in lines.enumerated() {
        let value: JSONValue
        do { value = try JSONParser.parse(Array(line.utf8), maxDepth: 16) } catch {
            throw CLIError(description: "\(source):\(i + 1): invalid JSON: \(error.message)", code: 65)
        }
        guard let v = convert(value) else {
            throw CLIError(description: "\(source):\(i + 1): expected \(expected), found \(value.kindName)", code: 65)
        }
        out.append(v)
    }
    return out
}

/// The options every engine command shares: the model, where input comes from and where output goes.
struct ModelIOOptions: ParsableArguments {
    @Option(name: .long, help: "Model folder or name (e.g. all-MiniLM-L6-v2, cross-encoder/stsb-roberta-base).")
    var model: String

    @Option(name: .long, help: "Input file (default: stdin).")
    var input: String?

    @Option(name: .long, help: "Output file (default: stdout).")
    var output: String?

    var source: String { input ?? "stdin" }
}

/// Lines of JSON two-string arrays [a, b], with line numbers in errors.
func parsePairs(_ lines: [Substring], source: String) throws -> [(String, String)] {
    try parseLines(lines, source: source, { v in
        guard let a = v.arrayValue, a.count == 2, let x = a[0].stringValue, let y = a[1].stringValue else { return nil }
        return (x, y)
    }, expected: "a two-string array [a, b]")
}

/// Collects output and writes it at the end: to stdout, or atomically to a file.
struct OutputSink {
    let path: String?
    var text = ""

    mutating func line(_ s: String) {
        text += s
        text += "\n"
    }

    func finish() throws {
        if let path, path != "-" {
            do { try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic) } catch {
                throw CLIError(description: "\(path): cannot write: \(error.localizedDescription)")
            }
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}

/// A JSON number for a Float: the shortest text that reads back to the same Float32. NaN and infinity have no JSON
/// form, so they are an error that says which line produced them.
func jsonNumber(_ x: Float, line: Int) throws -> String {
    guard x.isFinite else {
        throw CLIError(description: "line \(line): the model produced \(x) (do its weights contain NaN or infinity?)")
    }
    return x == 0 ? "0.0" : "\(x)"
}

func jsonArray(_ xs: [Float], line: Int) throws -> String {
    "[" + (try xs.map { try jsonNumber($0, line: line) }).joined(separator: ",") + "]"
}
