// `--timings` for the engine commands: load and compute seconds as one JSON line on stderr.
import ArgumentParser
import Foundation

/// `--timings`: where a command's time went, for benchmarks that compare Quill with peers timed in-process.
struct TimingOptions: ParsableArguments {
    @Flag(name: .long, help: """
        Print one JSON line to stderr: {"load_seconds", "seconds", "n"}: loading the model, then the work itself \
        (reading input excluded; tokenization, encoder and pooling included; writing output excluded; summed \
        over the batches a streaming worker computes).
        """)
    var timings = false
}

/// Splits a command's run into its load and compute phases.
struct PhaseClock {
    private let clock = ContinuousClock()
    private var mark: ContinuousClock.Instant
    private(set) var load: Duration = .zero
    private(set) var compute: Duration = .zero

    init() { mark = clock.now }

    /// Ends the load phase (the model is in memory).
    mutating func loaded() {
        load = clock.now - mark
    }

    /// Starts a compute phase (a batch read and parsed).
    mutating func start() { mark = clock.now }

    /// Ends a compute phase; the phases add up.
    mutating func computed() { compute += clock.now - mark }

    /// Writes the JSON line when `options.timings` asks for it.
    func report(_ options: TimingOptions, n: Int) throws {
        guard options.timings else { return }
        func seconds(_ d: Duration) -> String {
            let c = d.components
            return String(format: "%.6f", Double(c.seconds) + Double(c.attoseconds) * 1e-18)
        }
        let line = "{\"load_seconds\": \(seconds(load)), \"seconds\": \(seconds(compute)), \"n\": \(n)}\n"
        try Console.err(line)
    }
}
