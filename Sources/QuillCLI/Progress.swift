// Progress of a notebook cell's long encode or predict: the batches that check the cell's deadline (ProgressBatches),
// and the line they draw on a terminal (ProgressLine).
//
// The progress line of a long encode or predict in a notebook cell, on stderr when stderr is a terminal:
//
//     Notebooks/01-bi-encoder.md:42: encode 3,072/10,000 (1,204/s)
//
// It appears once the call has run ProgressLine.delay seconds, is redrawn at most every `interval` seconds, and is
// erased when the call ends, so that nothing of it stays in a terminal's scrollback or reaches a file or a pipe.

import Foundation
import QuillNotebook

final class ProgressLine: @unchecked Sendable {
    /// Seconds a call runs before its line appears.
    static let delay = 2.0
    /// Seconds between redraws.
    static let interval = 0.2

    private let write: @Sendable (String) -> Void
    private let lock = NSLock()
    private var shown = false
    private var lastDraw = -Double.infinity

    init(write: @escaping @Sendable (String) -> Void) {
        self.write = write
    }

    /// A line on stderr, or nil when stderr is not a terminal (nothing is ever shown then).
    static func standardError(isTerminal: Bool = isatty(STDERR_FILENO) == 1) -> ProgressLine? {
        guard isTerminal else { return nil }
        return ProgressLine { try? Console.err($0) }
    }

    /// After a batch: `done` of `total` items `elapsed` seconds into the call.
    func update(_ cell: CellClock.Running?, verb: String, done: Int, total: Int, elapsed: Double) {
        guard elapsed >= Self.delay, done < total, let cell else { return }
        lock.lock()
        defer { lock.unlock() }
        guard elapsed - lastDraw >= Self.interval else { return }
        lastDraw = elapsed
        shown = true
        write("\r\u{1B}[K" + Self.format(notebook: cell.notebook, line: cell.line, verb: verb, done: done, total: total,
                                         elapsed: elapsed))
    }

    /// When the call ends (or fails): erases the line if it was drawn.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if shown { write("\r\u{1B}[K") }
        shown = false
        lastDraw = -Double.infinity
    }

    /// "demo.md:42: encode 3,072/10,000 (1,204/s)".
    static func format(notebook: String, line: Int, verb: String, done: Int, total: Int, elapsed: Double) -> String {
        let rate = elapsed > 0 ? Int((Double(done) / elapsed).rounded()) : 0
        return "\(notebook):\(line): \(verb) \(grouped(done))/\(grouped(total)) (\(grouped(rate))/s)"
    }

    /// 12345 -> "12,345".
    static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (k, c) in digits.enumerated() {
            if k > 0, (digits.count - k) % 3 == 0 { out += "," }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }
}

// A notebook's long encode or predict in batches: between them the running cell's deadline is checked (so that
// `#| timeout` or --timeout stops a 10,000-sentence encode within about a second, not when it ends) and the progress
// line is updated. A sentence's embedding does not depend on its batch (see BiEncoderTests), so the batches change
// no number.

struct ProgressBatches: Sendable {
    /// Items in the first batch; calls with no more run as one.
    static let firstBatch = 64
    /// Seconds a batch should take after the first: short enough to stop in time, long enough to keep the cores busy.
    static let target = 0.3
    static let largestBatch = 16_384

    /// The running cell (deadline, place); nil for no checks.
    var clock: CellClock?
    var progress: ProgressLine?

    /// `work` over 0..<count in order, in batches; the results concatenated.
    func run<T>(_ count: Int, verb: String, _ work: (Range<Int>) throws -> [T]) throws -> [T] {
        guard count > Self.firstBatch else { return try work(0..<count) }
        defer { progress?.finish() }
        var results: [T] = []
        results.reserveCapacity(count)
        let began = ContinuousClock.now
        var start = 0, size = Self.firstBatch
        while start < count {
            try clock?.checkDeadline()
            let end = min(count, start + size)
            let batchStart = ContinuousClock.now
            results += try work(start..<end)
            let now = ContinuousClock.now
            let rate = Double(end - start) / max(Self.seconds(now - batchStart), 1e-4)
            size = min(max(1, Int(rate * Self.target)), size * 4, Self.largestBatch)
            start = end
            progress?.update(clock?.current, verb: verb, done: start, total: count, elapsed: Self.seconds(now - began))
        }
        return results
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }
}
