// How numpy (2.x, default print options) writes each element of an array: one format for the whole array,
// chosen from the elements that will be shown (numpy's FloatingFormat, IntegerFormat and BoolFormat in
// numpy/_core/arrayprint.py), so that every element gets the same width.

enum NumpyElementFormat {
    /// Floats: positional with at most 8 digits after the point, or scientific; padded to a common width.
    case float(NumpyFloatFormat)
    /// Integers right-aligned to the widest of the largest and the smallest.
    case integer(width: Int)
    /// " True" / "False" (no padding in a 0-d array).
    case bool(zeroDimensional: Bool)

    /// The format for `values` (the shown elements, in the array's dtype).
    init(_ values: [Double], dtype: PyArray.DType, zeroDimensional: Bool) {
        switch dtype {
        case .float32, .float64:
            self = .float(NumpyFloatFormat(values, float32: dtype == .float32))
        case .int64, .int32:
            guard let high = values.max(), let low = values.min() else { self = .integer(width: 0); return }
            self = .integer(width: max(PyArray.integerText(high).utf8.count, PyArray.integerText(low).utf8.count))
        case .bool:
            self = .bool(zeroDimensional: zeroDimensional)
        }
    }

    func callAsFunction(_ x: Double) -> String {
        switch self {
        case .float(let format): return format(x)
        case .integer(let width): return NumpyElementFormat.padded(PyArray.integerText(x), width)
        case .bool(let zeroDimensional): return x != 0 ? (zeroDimensional ? "True" : " True") : "False"
        }
    }

    static func padded(_ text: String, _ width: Int) -> String {
        let count = text.utf8.count
        return count >= width ? text : String(repeating: " ", count: width - count) + text
    }
}

/// numpy's FloatingFormat with precision 8, floatmode 'maxprec', suppress_small False and sign '-'.
struct NumpyFloatFormat {
    let float32: Bool
    private(set) var scientific = false
    private var precision = 8
    private var minDigits = -1
    private var trim = Dragon4Text.Trim.keepPoint
    private var padLeft = 0
    private var padRight = 0
    private var exponentSize = -1
    /// Positional mode: each value's text from the measuring pass, split at the point. Formatting with the final
    /// precision gives the same digits (only the padding differs), so the second Dragon4 run is skipped.
    private var measured: [UInt64: (whole: Substring, fraction: Substring)] = [:]

    init(_ values: [Double], float32: Bool) {
        self.float32 = float32
        let finite = values.filter { $0.isFinite }
        let magnitudes = finite.filter { $0 != 0 }.map { abs($0) }
        if let high = magnitudes.max(), let low = magnitudes.min() {
            // numpy compares in the array's dtype: for float32, 1e-4 is float32(1e-4) and the ratio is rounded.
            if float32 {
                let (h, l) = (Float(high), Float(low))
                scientific = h >= 1e6 || l < Float(0.0001) || h / l > 1000
            } else {
                scientific = high >= 1e8 || low < 0.0001 || high / low > 1000
            }
        }
        if finite.isEmpty {
            // Only NaN and infinities: nothing to measure.
        } else if scientific {
            var exponentWidth = 0, fractionWidth = 0
            for x in finite {
                let text = Dragon4Text.scientific(value(x), precision: 8, trim: .keepPoint)
                let (mantissa, exponent) = NumpyFloatFormat.split(text[...], at: "e")
                let (whole, fraction) = NumpyFloatFormat.split(mantissa, at: ".")
                exponentWidth = max(exponentWidth, exponent.utf8.count)
                fractionWidth = max(fractionWidth, fraction.utf8.count)
                padLeft = max(padLeft, whole.utf8.count)
            }
            exponentSize = exponentWidth - 1
            precision = fractionWidth
            trim = .keep
            minDigits = precision
            padRight = exponentSize + 2 + precision
        } else {
            for x in finite {
                let text = Dragon4Text.positional(value(x), precision: 8, trim: .keepPoint)
                let (whole, fraction) = NumpyFloatFormat.split(text[...], at: ".")
                padLeft = max(padLeft, whole.utf8.count)
                padRight = max(padRight, fraction.utf8.count)
                measured[x.bitPattern] = (whole, fraction)
            }
            minDigits = 0
        }
        if finite.count != values.count {
            // Room for "nan", "inf" and "-inf" in the same width.
            let negativeInfinity = values.contains { $0.isInfinite && $0 < 0 }
            let offset = padRight + 1
            padLeft = max(padLeft, 3 - offset, 3 + (negativeInfinity ? 1 : 0) - offset)
        }
    }

    private func value(_ x: Double) -> FloatValue { float32 ? .float32(Float(x)) : .float64(x) }

    /// Splits at the first `separator`; the second part is empty when there is none.
    private static func split(_ text: Substring, at separator: Character) -> (Substring, Substring) {
        guard let i = text.firstIndex(of: separator) else { return (text[...], "") }
        return (text[..<i], text[text.index(after: i)...])
    }

    func callAsFunction(_ x: Double) -> String {
        if !x.isFinite {
            let text = x.isNaN ? "nan" : (x < 0 ? "-inf" : "inf")
            return NumpyElementFormat.padded(text, padLeft + padRight + 1)
        }
        if scientific {
            return Dragon4Text.scientific(value(x), precision: precision, minDigits: minDigits, trim: trim,
                                        padLeft: padLeft, exponentDigits: exponentSize)
        }
        if let (whole, fraction) = measured[x.bitPattern] {
            return String(repeating: " ", count: max(0, padLeft - whole.utf8.count)) + whole + "." + fraction
                + String(repeating: " ", count: max(0, padRight - fraction.utf8.count))
        }
        return Dragon4Text.positional(value(x), precision: precision, minDigits: minDigits, trim: trim,
                                    padLeft: padLeft, padRight: padRight)
    }
}
