// `quill score`: a streaming worker. JSON Lines of [a, b] pairs (or {"id", "query", "passage"} objects) in, one
// score per line out, a batch at a time (Batches.swift), in input order.
import ArgumentParser
import Foundation
import QuillJSON
import QuillModels

struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score text pairs with a cross-encoder: JSON Lines of [a, b] in, one score (or array) per line out.",
        discussion: """
            Each input line is a two-string array [a, b], or an object {"id": ..., "query": "...", "passage": \
            "..."} whose output line is then {"id": ..., "score": ...}. A model with several labels gives an array \
            per line. Lines may end in LF, CRLF or CR. Input is read and output written as they go, in input \
            order; an --output file appears only once complete. A bad line stops the command (exit 65) after the \
            lines before it are written. Exit status as for embed: 0; 65 for a bad input line; 1 for any other \
            failure; quietly by SIGPIPE when the reader goes away and by SIGTERM at a line boundary.
            """)

    @OptionGroup var io: ModelIOOptions

    @Option(name: .long, help: "Accepted for sentence-transformers' batch_size; Quill packs pairs without padding and groups them by tokens, so it changes neither scores nor memory.")
    var batchSize: Int = 32

    @Flag(name: .long, help: "Softmax over the labels (models with several labels).")
    var softmax = false

    @Flag(name: .long, help: "Raw logits, without the model's activation.")
    var logits = false

    @Flag(name: .long, help: "Read and write the score cache (as notebooks do; see `quill cache info`).")
    var cache = false

    @OptionGroup var timing: TimingOptions

    func validate() throws {
        guard batchSize > 0 else { throw ValidationError("--batch-size must be positive") }
    }

    func run() throws {
        Termination.install()
        var clock = PhaseClock()
        let encoder = try loadCrossEncoder(io.model)
        clock.loaded()
        let cached = try WorkerCache.open(cache, folder: encoder.directory)
        var reader = try LineReader(path: io.input)
        let source = reader.source
        var out = try JSONLinesOutput(path: io.output)
        var count = 0
        try Batches.run(&reader, convert: { try Records.pair($0, source: source) }) { batch in
            clock.start()
            let pairs = batch.map { ($0.record.first, $0.record.second ?? "") }
            let scores = try cached?.scores(encoder, pairs, batchSize: batchSize, activate: !logits, softmax: softmax)
                ?? encoder.predict(pairs, batchSize: batchSize, activate: !logits, softmax: softmax)
            clock.computed()
            count += batch.count
            for (item, row) in zip(batch, scores) {
                try Numbers.checkFinite(row, line: item.line, source: source)
                let value = encoder.labelCount == 1 ? Numbers.json(row[0]) : Numbers.json(row)
                try out.line(Records.output(value, key: "score", for: item.record))
            }
            try out.endBatch()
        }
        try out.finish()
        try clock.report(timing, n: count)
    }
}
