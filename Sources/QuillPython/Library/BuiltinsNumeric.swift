// Numeric and reducing builtins: min, max, sum, any, all, abs, round, divmod, pow.

enum BuiltinsNumeric {
    static func functions() -> [String: Value] {
        [
            "min": BuiltinFunction.value("min") { a, c in try extreme("min", a, c) },
            "max": BuiltinFunction.value("max") { a, c in try extreme("max", a, c) },
            "sum": BuiltinFunction.value("sum", sum),
            "any": BuiltinFunction.value("any") { a, c in
                for item in try c.iterate(Check.exactlyOne("any", a)) where try c.truth(item) { return .bool(true) }
                return .bool(false)
            },
            "all": BuiltinFunction.value("all") { a, c in
                for item in try c.iterate(Check.exactlyOne("all", a)) where !(try c.truth(item)) { return .bool(false) }
                return .bool(true)
            },
            "abs": BuiltinFunction.value("abs") { a, c in try Arithmetic.absolute(Check.exactlyOne("abs", a), c) },
            "round": BuiltinFunction.value("round", round),
            "divmod": BuiltinFunction.value("divmod") { a, c in
                try Check.noKeywords("divmod", a)
                let args = try Check.expected("divmod", a, min: 2, max: 2)
                return try Arithmetic.divmod(args[0], args[1], c)
            },
            "pow": BuiltinFunction.value("pow", pow),
        ]
    }

    /// min()/max() over one iterable or several arguments, with key= and default=. The first of equal items wins.
    static func extreme(_ name: String, _ arguments: Arguments, _ context: any Context) throws -> Value {
        try Check.keywords(name, arguments, allowed: ["key", "default"])
        let positional = arguments.positional
        guard !positional.isEmpty else { throw PyError.type("\(name) expected at least 1 argument, got 0") }
        let fallback = arguments.keyword("default")
        if positional.count > 1 && fallback != nil {
            throw PyError.type("Cannot specify a default for \(name)() with multiple positional arguments")
        }
        let items = positional.count == 1 ? try context.iterate(positional[0]) : positional
        var key = arguments.keyword("key")
        if case .none? = key { key = nil }
        guard var best = items.first else {
            if let fallback { return fallback }
            throw PyError.value("\(name)() arg is an empty sequence")
        }
        var bestKey = try key.map { try context.call($0, Arguments([best])) } ?? best
        for item in items.dropFirst() {
            let itemKey = try key.map { try context.call($0, Arguments([item])) } ?? item
            let better: Bool
            if name == "min" {
                better = try context.less(itemKey, bestKey)
            } else {
                better = try greater(itemKey, bestKey, context)
            }
            if better {
                best = item
                bestKey = itemKey
            }
        }
        return best
    }

    /// `a > b` as `b < a`, with the TypeError worded for `>` as CPython's max() reports it.
    private static func greater(_ a: Value, _ b: Value, _ context: any Context) throws -> Bool {
        do {
            return try context.less(b, a)
        } catch var e as PyError where e.exceptionType == "TypeError"
            && e.message.hasPrefix("'<' not supported between instances of ") {
            e.message = "'>' not supported between instances of '\(a.typeName)' and '\(b.typeName)'"
            throw e
        }
    }

    /// sum(iterable, /, start=0): left-to-right `+`, as CPython 3.11 (plain float addition, no compensation).
    static func sum(_ arguments: Arguments, _ context: any Context) throws -> Value {
        try Check.keywords("sum", arguments, allowed: ["start"])
        guard !arguments.positional.isEmpty else {
            throw PyError.type("sum() takes at least 1 positional argument (0 given)")
        }
        try Check.atMost("sum", arguments, 2)
        var total = arguments.positional.count > 1 ? arguments.positional[1] : arguments.keyword("start") ?? .int(0)
        if case .str = total { throw PyError.type("sum() can't sum strings [use ''.join(seq) instead]") }
        for item in try context.iterate(arguments.positional[0]) {
            if case .int(let t) = total, case .int(let i) = item {
                let (r, overflow) = t.addingReportingOverflow(i)
                if !overflow { total = .int(r); continue }
            } else if case .float(let t) = total, case .float(let x) = item {
                total = .float(t + x)
                continue
            }
            total = try Arithmetic.add(total, item, context)
        }
        return total
    }

    /// round(number, ndigits=None): banker's rounding; an int for no ndigits (or an int number).
    static func round(_ arguments: Arguments, _ context: any Context) throws -> Value {
        try Check.atMost("round", arguments, 2)
        let slots = try Signature("round", ["number", "ndigits"], required: 0).bind(arguments)
        guard let number = slots[0] else { throw PyError.type("round() missing required argument 'number' (pos 1)") }
        var digits: Int?
        if let n = slots[1], !n.isNone { digits = try Check.index(n, context) }
        switch number {
        case .float(let x):
            guard let digits else { return try Rounding.round(x) }
            return .float(try Rounding.roundChecked(x, ndigits: digits))
        case .int, .bigInt, .bool:
            let integer = try Conversions.integer(number, context)
            guard let digits else { return integer }
            return Rounding.round(integer, ndigits: digits)
        case .object(let o as any PyAttributes):
            if let method = try o.attribute("__round__", context) {
                return try context.call(method, Arguments(digits.map { [.int($0)] } ?? []))
            }
        default: break
        }
        throw PyError.type("type \(number.typeName) doesn't define __round__ method")
    }

    /// pow(base, exp, mod=None).
    static func pow(_ arguments: Arguments, _ context: any Context) throws -> Value {
        try Check.atMost("pow", arguments, 3)
        let slots = try Signature("pow", ["base", "exp", "mod"], required: 0).bind(arguments)
        guard let base = slots[0] else { throw PyError.type("pow() missing required argument 'base' (pos 1)") }
        guard let exponent = slots[1] else { throw PyError.type("pow() missing required argument 'exp' (pos 2)") }
        if let modulus = slots[2], !modulus.isNone {
            return try Arithmetic.modularPower(base, exponent, modulus)
        }
        return try Arithmetic.power(base, exponent, context)
    }
}
