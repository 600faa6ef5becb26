// math functions of several arguments or with results other than one float: floor, ceil, trunc, isclose, fsum,
// hypot, dist, pow, atan2, copysign, fmod, remainder, modf, frexp, ldexp, nextafter, ulp.

import Foundation

enum MathFunctions {
    static func functions() -> [String: Value] {
        var table: [String: Value] = [
            "floor": BuiltinFunction.value("floor") { a, c in try rounded(Check.exactlyOne("math.floor", a), .down, c) },
            "ceil": BuiltinFunction.value("ceil") { a, c in try rounded(Check.exactlyOne("math.ceil", a), .up, c) },
            "trunc": BuiltinFunction.value("trunc") { a, c in
                let x = try Check.exactlyOne("math.trunc", a)
                guard Arithmetic.number(x) != nil else { throw PyError.type("type \(x.typeName) doesn't define __trunc__ method") }
                return try rounded(x, .towardZero, c)
            },
            "isclose": BuiltinFunction.value("isclose", isclose),
            "fsum": BuiltinFunction.value("fsum") { a, c in
                .float(try fsum(c.iterate(Check.exactlyOne("math.fsum", a)).map { try MathModule.real($0, c) }))
            },
            "hypot": BuiltinFunction.value("hypot") { a, c in
                try Check.noKeywords("hypot", a)
                return .float(hypot(try a.positional.map { try MathModule.real($0, c) }))
            },
            "dist": BuiltinFunction.value("dist") { a, c in
                try Check.noKeywords("dist", a)
                let args = try Check.expected("dist", a, min: 2, max: 2)
                let p = try c.iterate(args[0]).map { try MathModule.real($0, c) }
                let q = try c.iterate(args[1]).map { try MathModule.real($0, c) }
                guard p.count == q.count else { throw PyError.value("both points must have the same number of dimensions") }
                return .float(hypot(Swift.zip(p, q).map { $0 - $1 }))
            },
            "modf": BuiltinFunction.value("modf") { a, c in
                let x = try MathModule.real(Check.exactlyOne("math.modf", a), c)
                if x.isInfinite { return .tuple([.float(copysign(0, x)), .float(x)]) }
                let whole = x.rounded(.towardZero)
                return .tuple([.float(copysign(x - whole, x)), .float(whole)])
            },
            "frexp": BuiltinFunction.value("frexp") { a, c in
                let x = try MathModule.real(Check.exactlyOne("math.frexp", a), c)
                if !x.isFinite || x == 0 { return .tuple([.float(x), .int(0)]) }
                var e: Int32 = 0
                let m = Foundation.frexp(x, &e)
                return .tuple([.float(m), .int(Int(e))])
            },
            "ulp": BuiltinFunction.value("ulp") { a, c in
                let x = Swift.abs(try MathModule.real(Check.exactlyOne("math.ulp", a), c))
                if !x.isFinite { return .float(x) }
                return .float(x == Double.greatestFiniteMagnitude ? x - x.nextDown : x.nextUp - x)
            },
        ]
        let binary: [String: (Double, Double) throws -> Double] = [
            "pow": power, "atan2": Foundation.atan2, "copysign": Foundation.copysign,
            "fmod": { x, y in
                if y.isInfinite && x.isFinite { return x }
                let r = Foundation.fmod(x, y)
                if r.isNaN && !x.isNaN && !y.isNaN { throw PyError.value("math domain error") }
                return r
            },
            "remainder": { x, y in
                let r = Foundation.remainder(x, y)
                if r.isNaN && !x.isNaN && !y.isNaN { throw PyError.value("math domain error") }
                return r
            },
            "nextafter": { x, y in x == y || x.isNaN || y.isNaN ? (x.isNaN ? x : y) : (y > x ? x.nextUp : x.nextDown) },
        ]
        for (name, f) in binary {
            table[name] = BuiltinFunction.value(name) { a, c in
                try Check.noKeywords("math.\(name)", a)
                let args = try Check.expected(name, a, min: 2, max: 2)
                return .float(try f(MathModule.real(args[0], c), MathModule.real(args[1], c)))
            }
        }
        table["ldexp"] = BuiltinFunction.value("ldexp") { a, c in
            try Check.noKeywords("math.ldexp", a)
            let args = try Check.expected("ldexp", a, min: 2, max: 2)
            let x = try MathModule.real(args[0], c)
            guard Arithmetic.number(args[1]).map({ if case .int = $0 { return true } else { return false } }) ?? false else {
                throw PyError.type("Expected an int as second argument to ldexp.")
            }
            let e = (try? Check.index(args[1], c)) ?? (args[1].typeName == "int" ? Int.max : 0)
            let r = Foundation.scalbn(x, Swift.max(-100_000, Swift.min(100_000, e)))
            if r.isInfinite && x.isFinite { throw PyError.overflow("math range error") }
            return .float(r)
        }
        return table
    }

