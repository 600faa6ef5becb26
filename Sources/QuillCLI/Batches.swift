// The streaming workers' loop: input lines are read and converted a batch at a time, and each batch is computed
// and written before the next is read. Memory stays bounded whatever the input's length (one batch of text, its
// results and 64 KiB of output at a time), and output order is input order.
import Foundation
import QuillJSON

enum Batches {
    /// Lines per batch (QUILL_BATCH_LINES overrides): enough that the engine's groups of about 128 tokens keep
    /// every core busy and its tokenizer runs in parallel, few enough that results flow steadily down a pipe.
    static let lines: Int = {
        if let s = ProcessInfo.processInfo.environment["QUILL_BATCH_LINES"], let n = Int(s), n > 0 { return n }
        return 512
    }()

    /// A batch also ends once its lines hold this many bytes: about 128 paragraphs of 200 tokens, still hundreds
    /// of the engine's groups, so that a batch of long documents takes seconds, not minutes (SIGTERM waits for
    /// the batch being computed).
    static let bytes = 128 << 10

    /// Calls `body` with each batch of converted records and their line numbers. A batch waits for its first line
    /// only: it takes what else the input already holds, so that a writer that waits for results before it
    /// writes more (request and response on a pipe) gets them. A line that fails to convert
    /// ends the input: the lines before it are still processed, then its error is thrown, so that what is written
    /// does not depend on the batch size. SIGTERM is honoured between batches (and while waiting for input).
    static func run<R>(_ reader: inout LineReader, convert: (InputLine) throws -> R,
                       body: ([(line: Int, record: R)]) throws -> Void) throws {
        var batch: [(line: Int, record: R)] = []
        batch.reserveCapacity(lines)
        while true {
            try Termination.check()
            var size = 0
            var failure: (any Error)?
            while batch.count < lines, size < bytes {
                let line: InputLine?
                do { line = try reader.next(wait: batch.isEmpty) } catch let stop as Terminated { throw stop } catch {
                    failure = error
                    break
                }
                guard let line else { break }
                size += line.bytes.count
                do { batch.append((line.number, try convert(line))) } catch {
                    failure = error
                    break
                }
            }
            if !batch.isEmpty {
                try Termination.check()
                try body(batch)
            }
            if let failure { throw failure }
            if reader.finished { return }
            batch.removeAll(keepingCapacity: true)
        }
    }
}
