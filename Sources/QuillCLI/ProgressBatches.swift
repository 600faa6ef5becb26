// A notebook's long encode or predict in batches: between them the running cell's deadline is checked (so that
// `#| timeout` or --timeout stops a 10,000-sentence encode within about a second, not when it ends) and the progress
// line is updated. A sentence's embedding does not depend on its batch (see BiEncoderTests), so the batches change
// no number.

import Foundation
import QuillNotebook

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