    /// floor/ceil/trunc: ints unchanged, floats to the int in that direction.
    private static func rounded(_ x: Value, _ rule: FloatingPointRoundingRule, _ context: any Context) throws -> Value {
        switch x {
        case .int, .bigInt: return x
        case .bool(let b): return .int(b ? 1 : 0)
        default: return try Conversions.truncate(MathModule.real(x, context).rounded(rule))
        }
    }

    /// math.pow: C's pow with CPython's errors (domain for 0 ** negative and a negative base's fractional power).
    private static func power(_ x: Double, _ y: Double) throws -> Double {
        let r = Foundation.pow(x, y)
        if x.isFinite && y.isFinite {
            if r.isNaN { throw PyError.value("math domain error") }
            if r.isInfinite { throw x == 0 ? PyError.value("math domain error") : PyError.overflow("math range error") }
        }
        return r
    }

    /// isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0).
    static func isclose(_ arguments: Arguments, _ context: any Context) throws -> Value {
        try Check.keywords("isclose", arguments, allowed: ["a", "b", "rel_tol", "abs_tol"])
        guard arguments.positional.count <= 2 else {
            throw PyError.type("isclose() takes exactly 2 positional arguments (\(arguments.positional.count) given)")
        }
        let slots = try Signature("isclose", ["a", "b"], required: 0, keywordOnly: ["rel_tol", "abs_tol"]).bind(arguments)
        guard let av = slots[0] else { throw PyError.type("isclose() missing required argument 'a' (pos 1)") }
        guard let bv = slots[1] else { throw PyError.type("isclose() missing required argument 'b' (pos 2)") }
        let a = try MathModule.real(av, context), b = try MathModule.real(bv, context)
        let relTol = try slots[2].map { try MathModule.real($0, context) } ?? 1e-09
        let absTol = try slots[3].map { try MathModule.real($0, context) } ?? 0
        guard relTol >= 0 && absTol >= 0 else { throw PyError.value("tolerances must be non-negative") }
        if a == b { return .bool(true) }
        if a.isInfinite || b.isInfinite { return .bool(false) }
        let diff = Swift.abs(b - a)
        return .bool(diff <= Swift.abs(relTol * b) || diff <= Swift.abs(relTol * a) || diff <= absTol)
    }

    /// Shewchuk's exact summation with CPython's final half-way correction and its errors for infinities.
    static func fsum(_ values: [Double]) throws -> Double {
        var partials: [Double] = []
        var special = 0.0, infinities = 0.0
        for value in values {
            var x = value
            if !x.isFinite {
                if x.isInfinite { infinities += x }
                special += x
                continue
            }
            var i = 0
            for var y in partials {
                if Swift.abs(x) < Swift.abs(y) { swap(&x, &y) }
                let hi = x + y
                let lo = y - (hi - x)
                if lo != 0 { partials[i] = lo; i += 1 }
                x = hi
            }
            partials.removeSubrange(i...)
            if !x.isFinite { throw PyError.overflow("intermediate overflow in fsum") }
            partials.append(x)
        }
        if special != 0 || special.isNaN {
            if infinities.isNaN { throw PyError.value("-inf + inf in fsum") }
            return special
        }
        guard !partials.isEmpty else { return 0 }
        var n = partials.count - 1
        var hi = partials[n], lo = 0.0
        while n > 0 {
            let x = hi
            n -= 1
            let y = partials[n]
            hi = x + y
            lo = y - (hi - x)
            if lo != 0 { break }
        }
        if n > 0 && ((lo < 0 && partials[n - 1] < 0) || (lo > 0 && partials[n - 1] > 0)) {
            let y = lo * 2
            let x = hi + y
            if y == x - hi { hi = x }
        }
        return hi
    }

    /// CPython's vector_norm: the squares summed exactly scaled to [0.5, 1), a square root, and one differential
    /// correction; an infinity wins over a NaN.
    static func hypot(_ xs: [Double]) -> Double {
        var values = xs.map(Swift.abs)
        let largest = values.max() ?? 0
        if largest.isInfinite { return largest }
        if values.contains(where: \.isNaN) { return .nan }
        if largest == 0 || values.count <= 1 { return largest }
        var e: Int32 = 0
        _ = Foundation.frexp(largest, &e)
        if e < -1023 {
            for i in values.indices { values[i] /= Double.leastNormalMagnitude }
            return Double.leastNormalMagnitude * hypot(values)
        }
        let scale = Foundation.scalbn(1.0, -Int(e))
        var sum = 1.0, fraction1 = 0.0, fraction2 = 0.0
        func accumulate(_ a: Double, _ b: Double) {
            let product = a * b
            let productLow = (-product).addingProduct(a, b)  // fma: the exact low part of a * b
            let total = sum + product
            fraction1 += productLow
            fraction2 += (sum - total) + product
            sum = total
        }
        for v in values {
            let x = v * scale
            accumulate(x, x)
        }
        var h = Foundation.sqrt(sum - 1.0 + (fraction1 + fraction2))
        accumulate(-h, h)
        let x = sum - 1.0 + (fraction1 + fraction2)
        h += x / (2.0 * h)
        return h / scale
    }
}
