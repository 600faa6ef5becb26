import ArgumentParser
import Foundation
import Models

struct EmbedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "embed",
        abstract: "Embed sentences with a bi-encoder: JSON Lines of strings in, JSON Lines of embeddings out.",
        discussion: "An --output file whose name ends in .npy gets a NumPy float32 array (sentences, dimension) instead.")

    @OptionGroup var io: ModelIOOptions

    @Option(name: .long, help: "Input format: jsonl (each line a JSON string) or text (each line a sentence).")
    var format: String = "jsonl"

    @Option(name: .long, help: "Accepted for sentence-transformers' batch_size; Quill packs sentences without padding and groups them by tokens, so it changes neither results nor memory.")
    var batchSize: Int = 32

    @Flag(name: .long, help: "Scale each embedding to unit length.")
    var normalize = false

    @OptionGroup var timing: TimingOptions

    func validate() throws {
        guard batchSize > 0 else { throw ValidationError("--batch-size must be positive") }
        guard InputFormat(rawValue: format) != nil else { throw ValidationError("--format must be jsonl or text") }
    }

    func run() throws {
        var clock = PhaseClock()
        let encoder = try loadBiEncoder(io.model)
        clock.loaded()
        let lines = try readInputLines(io.input)
        let sentences: [String]
        if InputFormat(rawValue: format) == .text {
            sentences = lines.map(String.init)
        } else {
            sentences = try parseLines(lines, source: io.source, { $0.stringValue }, expected: "a JSON string")
        }
        clock.start()
        let embeddings = try encoder.encode(sentences, batchSize: batchSize, normalize: normalize)
        clock.computed()
        clock.report(timing, n: sentences.count)
        // An output file named *.npy gets a NumPy float32 array instead of JSON Lines.
        if let output = io.output, output.hasSuffix(".npy") {
            try writeNPY(embeddings, columns: encoder.dimension, to: output)
            return
        }
        var sink = OutputSink(path: io.output)
        for (i, e) in embeddings.enumerated() { sink.line(try jsonArray(e, line: i + 1)) }
        try sink.finish()
    }
}

/// Writes a (rows, columns) float32 matrix as NumPy .npy version 1.0, atomically.
func writeNPY(_ rows: [[Float]], columns: Int, to path: String) throws {
    var header = "{'descr': '<f4', 'fortran_order': False, 'shape': (\(rows.count), \(columns)), }"
    let unpadded = 10 + header.utf8.count + 1
    header += String(repeating: " ", count: (64 - unpadded % 64) % 64) + "\n"
    var data = Data([0x93]) + Data("NUMPY".utf8) + Data([1, 0])
    let n = UInt16(header.utf8.count)
    data.append(contentsOf: [UInt8(n & 0xFF), UInt8(n >> 8)])
    data.append(Data(header.utf8))
    for row in rows {
        row.withUnsafeBufferPointer { data.append(Data(buffer: $0)) }
    }
    do { try data.write(to: URL(fileURLWithPath: path), options: .atomic) } catch {
        throw CLIError(description: "\(path): cannot write: \(error.localizedDescription)")
    }
}
