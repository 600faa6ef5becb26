import ArgumentParser
import Foundation
import JSON
import Models

struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score text pairs with a cross-encoder: JSON Lines of [a, b] in, one score (or array) per line out.")

    @OptionGroup var io: ModelIOOptions

    @Option(name: .long, help: "Accepted for sentence-transformers' batch_size; Quill packs pairs without padding and groups them by tokens, so it changes neither scores nor memory.")
    var batchSize: Int = 32

    @Flag(name: .long, help: "Softmax over the labels (models with several labels).")
    var softmax = false

    @Flag(name: .long, help: "Raw logits, without the model's activation.")
    var logits = false

    @OptionGroup var timing: TimingOptions

    func validate() throws {
        guard batchSize > 0 else { throw ValidationError("--batch-size must be positive") }
    }

    func run() throws {
        var clock = PhaseClock()
        let encoder = try loadCrossEncoder(io.model)
        clock.loaded()
        let pairs = try parsePairs(try readInputLines(io.input), source: io.source)
        clock.start()
        let scores = try encoder.predict(pairs, batchSize: batchSize, activate: !logits, softmax: softmax)
        clock.computed()
        clock.report(timing, n: pairs.count)
        var sink = OutputSink(path: io.output)
        for (i, row) in scores.enumerated() {
            sink.line(encoder.labelCount == 1 ? try jsonNumber(row[0], line: i + 1) : try jsonArray(row, line: i + 1))
        }
        try sink.finish()
    }
}
