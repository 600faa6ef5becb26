// throughput(model, inputs, repeat=3): the record it returns, what it runs, the fastest-run rule, its errors and
// the cell deadline between runs. Hash engine and small counting fakes: only the bookkeeping is tested, not speed.

import CommonMark
import Foundation
import Testing
@testable import Notebook

@Suite struct ThroughputTests {
    static let setup = """
        bi = bi_encoder("bi")
        ce = cross_encoder("ce")
        sentences = ["The cat sits outside", "A man is playing guitar", "The new movie is awesome"]
        pairs = zip(sentences, ["The dog plays in the garden", "A woman watches TV", "The new movie is so great"])

        """

    static func run(_ body: String, counting log: CallLog? = nil) -> NotebookRun {
        let text = "```quill\n" + setup + body + "\n```\n"
        return (log.map { runNotebook(text, engine: CountingEngine(log: $0)) } ?? runNotebook(text)).run
    }

    @Test func recordFields() throws {
        let run = Self.run("""
            s = throughput(bi, sentences)
            print(s.items, s.unit, s.repeat)
            print(len(s))
            """)
        #expect(run.diagnostics.isEmpty, "\(run.diagnostics)")
        #expect(run.results[0].output == "3 sentences 3\n5\n")
    }

    @Test func perSecondIsItemsOverSeconds() throws {
        let run = Self.run("s = throughput(ce, pairs, repeat=2)\nprint(s)")
        #expect(run.diagnostics.isEmpty, "\(run.diagnostics)")
        let fields = run.results[0].output
        #expect(fields.hasPrefix("{items: 3, unit: 'pairs', repeat: 2, seconds: "))
        // Parse seconds and per_second back from the record's repr.
        func number(_ key: String) -> Double? {
            guard let r = fields.range(of: key + ": ") else { return nil }
            return Double(fields[r.upperBound...].prefix { "0123456789.e-+".contains($0) })
        }
        let seconds = try #require(number("seconds")), perSecond = try #require(number("per_second"))
        #expect(seconds > 0)
        #expect(abs(perSecond * seconds - 3) < 1e-6)
    }

    /// A bi-encoder encodes the sentences once per run; given pairs, both sides of every pair in one call.
    /// A cross-encoder predicts the pairs once per run. A single sentence or pair counts as one item.
    @Test(arguments: [
        ("throughput(bi, sentences, repeat=4)", [3, 3, 3, 3], "3 sentences"),
        ("throughput(bi, pairs, repeat=2)", [6, 6], "3 pairs"),
        ("throughput(ce, pairs)", [3, 3, 3], "3 pairs"),
        ("throughput(bi, \"one sentence\", repeat=1)", [1], "1 sentences"),
        ("throughput(ce, (\"a\", \"b\"), repeat=1)", [1], "1 pairs"),
        ("throughput(bi, (\"a\", \"b\"), repeat=1)", [2], "1 pairs"),
    ])
    func runsTheModelRepeatTimes(_ call: String, _ calls: [Int], _ shown: String) {
        let log = CallLog()
        let run = Self.run("s = \(call)\nprint(s.items, s.unit)", counting: log)
        #expect(run.diagnostics.isEmpty, "\(run.diagnostics)")
        #expect(log.calls == calls)
        #expect(run.results[0].output == shown + "\n")
    }

    /// `seconds` is the fastest run, not the first, last or mean (a fake clock makes the runs 3 s, 1 s and 2 s).
    @Test func reportsTheFastestRun() throws {
        final class FakeClock {
            let base = ContinuousClock.now
            var readings: [Duration] = [.seconds(0), .seconds(3), .seconds(3), .seconds(4), .seconds(4), .seconds(6)]
            func now() -> ContinuousClock.Instant { base + readings.removeFirst() }
        }
        let clock = FakeClock()
        let range = SourceRange(line: 1, column: 1)
        let model = Value.model(.biEncoder(name: "m", model: HashEngine.Model(name: "m", dimension: 4, seed: 1)))
        let args = CallArguments([(nil, model, range), (nil, .list([.string("a"), .string("b")]), range)],
                                 callRange: range, function: "throughput")
        let interpreter = Interpreter(host: HashEngine(), cache: ModelCache(), notebookDirectory: URL(fileURLWithPath: "/tmp"))
        let value = try Throughput.measure(args, interpreter, clock: clock.now)
        guard case .record(let fields) = value else { Issue.record("not a record: \(value.repr)"); return }
        #expect(Value.record(fields).repr == "{items: 2, unit: 'sentences', repeat: 3, seconds: 1.0, per_second: 2.0}")
        #expect(clock.readings.isEmpty)
    }

    @Test(arguments: [
        ("throughput(bi, sentences, repeat=0)",
         "example.md:6:27: error: throughput: repeat must be between 1 and 1000, got 0"),
        ("throughput(bi, sentences, repeat=1001)",
         "example.md:6:27: error: throughput: repeat must be between 1 and 1000, got 1001"),
        ("throughput(bi, sentences, repeat=-1)",
         "example.md:6:27: error: throughput: repeat must not be negative, got -1"),
        ("throughput(bi, sentences, repeats=3)",
         "example.md:6:27: error: throughput has no option 'repeats'\n  hint: did you mean 'repeat'?"),
        ("throughput(bi)",
         "example.md:6:1: error: throughput takes 2 arguments, got 1\n  hint: usage: throughput(model, sentences_or_pairs, repeat=3)"),
        ("throughput(\"bi\", sentences)",
         "example.md:6:12: error: throughput: expected a bi-encoder or a cross-encoder, got a string\n  hint: load one with bi_encoder(\"name\") or cross_encoder(\"name\")"),
        ("throughput(bi, [])",
         "example.md:6:16: error: throughput: nothing to measure (no inputs)\n  hint: pass the sentences (bi-encoder) or pairs (cross-encoder) to time"),
        ("throughput(ce, sentences)",
         "example.md:6:16: error: throughput: expected a list of (string, string) pairs, got a string\n  hint: zip(list1, list2) makes pairs"),
        ("throughput(bi, 42)",
         "example.md:6:16: error: throughput: expected sentences or (sentence, sentence) pairs for a bi-encoder, got an integer"),
    ])
    func errorsPointAtTheArgument(_ call: String, _ expected: String) {
        #expect(Self.run(call).diagnostics.first?.description == expected)
    }

    /// The cell's deadline is checked between runs: a slow model with many runs stops at the time limit.
    @Test func deadlineBetweenRuns() {
        let log = CallLog()
        let text = "```quill\n#| timeout: 0.05\nbi = bi_encoder(\"bi\")\ns = throughput(bi, [\"a\"], repeat=1000)\n```\n"
        let run = runNotebook(text, engine: CountingEngine(log: log, delay: .milliseconds(20))).run
        guard case .failed(let d) = run.results[0].status else { Issue.record("no timeout"); return }
        #expect(d.message == "cell timed out after 0.05 s")
        #expect(log.calls.count < 20)
    }
}
