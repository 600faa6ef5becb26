// repr() and str() of a Python float, and str() of a numpy float32 scalar.
//
// Python: the shortest digits that read back to the same double, positional for 1e-4 <= |x| < 1e16
// ("0.0001", "123456789012345.0", "2.0") and exponential otherwise ("1e-05", "1e+16", "1.5e+300").
// numpy float32: the shortest digits that read back to the same float32, positional for 1e-4 <= |x| < 1e6
// ("0.1", "100.0", "999999.94") and exponential otherwise, without a trailing ".0" ("1e+06", "1.2345679e+08").

enum FloatRepr {
    static func repr(_ x: Double) -> String {
        FloatText(addDotZero: true).format(x, "r", 0)
    }

    /// `str(np.float32(x))`.
    static func reprFloat32(_ x: Float) -> String {
        if x.isNaN { return "nan" }
        let sign = x.sign == .minus ? "-" : ""
        if x.isInfinite { return sign + "inf" }
        let number = FloatDigits.shortest(x)
        let digits = String(decoding: number.digits, as: UTF8.self)
        let magnitude = Double(x.magnitude)
        if magnitude == 0 || (magnitude >= 1e-4 && magnitude < 1e6) {
            return sign + positional(digits, number.decimalPoint)
        }
        let exponent = number.decimalPoint - 1
        let mantissa = digits.count == 1 ? digits : String(digits.prefix(1)) + "." + String(digits.dropFirst())
        let exponentDigits = String(exponent.magnitude)
        return sign + mantissa + (exponent < 0 ? "e-" : "e+") + (exponentDigits.count < 2 ? "0" : "") + exponentDigits
    }

    /// Digits placed around the point with at least one digit on each side: "100.0", "0.001", "12.5".
    private static func positional(_ digits: String, _ point: Int) -> String {
        if point <= 0 { return "0." + String(repeating: "0", count: -point) + digits }
        if point >= digits.count { return digits + String(repeating: "0", count: point - digits.count) + ".0" }
        return String(digits.prefix(point)) + "." + String(digits.dropFirst(point))
    }
}
