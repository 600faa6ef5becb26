// Float arithmetic with Python's rules: floor division and modulo that follow the divisor's sign, `**` with
// CPython's errors, and the conversion of ints to float.

import BigInt
import Foundation

enum FloatMath {
    /// `(x // y, x % y)` as CPython's float divmod computes them; nil when y is zero.
    static func divmod(_ x: Double, _ y: Double) -> (Double, Double)? {
        guard y != 0 else { return nil }
        var mod = fmod(x, y)
        var div = (x - mod) / y
        if mod != 0 {
            if (y < 0) != (mod < 0) {
                mod += y
                div -= 1
            }
        } else {
            mod = copysign(0, y)
        }
        var floorDiv: Double
        if div != 0 {
            floorDiv = div.rounded(.down)
            if div - floorDiv > 0.5 { floorDiv += 1 }
        } else {
            floorDiv = copysign(0, x / y)
        }
        return (floorDiv, mod)
    }

    /// `x ** y` for floats: ZeroDivisionError for 0.0 to a negative power, OverflowError when a finite base and
    /// exponent give an infinite result; a negative base to a fractional power would be complex (unsupported).
    static func power(_ x: Double, _ y: Double) throws -> Double {
        if y == 0 || x == 1 { return 1 }
        if x.isNaN || y.isNaN { return .nan }
        if x == 0 && y < 0 && y.isFinite {
            throw PyError.zeroDivision("0.0 cannot be raised to a negative power")
        }
        if x < 0 && x.isFinite && y.isFinite && y != y.rounded() {
            throw PyError.unsupported("complex numbers are not supported in Quill cells (a negative number to a fractional power)")
        }
        let result = pow(x, y)
        if result.isInfinite && x.isFinite && y.isFinite {
            throw PyError.overflow("(34, 'Numerical result out of range')")
        }
        return result
    }

    /// An int or float operand as a Double (for mixed arithmetic); nil for other values.
    static func double(_ v: Value) throws -> Double? {
        switch v {
        case .float(let d): return d
        case .int(let i): return Double(i)
        case .bool(let b): return b ? 1 : 0
        case .bigInt(let b): return try IntegerMath.toDouble(b)
        default: return nil
        }
    }

    /// An int operand (bool included) as a BigInt; nil for other values.
    static func bigInt(_ v: Value) -> BigInt? {
        switch v {
        case .int(let i): return BigInt(i)
        case .bool(let b): return b ? 1 : 0
        case .bigInt(let b): return b
        default: return nil
        }
    }
}
