import ArgumentParser
import Foundation
import JSON
import Models

struct TokenizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokenize",
        abstract: "Token ids as the model sees them (special tokens included, truncated as the model truncates).")

    @OptionGroup var io: ModelIOOptions

    @Flag(name: .long, help: "Input lines are [a, b] pairs, tokenized as a cross-encoder does.")
    var pairs = false

    func run() throws {
        let folder = try resolveModel(io.model)
        let lines = try readInputLines(io.input)
        var sink = OutputSink(path: io.output)
        func ids(_ xs: [Int32]) -> String { "[" + xs.map(String.init).joined(separator: ",") + "]" }
        if pairs {
            let items = try parsePairs(lines, source: io.source)
            let ce = try loadCrossEncoder(folder.path)
            for (a, b) in items { sink.line(ids(ce.tokenize(a, b))) }
        } else {
            let texts = try parseLines(lines, source: io.source, { $0.stringValue }, expected: "a JSON string")
            let bi = try loadBiEncoder(folder.path)
            for t in texts { sink.line(ids(bi.tokenize(t))) }
        }
        try sink.finish()
    }
}
