// `quill embed`: a streaming worker. JSON Lines (or text) in, one embedding per line out, a batch at a time
// (Batches.swift), so that any input size runs in bounded memory: JSON Lines to stdout or a file, or a .npy array.
import ArgumentParser
import Foundation
import QuillJSON
import QuillModels

struct EmbedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "embed",
        abstract: "Embed sentences with a bi-encoder: JSON Lines of strings in, JSON Lines of embeddings out.",
        discussion: """
            Each input line is a JSON string, or an object {"id": ..., "text": "..."} whose output line is then \
            {"id": ..., "embedding": [...]}; with --format text each line is a sentence. Lines may end in LF, CRLF \
            or CR. Input is read and output written as they go, a batch of lines at a time, in input order. An \
            --output file appears only once complete; one whose name ends in .npy gets a NumPy float32 array \
            (sentences, dimension) instead, in input order, without ids. A bad line stops the command (exit 65) \
            after the lines before it are written. Exit status: 0; 65 for a bad input line; 1 for any other \
            failure, a failed write included. A reader that goes away (`| head -1`) ends the worker quietly by \
            SIGPIPE, and SIGTERM stops it at a line boundary, quietly, by SIGTERM (a shell shows 141 and 143).
            """)

    @OptionGroup var io: ModelIOOptions

    @Option(name: .long, help: "Input format: jsonl (each line a JSON string or {\"id\", \"text\"} object) or text (each line a sentence).")
    var format: String = "jsonl"

    @Option(name: .long, help: "Accepted for sentence-transformers' batch_size; Quill packs sentences without padding and groups them by tokens, so it changes neither results nor memory.")
    var batchSize: Int = 32

    @Flag(name: .long, help: "Scale each embedding to unit length.")
    var normalize = false

    @Flag(name: .long, help: "Read and write the embedding cache (as notebooks do; see `quill cache info`).")
    var cache = false

    @OptionGroup var timing: TimingOptions

    func validate() throws {
        guard batchSize > 0 else { throw ValidationError("--batch-size must be positive") }
        guard InputFormat(rawValue: format) != nil else { throw ValidationError("--format must be jsonl or text") }
    }

    func run() throws {
        Termination.install()
        var clock = PhaseClock()
        let encoder = try loadBiEncoder(io.model)
        clock.loaded()
        let cached = try WorkerCache.open(cache, folder: encoder.directory)
        var reader = try LineReader(path: io.input)
        let source = reader.source
        let text = InputFormat(rawValue: format) == .text
        let convert = { (line: InputLine) throws -> Record in
            text ? Record(first: line.text) : try Records.sentence(line, source: source)
        }
        var count = 0
        func embed(_ batch: [(line: Int, record: Record)]) throws -> [[Float]] {
            clock.start()
            let texts = batch.map(\.record.first)
            let rows = try cached?.embeddings(encoder, texts, batchSize: batchSize, normalize: normalize)
                ?? encoder.encode(texts, batchSize: batchSize, normalize: normalize)
            clock.computed()
            count += batch.count
            for (item, row) in zip(batch, rows) { try Numbers.checkFinite(row, line: item.line, source: source) }
            return rows
        }
        if let path = io.output, path.hasSuffix(".npy") {
            var out = try NPYOutput(path: path, columns: encoder.dimension)
            try Batches.run(&reader, convert: convert) { batch in
                for row in try embed(batch) { try out.row(row) }
            }
            try out.finish()
        } else {
            var out = try JSONLinesOutput(path: io.output)
            try Batches.run(&reader, convert: convert) { batch in
                for (item, row) in zip(batch, try embed(batch)) {
                    try out.line(Records.output(Numbers.json(row), key: "embedding", for: item.record))
                }
                try out.endBatch()
            }
            try out.finish()
        }
        try clock.report(timing, n: count)
    }
}
