// The `collections` module's dict subclasses: defaultdict (a missing key is made by the factory and stored) and
// Counter (a missing key counts 0; built and updated by counting; most_common, total, subtract, elements; its repr
// lists the most common first). Both are dicts (PyDict with a flavor), so every dict method, view, comparison and
// json.dumps works on them. Counter arithmetic (`+ - | &`) is not there.

enum CollectionsModule {
    static let defaultdictType = TypeObject("defaultdict", module: "collections", matches: { value in
        if case .dict(let d) = value, case .defaultDict = d.flavor { return true }
        return false
    }, construct: defaultdict)

    static let counterType = TypeObject("Counter", module: "collections", matches: { value in
        if case .dict(let d) = value { return d.flavor.isCounter }
        return false
    }, construct: counter)

    static func module() -> PyModule {
        PyModule("collections", ["defaultdict": .object(defaultdictType), "Counter": .object(counterType)])
    }

    /// The methods Counter adds to dict's (its `update` counts instead of replacing).
    static let counterMethods = ["elements", "most_common", "subtract", "total", "update"]

    /// True when `d` is a Counter and `name` one of its own methods, not dict's.
    static func overrides(_ d: PyDict, _ name: String) -> Bool {
        d.flavor.isCounter && counterMethods.contains(name)
    }

    /// `defaultdict(default_factory=None, [mapping or iterable of pairs], **kwargs)`.
    private static func defaultdict(_ arguments: Arguments, _ context: any Context) throws -> Value {
        let factory = arguments.positional.first ?? .none
        let callable = if case .object(let o) = factory { o is any PyCallable } else { false }
        guard factory.isNone || callable else {
            throw PyError.type("first argument must be callable or None")
        }
        let rest = Arguments(Array(arguments.positional.dropFirst()), keywords: arguments.keywords)
        guard case .dict(let d) = try BuiltinTypes.dict.call(rest, context) else { return .none }
        d.flavor = .defaultDict(factory)
        return .dict(d)
    }

    /// `Counter([iterable or mapping], **kwargs)`.
    private static func counter(_ arguments: Arguments, _ context: any Context) throws -> Value {
        if arguments.positional.count > 1 {
            throw PyError.type("expected at most 1 argument, got \(arguments.positional.count)")
        }
        let d = PyDict(flavor: .counter)
        try count(into: d, arguments, sign: 1, context)
        return .dict(d)
    }

    static func callCounter(_ name: String, _ d: PyDict, _ arguments: Arguments, _ context: any Context) throws -> Value {
        switch name {
        case "most_common":
            let a = try Check.expected("most_common", arguments, min: 0, max: 1)
            let all = try mostCommon(d, context)
            guard let n = a.first, !n.isNone else { return .list(PyList(all)) }
            return .list(PyList(Array(all.prefix(max(0, try Check.index(n, context))))))
        case "total":
            try Check.noArguments("Counter.total", arguments)
            return try d.storage.values.reduce(Value.int(0)) { try Arithmetic.add($0, $1, context) }
        case "subtract":
            try count(into: d, arguments, sign: -1, context)
        case "elements":
            try Check.noArguments("Counter.elements", arguments)
            // each key as many times as its count (none for counts below 1), in insertion order, lazily as
            // itertools.chain is
            return .object(IteratorObject("itertools.chain") { c in
                var out: [Value] = []
                for (k, v) in d.storage {
                    let n = try Check.index(v, c)
                    guard n > 0 else { continue }
                    try c.reserve(out.count + n)
                    out.append(contentsOf: repeatElement(k.value, count: n))
                }
                return out
            })
        default:   // update
            try count(into: d, arguments, sign: 1, context)
        }
        return .none
    }

    /// (key, count) pairs, the largest counts first, equal counts in insertion order (a stable sort, as CPython's).
    static func mostCommon(_ d: PyDict, _ context: any Context) throws -> [Value] {
        let pairs = d.storage.map { Value.tuple([$0.key.value, $0.value]) }
        let second = BuiltinFunction.value("count") { a, _ in
            guard case .tuple(let kv)? = a.positional.first, kv.count == 2 else { return .none }
            return kv[1]
        }
        return try Sorting.sorted(pairs, key: second, reverse: .bool(true), context)
    }

    /// Adds (sign 1) or subtracts (-1) the counts of a mapping, or one per element of an iterable, and of keywords.
    private static func count(into d: PyDict, _ arguments: Arguments, sign: Int, _ context: any Context) throws {
        func bump(_ key: Value, _ by: Value) throws {
            let k = try HashKey(key)
            let current = d.storage[k] ?? .int(0)
            try context.reserve(d.storage.count + 1)
            d.storage[k] = sign > 0 ? try Arithmetic.add(current, by, context) : try subtract(current, by, context)
        }
        if let source = arguments.positional.first, !source.isNone {
            if case .dict(let m) = source {
                for (k, v) in m.storage { try bump(k.value, v) }
            } else {
                for item in try context.iterate(source) { try bump(item, .int(1)) }
            }
        }
        for (k, v) in arguments.keywords { try bump(.str(k), v) }
    }

    /// `a - b` with the interpreter's rules (CPython's Counter.subtract computes `self.get(elem, 0) - count`).
    private static func subtract(_ a: Value, _ b: Value, _ context: any Context) throws -> Value {
        guard let interp = context as? Interpreter else { throw PyError.type("Counter.subtract needs the interpreter") }
        return try interp.binary(.subtract, a, b)
    }
}
