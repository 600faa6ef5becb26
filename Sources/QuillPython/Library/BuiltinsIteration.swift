// Builtins that make or walk sequences: range, enumerate, zip, reversed, map, filter, sorted, iter, next.

enum BuiltinsIteration {
    /// The iterator types, callable as their builtins (`range(3)`) and returned by `type()`.
    static let types: [TypeObject] = [
        TypeObject("range", matches: { $0.typeName == "range" }, construct: range),
        TypeObject("enumerate", matches: { $0.typeName == "enumerate" }, construct: enumerate),
        TypeObject("zip", matches: { $0.typeName == "zip" }, construct: zip),
        TypeObject("reversed", matches: { $0.typeName == "reversed" }, construct: reversed),
        TypeObject("map", matches: { $0.typeName == "map" }, construct: map),
        TypeObject("filter", matches: { $0.typeName == "filter" }, construct: filter),
    ]

    static func functions() -> [String: Value] {
        var table: [String: Value] = [
            "sorted": BuiltinFunction.value("sorted", sorted),
            "iter": BuiltinFunction.value("iter") { a, c in
                let x = try Check.exactlyOne("iter", a)
                if case .object(let o) = x, try nextMethod(o, c) != nil { return x }
                let items = try c.iterate(x)
                return .object(IteratorObject(iteratorName(x)) { _ in items })
            },
            "next": BuiltinFunction.value("next") { a, c in
                try Check.noKeywords("next", a)
                let args = try Check.expected("next", a, min: 1, max: 2)
                guard case .object(let o) = args[0], let method = try nextMethod(o, c) else {
                    throw PyError.type("'\(args[0].typeName)' object is not an iterator")
                }
                do {
                    return try c.call(method, Arguments())
                } catch let e as PyError where e.exceptionType == "StopIteration" && args.count == 2 {
                    return args[1]
                }
            },
        ]
        for type in types { table[type.name] = .object(type) }
        return table
    }

    /// An iterator's `__next__` (iterators, files, csv readers); nil for other objects.
    private static func nextMethod(_ o: any PyObject, _ context: any Context) throws -> Value? {
        guard let attributes = o as? any PyAttributes else { return nil }
        return try attributes.attribute("__next__", context)
    }

    /// "list_iterator", "str_ascii_iterator"... CPython's names for iter(x).
    private static func iteratorName(_ x: Value) -> String {
        switch x {
        case .str(let s): return s.unicodeScalars.allSatisfy(\.isASCII) ? "str_ascii_iterator" : "str_iterator"
        case .dict: return "dict_keyiterator"
        case .object(let o): return o.typeName == "range" ? "range_iterator" : "\(o.typeName)_iterator"
        default: return "\(x.typeName)_iterator"
        }
    }

    /// range(stop), range(start, stop[, step]).
    static func range(_ arguments: Arguments, _ context: any Context) throws -> Value {
        if !arguments.keywords.isEmpty { throw PyError.type("range() takes no keyword arguments") }
        let args = try Check.expected("range", arguments, min: 1, max: 3).map { try Check.index($0, context) }
        let start = args.count == 1 ? 0 : args[0]
        let stop = args.count == 1 ? args[0] : args[1]
        let step = args.count == 3 ? args[2] : 1
        guard step != 0 else { throw PyError.value("range() arg 3 must not be zero") }
        return .object(RangeObject(start: start, stop: stop, step: step))
    }

    /// enumerate(iterable, start=0).
    static func enumerate(_ arguments: Arguments, _ context: any Context) throws -> Value {
        try Check.keywords("enumerate", arguments, allowed: ["iterable", "start"])
        let signature = Signature("enumerate", ["iterable", "start"], required: 0)
        let slots = try signature.bind(arguments)
        guard let iterable = slots[0] else { throw PyError.type("enumerate() missing required argument 'iterable'") }
        let start = try slots[1].map { try Check.index($0, context) } ?? 0
        let items = try context.iterate(iterable)
        return .object(IteratorObject("enumerate") { context in
            try context.reserve(items.count)
            return items.enumerated().map { .tuple([.int(start + $0.offset), $0.element]) }
        })
    }

