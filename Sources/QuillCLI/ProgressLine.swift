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
