// The progress line of long encodes (issue 14, item 6) and the batches that drive it and the cell deadline
// (issue 15, item 5): formatting, when it appears and is erased, nothing when stderr is not a terminal, and a
// deadline that stops the batches.

import Foundation
import QuillNotebook
import QuillPython
import Testing
@testable import QuillCLI

final class Captured: @unchecked Sendable {
    private let lock = NSLock()
    private var parts: [String] = []
    var text: [String] { lock.lock(); defer { lock.unlock() }; return parts }
    func append(_ s: String) { lock.lock(); parts.append(s); lock.unlock() }
}

@Suite struct ProgressTests {
    static let cell = CellClock.Running(notebook: "Notebooks/demo.md", line: 42, started: .now, deadline: nil)

    @Test func formatsNotebookLineCountsAndRate() {
        #expect(ProgressLine.format(notebook: "Notebooks/demo.md", line: 42, verb: "encode", done: 3072, total: 10000,
                                    elapsed: 2.5) == "Notebooks/demo.md:42: encode 3,072/10,000 (1,229/s)")
        #expect(ProgressLine.format(notebook: "a.md", line: 1, verb: "predict", done: 0, total: 5, elapsed: 0)
                == "a.md:1: predict 0/5 (0/s)")
        #expect(ProgressLine.grouped(1_234_567) == "1,234,567" && ProgressLine.grouped(999) == "999")
    }

    @Test func appearsAfterTwoSecondsIsThrottledAndErased() {
        let out = Captured()
        let line = ProgressLine { out.append($0) }
        line.update(Self.cell, verb: "encode", done: 100, total: 1000, elapsed: 1.9)
        #expect(out.text.isEmpty)
        line.update(Self.cell, verb: "encode", done: 500, total: 1000, elapsed: 2.5)
        line.update(Self.cell, verb: "encode", done: 510, total: 1000, elapsed: 2.6)   // within 0.2 s: not redrawn
        line.update(Self.cell, verb: "encode", done: 900, total: 1000, elapsed: 3.0)
        line.finish()
        #expect(out.text == ["\r\u{1B}[KNotebooks/demo.md:42: encode 500/1,000 (200/s)",
                             "\r\u{1B}[KNotebooks/demo.md:42: encode 900/1,000 (300/s)", "\r\u{1B}[K"])
        // A short call draws nothing and erases nothing.
        line.update(Self.cell, verb: "encode", done: 10, total: 20, elapsed: 0.5)
        line.finish()
        #expect(out.text.count == 3)
    }

    @Test func nothingWhenStandardErrorIsNotATerminal() {
        #expect(ProgressLine.standardError(isTerminal: false) == nil)
        #expect(ProgressLine.standardError(isTerminal: true) != nil)
    }

    @Test func batchesKeepOrderAndGrow() throws {
        let sizes = Captured()
        let batches = ProgressBatches(clock: CellClock(), progress: nil)
        let result = try batches.run(5000, verb: "encode") { range -> [Int] in
            sizes.append(String(range.count))
            return Array(range)
        }
        #expect(result == Array(0..<5000))
        #expect(sizes.text.first == "64" && sizes.text.count > 1)
        // Small calls run as one.
        #expect(try batches.run(3, verb: "encode") { range -> [Int] in Array(range) } == [0, 1, 2])
    }

    @Test func deadlineStopsTheBatches() throws {
        let clock = CellClock()
        clock.begin(CellClock.Running(notebook: "a.md", line: 1, started: .now, deadline: .now + .milliseconds(200)))
        defer { clock.end() }
        let calls = Captured()
        let batches = ProgressBatches(clock: clock, progress: nil)
        // 1,000,000 items at 20 ms per batch of at most 16,384 would take over a second.
        let error = #expect(throws: PyError.self) {
            _ = try batches.run(1_000_000, verb: "encode") { range -> [Int] in
                calls.append(String(range.count))
                Thread.sleep(forTimeInterval: 0.02)
                return Array(range)
            }
        }
        #expect(error?.kind == .timeout)
        let done = calls.text.compactMap { Int($0) }.reduce(0, +)
        #expect(done > 0 && done < 1_000_000)
    }
}