    /// zip(*iterables, strict=False).
    static func zip(_ arguments: Arguments, _ context: any Context) throws -> Value {
        try Check.keywords("zip", arguments, allowed: ["strict"])
        let strict = try arguments.keyword("strict").map { try context.truth($0) } ?? false
        let columns = try arguments.positional.map { try context.iterate($0) }
        if strict, let first = columns.first {
            // As CPython's lockstep walk finds it: the first argument to run out decides the message.
            let n = columns.map(\.count).min() ?? 0
            func others(_ k: Int) -> String { k == 1 ? "argument 1" : "arguments 1-\(k)" }
            if first.count == n {
                if let j = columns.indices.dropFirst().first(where: { columns[$0].count > n }) {
                    throw PyError.value("zip() argument \(j + 1) is longer than \(others(j))")
                }
            } else if let i = columns.indices.first(where: { columns[$0].count == n }) {
                throw PyError.value("zip() argument \(i + 1) is shorter than \(others(i))")
            }
        }
        return .object(IteratorObject("zip") { context in
            let n = columns.map(\.count).min() ?? 0
            try context.reserve(n)
            return (0..<n).map { i in .tuple(columns.map { $0[i] }) }
        })
    }

    /// reversed(seq): sequences with a length (list, tuple, str, range, dict and its views, arrays).
    static func reversed(_ arguments: Arguments, _ context: any Context) throws -> Value {
        try Check.noKeywords("reversed", arguments)
        let x = try Check.expected("reversed", arguments, min: 1, max: 1)[0]
        let name: String
        switch x {
        case .list: name = "list_reverseiterator"
        case .tuple, .str: name = "reversed"
        case .dict: name = "dict_reversekeyiterator"
        case .object(let o as any PySubscriptable) where o is any PyIterable:
            name = o.typeName == "range" ? "range_iterator" : "reversed"
        default: throw PyError.type("'\(x.typeName)' object is not reversible")
        }
        let items = try context.iterate(x)
        return .object(IteratorObject(name) { _ in items.reversed() })
    }

    /// map(function, iterable, ...): lazy, stops at the shortest iterable.
    static func map(_ arguments: Arguments, _ context: any Context) throws -> Value {
        try Check.noKeywords("map", arguments)
        guard arguments.positional.count >= 2 else { throw PyError.type("map() must have at least two arguments.") }
        let function = arguments.positional[0]
        let columns = try arguments.positional.dropFirst().map { try context.iterate($0) }
        return .object(IteratorObject("map") { context in
            let n = columns.map(\.count).min() ?? 0
            try context.reserve(n)
            return try (0..<n).map { i in try context.call(function, Arguments(columns.map { $0[i] })) }
        })
    }

    /// filter(function or None, iterable): lazy.
    static func filter(_ arguments: Arguments, _ context: any Context) throws -> Value {
        try Check.noKeywords("filter", arguments)
        let args = try Check.expected("filter", arguments, min: 2, max: 2)
        let items = try context.iterate(args[1])
        let function = args[0]
        return .object(IteratorObject("filter") { context in
            try items.filter { item in
                if case .none = function { return try context.truth(item) }
                return try context.truth(context.call(function, Arguments([item])))
            }
        })
    }

    /// sorted(iterable, /, *, key=None, reverse=False).
    static func sorted(_ arguments: Arguments, _ context: any Context) throws -> Value {
        try Check.keywords("sort", arguments, allowed: ["key", "reverse"])
        let args = try Check.expected("sorted", arguments, min: 1, max: 1)
        let items = try context.iterate(args[0])
        return .list(PyList(try Sorting.sorted(items, key: arguments.keyword("key"),
                                               reverse: arguments.keyword("reverse"), context)))
    }
}
