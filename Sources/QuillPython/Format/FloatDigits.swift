// The decimal digits of a double, as CPython's dtoa hands them to its layout code: a string of significant
// digits without trailing zeros and the position of the decimal point (value = 0.DIGITS × 10^decimalPoint).
// Three modes, as in CPython: the shortest digits that read back to the same double (repr), the first N
// significant digits correctly rounded ('e' and 'g'), and the digits up to N places after the point ('f').

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct FloatDigits {
    /// ASCII digits, no leading or trailing zeros; "0" for a value that is (or rounds to) zero.
    var digits: [UInt8]
    /// Where the decimal point goes: 1.5 is digits "15", decimalPoint 1; 0.001 is "1", -2.
    var decimalPoint: Int

    static let zero = FloatDigits(digits: [UInt8(ascii: "0")], decimalPoint: 1)

    /// The shortest digits that round-trip, as CPython's repr uses them (dtoa mode 0). `x` must be finite.
    /// Swift's `description` picks the same digits (shortest, and the closest of the shortest); only its layout
    /// differs, so the digits are read back out of it.
    static func shortest(_ x: Double) -> FloatDigits {
        parse(x.magnitude.description.utf8)
    }

    /// The same for a float32 (numpy's Dragon4 in unique mode).
    static func shortest(_ x: Float) -> FloatDigits {
        parse(x.magnitude.description.utf8)
    }

    /// `count` (≥ 1) significant digits, correctly rounded half to even from the exact binary value (dtoa mode 2).
    static func significant(_ x: Double, _ count: Int) -> FloatDigits {
        parse(printf(x.magnitude, "%.\(max(count, 1) - 1)e", capacity: count + 16))
    }

    /// The digits up to `places` after the point, correctly rounded (dtoa mode 3).
    static func fixed(_ x: Double, _ places: Int) -> FloatDigits {
        parse(printf(x.magnitude, "%.\(places)f", capacity: places + 330))
    }

    /// glibc's printf converts exactly (multi-precision) and rounds half to even, as dtoa does.
    private static func printf(_ x: Double, _ format: String, capacity: Int) -> [UInt8] {
        var buffer = [CChar](repeating: 0, count: capacity)
        let written = withVaList([x]) { args in
            buffer.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress, capacity, format, args) }
        }
        return buffer.prefix(Int(max(0, min(written, Int32(capacity - 1))))).map { UInt8(bitPattern: $0) }
    }

    /// Reads `[digits][.digits][e±exp]` (a non-negative finite number) into digits and a decimal point.
    private static func parse<S: Sequence>(_ text: S) -> FloatDigits where S.Element == UInt8 {
        var all: [UInt8] = []
        var integerDigits = 0
        var seenPoint = false
        var exponent = 0
        var exponentSign = 1
        var inExponent = false
        for c in text {
            if inExponent {
                if c == UInt8(ascii: "-") { exponentSign = -1 } else if c >= 48 && c <= 57 { exponent = exponent * 10 + Int(c - 48) }
            } else if c == UInt8(ascii: ".") {
                seenPoint = true
            } else if c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
                inExponent = true
            } else if c >= 48 && c <= 57 {
                all.append(c)
                if !seenPoint { integerDigits += 1 }
            }
        }
        guard let first = all.firstIndex(where: { $0 != UInt8(ascii: "0") }) else { return .zero }
        let last = all.lastIndex(where: { $0 != UInt8(ascii: "0") }) ?? first
        return FloatDigits(digits: Array(all[first...last]), decimalPoint: integerDigits - first + exponentSign * exponent)
    }
}
