import ArgumentParser
import Foundation
import JSON
import Models

struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score text pairs with a cross-encoder: JSON Lines of [a, b] in, one score (or array) per line out.")

    @Option(name: .long, help: "Cross-encoder folder or name (e.g. cross-encoder/stsb-roberta-base).")
    var model: String

    @Option(name: .long, help: "Input file (default: stdin).")
    var input: String?

    @Option(name: .long, help: "Output file (default: stdout).")
    var output: String?

    @Option(name: .long, help: "Pairs per forward pass.")
    var batchSize: Int = 32

    @Flag(name: .long, help: "Softmax over the labels (models with several labels).")
    var softmax = false

    @Flag(name: .long, help: "Raw logits, without the model's activation.")
    var logits = false

    func validate() throws {
        guard batchSize > 0 else { throw ValidationError("--batch-size must be positive") }
    }

    func run() throws {
        let encoder = try loadCrossEncoder(model)
        let lines = try readInputLines(input)
        let pairs: [(String, String)] = try parseLines(lines, source: input ?? "stdin", { v in
            guard let a = v.arrayValue, a.count == 2, let x = a[0].stringValue, let y = a[1].stringValue else { return nil }
            return (x, y)
        }, expected: "a two-string array [a, b]")
        let scores = try encoder.predict(pairs, batchSize: batchSize, activate: !logits, softmax: softmax)
        var sink = OutputSink(path: output)
        for (i, row) in scores.enumerated() {
            sink.line(encoder.labelCount == 1 ? try jsonNumber(row[0], line: i + 1) : try jsonArray(row, line: i + 1))
        }
        try sink.finish()
    }
}
