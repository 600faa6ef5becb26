// The `math` module: constants, and the float functions with CPython's error rules (math_1): a NaN from a non-NaN
// argument is "math domain error" (ValueError), an infinity from a finite argument is "math range error"
// (OverflowError) for functions that can overflow and a domain error for the others.

import BigInt
import Foundation

enum MathModule {
    static func module() -> PyModule {
        var members: [String: Value] = [
            "pi": .float(Double.pi), "e": .float(M_E), "tau": .float(2 * Double.pi),
            "inf": .float(.infinity), "nan": .float(.nan),
        ]
        // name: (function, can it overflow)
        let unary: [String: ((Double) -> Double, Bool)] = [
            "sqrt": (Foundation.sqrt, false), "exp": (Foundation.exp, true), "exp2": (Foundation.exp2, true),
            "expm1": (Foundation.expm1, true), "log1p": (Foundation.log1p, false), "fabs": (Swift.abs, false),
            "sin": (Foundation.sin, false), "cos": (Foundation.cos, false), "tan": (Foundation.tan, false),
            "asin": (Foundation.asin, false), "acos": (Foundation.acos, false), "atan": (Foundation.atan, false),
            "sinh": (Foundation.sinh, true), "cosh": (Foundation.cosh, true), "tanh": (Foundation.tanh, false),
            "asinh": (Foundation.asinh, false), "acosh": (Foundation.acosh, false), "atanh": (Foundation.atanh, false),
            "erf": (Foundation.erf, false), "erfc": (Foundation.erfc, false), "cbrt": (Foundation.cbrt, false),
        ]
        for (name, (f, canOverflow)) in unary {
            members[name] = BuiltinFunction.value(name) { a, c in
                let x = try real(Check.exactlyOne("math.\(name)", a), c)
                return .float(try checked(f(x), x, canOverflow: canOverflow))
            }
        }
        for (name, f) in [("log2", Foundation.log2), ("log10", Foundation.log10)] as [(String, (Double) -> Double)] {
            members[name] = BuiltinFunction.value(name) { a, c in .float(try logarithm(Check.exactlyOne("math.\(name)", a), f, c)) }
        }
        members["log"] = BuiltinFunction.value("log") { a, c in
            try Check.noKeywords("log", a)
            guard (1...2).contains(a.positional.count) else { throw PyError.type("math.log requires 1 to 2 arguments") }
            let x = try logarithm(a.positional[0], Foundation.log, c)
            guard a.positional.count == 2 else { return .float(x) }
            let base = try logarithm(a.positional[1], Foundation.log, c)
            guard base != 0 else { throw PyError.zeroDivision("float division by zero") }
            return .float(x / base)
        }
        // Plain products: no domain or range errors (degrees(1e308) is inf).
        for (name, factor) in [("degrees", 180.0 / Double.pi), ("radians", Double.pi / 180.0)] {
            members[name] = BuiltinFunction.value(name) { a, c in .float(try real(Check.exactlyOne("math.\(name)", a), c) * factor) }
        }
        for (name, test) in [("isnan", { (d: Double) in d.isNaN }), ("isinf", { $0.isInfinite }), ("isfinite", { $0.isFinite })] {
            members[name] = BuiltinFunction.value(name) { a, c in .bool(test(try real(Check.exactlyOne("math.\(name)", a), c))) }
        }
        members.merge(MathFunctions.functions()) { a, _ in a }
        members.merge(MathIntegers.functions()) { a, _ in a }
        return PyModule("math", members)
    }

    /// A float argument: float, int, bool, or a number-like object's scalar; "must be real number, not str".
    static func real(_ x: Value, _ context: any Context) throws -> Double {
        switch x {
        case .float(let d): return d
        case .int(let i): return Double(i)
        case .bool(let b): return b ? 1 : 0
        case .bigInt(let b): return try IntegerMath.toDouble(b)
        case .object(let o as any PyNumeric):
            if let s = try o.scalar(context), Arithmetic.number(s) != nil { return try real(s, context) }
        default: break
        }
        throw PyError.type("must be real number, not \(x.typeName)")
    }

    /// CPython's math_1 error rules on a result `r` of argument `x`.
    static func checked(_ r: Double, _ x: Double, canOverflow: Bool) throws -> Double {
        if r.isNaN && !x.isNaN { throw PyError.value("math domain error") }
        if r.isInfinite && x.isFinite {
            if canOverflow { throw PyError.overflow("math range error") }
            throw PyError.value("math domain error")
        }
        return r
    }

    /// log, log2, log10 of a positive number; ints too large for a float are split into mantissa and exponent
    /// (log(m * 2**e) = log(m) + e * log(2)) as CPython does.
    static func logarithm(_ x: Value, _ f: (Double) -> Double, _ context: any Context) throws -> Double {
        if case .bigInt(let b) = x {
            guard b.sign == .plus && !b.isZero else { throw PyError.value("math domain error") }
            if let d = try? IntegerMath.toDouble(b) { return f(d) }
            let (m, e) = IntegerMath.frexp(b.magnitude)
            return f(m) + f(2.0) * Double(e)
        }
        let d = try real(x, context)
        guard d > 0 || d.isNaN else { throw PyError.value("math domain error") }
        return try checked(f(d), d, canOverflow: false)
    }
}
