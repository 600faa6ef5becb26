// Axis ticks for figures: "nice" steps (1, 2 or 5 times a power of ten) and tick labels with just enough decimals
// for the step, formatted without locale.

import Foundation

enum Axis {
    /// The nice step nearest above `rough` (> 0); 1 for a zero or non-finite span.
    static func step(_ rough: Double) -> Double {
        guard rough > 0, rough.isFinite else { return 1 }
        let power = pow(10, (log10(rough)).rounded(.down))
        let m = rough / power
        return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * power
    }

    /// Tick values covering [low, high] (the first <= low, the last >= high), about `count` of them, on multiples
    /// of a nice step.
    static func ticks(_ low: Double, _ high: Double, count: Int = 5) -> (values: [Double], step: Double) {
        let span = high > low ? high - low : max(abs(high), 1)
        let s = step(span / Double(max(count - 1, 1)))
        let first = (low / s + 1e-9).rounded(.down), last = (high / s - 1e-9).rounded(.up)
        let count = Int(min(max(last - first, 1), 50))
        return ((0...count).map { (first + Double($0)) * s }, s)
    }

    /// `value` with as many decimals as `step` needs (0 to 6), "-0" written "0".
    static func label(_ value: Double, step: Double) -> String {
        let decimals = step >= 1 ? 0 : min(6, Int((-log10(step)).rounded(.up)))
        let s = String(format: "%.\(decimals)f", value + 0.0)
        return Double(s) == 0 ? String(format: "%.\(decimals)f", 0.0) : s
    }
}

extension Axis {
    /// The ticks of `ticks(low, high)` that lie within [low, high] (for a colour scale that spans exactly the data).
    static func inner(_ low: Double, _ high: Double) -> (values: [Double], step: Double) {
        let (values, step) = ticks(low, high)
        let slack = step * 1e-9
        return (values.filter { $0 >= low - slack && $0 <= high + slack }, step)
    }
}
