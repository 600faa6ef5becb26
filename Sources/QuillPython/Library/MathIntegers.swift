// math's integer functions: factorial, comb, perm, gcd, lcm, isqrt, and prod (any `*`, as CPython's prod).

import BigInt

enum MathIntegers {
    static func functions() -> [String: Value] {
        [
            "factorial": BuiltinFunction.value("factorial") { a, c in
                let n = try integer(Check.exactlyOne("math.factorial", a), c)
                guard n.sign == .plus || n.isZero else { throw PyError.value("factorial() not defined for negative values") }
                guard let k = Int(exactly: n) else {
                    throw PyError.overflow("factorial() argument should not exceed \(Int.max)")
                }
                guard k <= 1_000_000 else { throw PyError.memory("factorial(\(k)) is too large for Quill's memory limit") }
                try c.reserve(k / 4)
                return .integer(product(1, k))
            },
            "comb": BuiltinFunction.value("comb") { a, c in
                let (n, k) = try pair("comb", a, c)
                if k > n { return .int(0) }
                let r = Swift.min(k, n - k)
                return .integer(try fallingFactorial(n, r, c) / product(1, Int(r)))
            },
            "perm": BuiltinFunction.value("perm") { a, c in
                try Check.noKeywords("perm", a)
                let args = try Check.expected("perm", a, min: 1, max: 2)
                let n = try integer(args[0], c)
                let k = args.count == 2 && !args[1].isNone ? try integer(args[1], c) : n
                guard n.sign == .plus || n.isZero else { throw PyError.value("n must be a non-negative integer") }
                guard k.sign == .plus || k.isZero else { throw PyError.value("k must be a non-negative integer") }
                if k > n { return .int(0) }
                return .integer(try fallingFactorial(n, k, c))
            },
            "gcd": BuiltinFunction.value("gcd") { a, c in
                try Check.noKeywords("gcd", a)
                var g = BigInt(0)
                for x in a.positional { g = BigInt(g.magnitude.greatestCommonDivisor(with: try integer(x, c).magnitude)) }
                return .integer(g)
            },
            "lcm": BuiltinFunction.value("lcm") { a, c in
                try Check.noKeywords("lcm", a)
                var l = BigInt(1)
                for x in a.positional {
                    let m = BigInt(try integer(x, c).magnitude)
                    if l.isZero || m.isZero { l = 0; continue }
                    l = l / BigInt(l.magnitude.greatestCommonDivisor(with: m.magnitude)) * m
                }
                return .integer(l)
            },
            "isqrt": BuiltinFunction.value("isqrt") { a, c in
                let n = try integer(Check.exactlyOne("math.isqrt", a), c)
                guard n.sign == .plus || n.isZero else { throw PyError.value("isqrt() argument must be nonnegative") }
                return .integer(BigInt(n.magnitude.squareRoot()))
            },
            "prod": BuiltinFunction.value("prod") { a, c in
                guard a.positional.count == 1 else {
                    throw PyError.type("prod() takes exactly 1 positional argument (\(a.positional.count) given)")
                }
                try Check.keywords("prod", a, allowed: ["start"])
                var total = a.keyword("start") ?? .int(1)
                for item in try c.iterate(a.positional[0]) { total = try Arithmetic.multiply(total, item, c) }
                return total
            },
        ]
    }

    /// An integer argument as BigInt: "'float' object cannot be interpreted as an integer" otherwise.
    static func integer(_ x: Value, _ context: any Context) throws -> BigInt {
        switch x {
        case .int(let i): return BigInt(i)
        case .bigInt(let b): return b
        case .bool(let b): return b ? 1 : 0
        default: return BigInt(try Check.index(x, context))
        }
    }

    /// comb's (n, k), both non-negative.
    private static func pair(_ name: String, _ arguments: Arguments, _ context: any Context) throws -> (BigInt, BigInt) {
        try Check.noKeywords(name, arguments)
        let args = try Check.expected(name, arguments, min: 2, max: 2)
        let n = try integer(args[0], context), k = try integer(args[1], context)
        guard n.sign == .plus || n.isZero else { throw PyError.value("n must be a non-negative integer") }
        guard k.sign == .plus || k.isZero else { throw PyError.value("k must be a non-negative integer") }
        return (n, k)
    }

    /// from * (from + 1) * ... * to, by halves so that the operands stay balanced.
    private static func product(_ from: Int, _ to: Int) -> BigInt {
        if from > to { return 1 }
        if to - from < 8 { return (from...to).reduce(BigInt(1)) { $0 * BigInt($1) } }
        let mid = (from + to) / 2
        return product(from, mid) * product(mid + 1, to)
    }

    /// n * (n - 1) * ... * (n - k + 1).
    private static func fallingFactorial(_ n: BigInt, _ k: BigInt, _ context: any Context) throws -> BigInt {
        guard let count = Int(exactly: k), count <= 1_000_000 else { throw PyError.memory("comb()/perm() argument too large: \(k)") }
        try context.reserve(count * n.magnitude.bitWidth / 64)
        var result = BigInt(1)
        var factor = n
        for _ in 0..<count {
            result *= factor
            factor -= 1
        }
        return result
    }
}
