// throughput(model, inputs, repeat=3): the result it returns, what it runs, the fastest-run rule, its errors and
// the cell deadline between runs. The models are stand-ins for SentenceTransformer and CrossEncoder objects that
// count their inputs: only the bookkeeping is tested, not speed. Messages are those of the reference
// (scripts/reference/run_notebook.py's throughput, run by CPython).

import Foundation
import QuillPython
import Testing
@testable import QuillNotebook

/// A stand-in for a loaded model: a SentenceTransformer whose `encode`, or a CrossEncoder whose `predict`, records
/// how many inputs each call had (and sleeps `delay` seconds).
final class FakeModelObject: PyAttributes {
    let typeName: String
    let log: CallLog
    let delay: Double

    init(_ typeName: String, log: CallLog, delay: Double = 0) {
        self.typeName = typeName
        self.log = log
        self.delay = delay
    }

    var method: String { typeName == "CrossEncoder" ? "predict" : "encode" }
    var attributeNames: [String] { [method] }

    func attribute(_ name: String, _ context: any Context) throws -> Value? {
        guard name == method else { return nil }
        return .object(BuiltinFunction(name) { [log, delay] arguments, context in
            guard let inputs = arguments.positional.first else { throw PyError.type("no inputs") }
            log.record(try context.iterate(inputs).count)
            if delay > 0 { Thread.sleep(forTimeInterval: delay) }
            return .none
        })
    }
}

@Suite struct ThroughputTests {
    static let setup = """
        sentences = ["The cat sits outside", "A man is playing guitar", "The new movie is awesome"]
        pairs = list(zip(sentences, ["The dog plays in the garden", "A woman watches TV", "The new movie is so great"]))

        """

    /// Runs `body` after the setup with `bi` and `ce` bound to counting stand-ins.
    static func run(_ body: String, log: CallLog = CallLog(), delay: Double = 0,
                    clock: @escaping () -> ContinuousClock.Instant = { ContinuousClock.now },
                    deadline: ContinuousClock.Instant? = nil) -> CellOutcome {
        let session = quillSession(clock: clock)
        session.define("bi", .object(FakeModelObject("SentenceTransformer", log: log, delay: delay)))
        session.define("ce", .object(FakeModelObject("CrossEncoder", log: log, delay: delay)))
        return session.run(setup + body, deadline: deadline)
    }

    @Test func resultAttributes() {
        let outcome = Self.run("""
            s = throughput(bi, sentences)
            print(s.items, s.unit, s.repeat)
            print(s.seconds > 0, abs(s.per_second * s.seconds - 3) < 1e-9)
            """)
        #expect(outcome.error == nil, "\(String(describing: outcome.error))")
        #expect(outcome.output == "3 sentences 3\nTrue True\n")
    }

    /// A SentenceTransformer encodes the sentences once per run; given pairs, both sides of every pair in one
    /// call. A CrossEncoder predicts the pairs once per run. A single string or tuple counts as one input.
    @Test(arguments: [
        ("throughput(bi, sentences, repeat=4)", [3, 3, 3, 3], "3 sentences"),
        ("throughput(bi, pairs, repeat=2)", [6, 6], "3 pairs"),
        ("throughput(ce, pairs)", [3, 3, 3], "3 pairs"),
        ("throughput(bi, \"one sentence\", repeat=1)", [1], "1 sentences"),
        ("throughput(ce, (\"a\", \"b\"), repeat=1)", [1], "1 pairs"),
        ("throughput(bi, (\"a\", \"b\"), repeat=1)", [2], "1 pairs"),
        ("throughput(model=ce, inputs=[[\"a\", \"b\"]], repeat=2)", [1, 1], "1 pairs"),
    ])
    func runsTheModelRepeatTimes(_ call: String, _ calls: [Int], _ shown: String) {
        let log = CallLog()
        let outcome = Self.run("s = \(call)\nprint(s.items, s.unit)", log: log)
        #expect(outcome.error == nil, "\(String(describing: outcome.error))")
        #expect(log.calls == calls)
        #expect(outcome.output == shown + "\n")
    }

    /// `seconds` is the fastest run, not the first, last or mean (a fake clock makes the runs 3 s, 1 s and 2 s).
    @Test func reportsTheFastestRun() {
        final class FakeClock: @unchecked Sendable {
            let base = ContinuousClock.now
            var readings: [Duration] = [.seconds(0), .seconds(3), .seconds(3), .seconds(4), .seconds(4), .seconds(6)]
            func now() -> ContinuousClock.Instant { base + (readings.isEmpty ? .zero : readings.removeFirst()) }
        }
        let clock = FakeClock()
        let outcome = Self.run("s = throughput(bi, [\"a\", \"b\"])\nprint(s)\nprint(repr(s))", clock: clock.now)
        let line = "Throughput(items=2, unit='sentences', repeat=3, seconds=1.0, per_second=2.0)\n"
        #expect(outcome.output == line + line)
        #expect(clock.readings.isEmpty)
    }

    @Test(arguments: [
        ("throughput(bi, sentences, repeat=0)", "ValueError: throughput: repeat must be an int from 1 to 1000, got 0"),
        ("throughput(bi, sentences, repeat=1001)", "ValueError: throughput: repeat must be an int from 1 to 1000, got 1001"),
        ("throughput(bi, sentences, repeat='3')", "ValueError: throughput: repeat must be an int from 1 to 1000, got '3'"),
        ("throughput(bi, sentences, repeats=3)", "TypeError: throughput() got an unexpected keyword argument 'repeats'"),
        ("throughput(bi)", "TypeError: throughput() missing 1 required positional argument: 'inputs'"),
        ("throughput('bi', sentences)", "TypeError: throughput() needs a SentenceTransformer or a CrossEncoder, not str"),
        ("throughput(bi, [])", "ValueError: throughput: nothing to measure (no inputs)"),
        ("throughput(bi, 42)", "TypeError: 'int' object is not iterable"),
    ])
    func errors(_ call: String, _ expected: String) {
        let outcome = Self.run(call)
        #expect(outcome.error?.description == expected)
        #expect(outcome.error?.loc?.line == 3)
    }

    /// The cell's deadline is checked between runs: a slow model with many runs stops at the time limit.
    @Test func deadlineBetweenRuns() {
        let log = CallLog()
        let outcome = Self.run("s = throughput(bi, [\"a\"], repeat=1000)", log: log, delay: 0.02,
                               deadline: ContinuousClock.now + .milliseconds(50))
        #expect(outcome.error?.kind == .timeout)
        #expect(log.calls.count < 20)
    }

    /// `throughput` is also `quill.throughput`, and an ordinary name a cell may rebind.
    @Test func quillModuleAndRebinding() {
        let outcome = Self.run("""
            import quill
            from quill import throughput as measure
            print(quill.throughput is throughput, measure is throughput)
            throughput = 3
            print(throughput, quill.throughput is measure)
            """)
        #expect(outcome.error == nil, "\(String(describing: outcome.error))")
        #expect(outcome.output == "True True\n3 True\n")
    }
}
