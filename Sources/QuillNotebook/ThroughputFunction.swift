// `throughput(model, inputs, repeat=3)`: how fast a model runs on the given inputs, for comparing a bi-encoder with
// a cross-encoder. A SentenceTransformer encodes the sentences (both sentences of each pair, so that both kinds
// can be timed on the same pairs); a CrossEncoder predicts the pairs. One string or one tuple counts as one input.
// The result reports the fastest of `repeat` runs, as timeit advises (slower runs measure other work on the
// machine). Timings are volatile: mark such cells `#| check: false`. The cell's deadline is checked between runs.

import Foundation
import QuillPython

enum ThroughputFunction {
    static let signature = Signature("throughput", ["model", "inputs", "repeat"], required: 2)
    /// The most runs one call may ask for.
    static let repeatLimit = 1000

    static func measure(_ arguments: Arguments, _ context: any Context,
                        clock: () -> ContinuousClock.Instant) throws -> Value {
        let slots = try signature.bind(arguments)
        guard let model = slots[0], let given = slots[1] else { throw PyError.type("throughput() missing arguments") }
        let repeatValue = slots[2] ?? .int(3)
        guard case .int(let repeats) = repeatValue, (1...repeatLimit).contains(repeats) else {
            throw PyError.value("throughput: repeat must be an int from 1 to \(repeatLimit), got \(try context.repr(repeatValue))")
        }
        let kind = model.typeName
        guard kind == "SentenceTransformer" || kind == "CrossEncoder" else {
            throw PyError.type("throughput() needs a SentenceTransformer or a CrossEncoder, not \(kind)")
        }
        let inputs: [Value]
        switch given {
        case .str, .tuple: inputs = [given]
        default: inputs = try context.iterate(given)
        }
        guard let first = inputs.first else { throw PyError.value("throughput: nothing to measure (no inputs)") }
        let pairs: Bool
        switch first {
        case .tuple, .list: pairs = true
        default: pairs = false
        }
        let work: Value, argument: Value
        if kind == "CrossEncoder" {
            work = try context.attribute(model, "predict")
            argument = .list(PyList(inputs))
        } else {
            work = try context.attribute(model, "encode")
            argument = .list(PyList(pairs ? try inputs.flatMap { try context.iterate($0) } : inputs))
        }
        var fastest = Duration.seconds(Int64.max)
        // The engine itself is timed: a cache in front of it (the CLI's) is bypassed.
        try HostCalls.$bypassCache.withValue(true) {
            for _ in 0..<repeats {
                try context.checkDeadline()
                let start = clock()
                _ = try context.call(work, Arguments([argument]))
                fastest = min(fastest, clock() - start)
            }
        }
        let seconds = Double(fastest.components.seconds) + Double(fastest.components.attoseconds) * 1e-18
        return .object(ThroughputResult(items: inputs.count, unit: pairs ? "pairs" : "sentences", repeats: repeats,
                                        seconds: seconds))
    }
}

/// What `throughput` returns: `items` (inputs per run), `unit` ("sentences" or "pairs"), `repeat`, `seconds` (the
/// fastest run's wall time) and `per_second` (items / seconds).
final class ThroughputResult: PyAttributes, PyRepresentable {
    let items: Int
    let unit: String
    let repeats: Int
    let seconds: Double

    init(items: Int, unit: String, repeats: Int, seconds: Double) {
        self.items = items
        self.unit = unit
        self.repeats = repeats
        self.seconds = seconds
    }

    var perSecond: Double { seconds > 0 ? Double(items) / seconds : .infinity }
    var typeName: String { "Throughput" }
    var attributeNames: [String] { ["items", "unit", "repeat", "seconds", "per_second"] }

    func attribute(_ name: String, _ context: any Context) throws -> Value? {
        switch name {
        case "items": return .int(items)
        case "unit": return .str(unit)
        case "repeat": return .int(repeats)
        case "seconds": return .float(seconds)
        case "per_second": return .float(perSecond)
        default: return nil
        }
    }

    func repr(_ context: any Context) throws -> String {
        "Throughput(items=\(items), unit=\(try context.repr(.str(unit))), repeat=\(repeats), "
            + "seconds=\(try context.repr(.float(seconds))), per_second=\(try context.repr(.float(perSecond))))"
    }
}
