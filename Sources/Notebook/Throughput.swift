// throughput(model, inputs, repeat=3): how fast a model runs on the given inputs, for comparing a bi-encoder
// (encode sentences) with a cross-encoder (predict pairs). Timings are volatile: mark such cells `#| check: false`.

import CommonMark
import QuillPython

enum Throughput {
    static let usage = "throughput(model, sentences_or_pairs, repeat=3)"
    /// The most runs one call may ask for.
    static let repeatLimit = 1000

    /// Runs the model `repeat` times on `inputs` and returns a record: `items` (inputs per run), `unit`
    /// ("sentences" or "pairs"), `repeat`, `seconds` (the fastest run's wall time) and `per_second` (items / seconds).
    /// A bi-encoder encodes sentences, or both sentences of each pair (so that both models can be timed on the
    /// same pairs); a cross-encoder predicts pairs. The fastest run is reported, as timeit advises, since slower runs
    /// measure other work on the machine. The cell's deadline is checked between runs.
    static func measure(_ args: CallArguments, _ interpreter: Interpreter,
                        clock: () -> ContinuousClock.Instant = { ContinuousClock.now }) throws -> Value {
        try args.check(positional: 2...2, keywords: ["repeat"], usage: usage)
        let repeats = try args.int("repeat", default: 3)
        guard (1...repeatLimit).contains(repeats) else {
            let range = args.keyword("repeat")?.range ?? args.callRange
            throw Diagnostic("throughput: repeat must be between 1 and \(repeatLimit), got \(repeats)", at: range)
        }
        let (model, modelRange) = args.positional[0]
        let (inputs, inputRange) = args.positional[1]
        let run: () throws -> Void
        let items: Int
        let unit: String
        switch model {
        case .model(.biEncoder(_, let encoder)):
            // Sentences, or pairs: scoring a pair with a bi-encoder means encoding both of its sentences.
            let sentences: [String]
            switch inputs {
            case .string(let s):
                sentences = [s]
                items = 1
                unit = "sentences"
            case .list(let list) where list.contains(where: { if case .pair = $0 { return true } else { return false } }):
                let pairs = try Builtins.pairs(inputs, inputRange, args)
                sentences = pairs.map(\.0) + pairs.map(\.1)
                items = pairs.count
                unit = "pairs"
            case .pair:
                let pair = try Builtins.pairs(.list([inputs]), inputRange, args)[0]
                sentences = [pair.0, pair.1]
                items = 1
                unit = "pairs"
            default:
                sentences = try args.strings(inputs, at: inputRange, "sentences or (sentence, sentence) pairs for a bi-encoder")
                items = sentences.count
                unit = "sentences"
            }
            run = { _ = try Builtins.embed(encoder, sentences, normalize: false, args) }
        case .model(.crossEncoder(_, let crossEncoder)):
            let pairs: [(String, String)]
            if case .pair = inputs { pairs = try Builtins.pairs(.list([inputs]), inputRange, args) } else {
                pairs = try Builtins.pairs(inputs, inputRange, args)
            }
            items = pairs.count
            unit = "pairs"
            run = {
                let rows = try Builtins.engineCall(args) { try crossEncoder.predict(pairs, maxLength: crossEncoder.maxLength, softmax: false) }
                guard rows.count == pairs.count else {
                    throw Diagnostic("engine returned \(rows.count) scores for \(pairs.count) pairs", at: args.callRange)
                }
            }
        default:
            throw args.wrongType("a bi-encoder or a cross-encoder", model, at: modelRange,
                                 hint: "load one with bi_encoder(\"name\") or cross_encoder(\"name\")")
        }
        guard items > 0 else {
            throw Diagnostic("throughput: nothing to measure (no inputs)", at: inputRange,
                             hint: "pass the sentences (bi-encoder) or pairs (cross-encoder) to time")
        }
        var fastest = Duration.seconds(Int64.max)
        for _ in 0..<repeats {
            if let deadline = interpreter.deadline, ContinuousClock.now > deadline { throw CellTimeout() }
            let start = clock()
            try run()
            fastest = min(fastest, clock() - start)
        }
        let seconds = max(Double(fastest.components.seconds) + Double(fastest.components.attoseconds) * 1e-18, 1e-9)
        return .record([
            ("items", .int(items)),
            ("unit", .string(unit)),
            ("repeat", .int(repeats)),
            ("seconds", .float(seconds)),
            ("per_second", .float(Double(items) / seconds)),
        ])
    }
}
