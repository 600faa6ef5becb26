// The scales of figures: the sequential colour map of heatmaps (viridis) and axis ticks at "nice" steps (1, 2 or 5
// times a power of ten) with labels of just enough decimals for the step, formatted without locale.

import Foundation

/// The sequential colour map (viridis, nine stops), readable by people with colour-vision deficiencies.
enum Colour {
    static let stops = ["#440154", "#472d7b", "#3b528b", "#2c728e", "#21918c", "#28ae80", "#5ec962", "#addc30", "#fde725"]

    /// The colour at `t` in [0, 1], interpolated between stops.
    static func viridis(_ t: Double) -> String {
        let x = min(max(t, 0), 1) * Double(stops.count - 1)
        let k = min(Int(x), stops.count - 2)
        let a = rgb(stops[k]), b = rgb(stops[k + 1]), f = x - Double(k)
        let mixed = (0..<3).map { Int((Double(a[$0]) + (Double(b[$0]) - Double(a[$0])) * f).rounded()) }
        return "#" + mixed.map { String(format: "%02x", $0) }.joined()
    }

    /// Dark colours (the lower half of the map) take white text.
    static func isDark(_ t: Double) -> Bool { t < 0.55 }

    static func rgb(_ hex: String) -> [Int] {
        let digits = Array(hex.dropFirst())
        return (0..<3).map { Int(String(digits[2 * $0..<2 * $0 + 2]), radix: 16) ?? 0 }
    }
}

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
