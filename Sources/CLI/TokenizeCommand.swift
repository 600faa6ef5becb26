import ArgumentParser
import Foundation
import JSON
import Models

struct TokenizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokenize",
        abstract: "Token ids as the model sees them (special tokens included, truncated as the model truncates).")

    @Option(name: .long, help: "Model folder or name.")
    var model: String

    @Option(name: .long, help: "Input file (default: stdin).")
    var input: String?

    @Option(name: .long, help: "Output file (default: stdout).")
    var output: String?

    @Flag(name: .long, help: "Input lines are [a, b] pairs, tokenized as a cross-encoder does.")
    var pairs = false

    func run() throws {
        let folder = try resolveModel(model)
        let lines = try readInputLines(input)
        var sink = OutputSink(path: output)
        func ids(_ xs: [Int32]) -> String { "[" + xs.map(String.init).joined(separator: ",") + "]" }
        if pairs {
            let items: [(String, String)] = try parseLines(lines, source: input ?? "stdin", { v in
                guard let a = v.arrayValue, a.count == 2, let x = a[0].stringValue, let y = a[1].stringValue else { return nil }
                return (x, y)
            }, expected: "a two-string array [a, b]")
            let ce = try loadCrossEncoder(folder.path)
            for (a, b) in items { sink.line(ids(ce.tokenize(a, b))) }
        } else {
            let texts = try parseLines(lines, source: input ?? "stdin", { $0.stringValue }, expected: "a JSON string")
            let bi = try loadBiEncoder(folder.path)
            for t in texts { sink.line(ids(bi.tokenize(t))) }
        }
        try sink.finish()
    }
}
