// The methods of list: append extend insert pop remove index count sort copy clear reverse, with CPython's
// argument rules and messages. Equality is Python's (`context.equals`), sorting is stable and in place.

enum ListMethods {
    static let names = ["append", "clear", "copy", "count", "extend", "index", "insert", "pop", "remove",
                        "reverse", "sort"]

    static func call(_ name: String, _ list: PyList, _ arguments: Arguments, _ context: any Context) throws -> Value {
        if name != "sort" { try Check.noKeywords("list.\(name)", arguments) }
        let args = arguments.positional
        switch name {
        case "append":
            let x = try one(name, arguments)
            try context.reserve(list.items.count + 1)
            list.items.append(x)
        case "extend":
            let more = try context.iterate(one(name, arguments))
            try context.reserve(list.items.count + more.count)
            list.items.append(contentsOf: more)
        case "insert":
            let a = try Check.expected("insert", arguments, min: 2, max: 2)
            try context.reserve(list.items.count + 1)
            let n = list.items.count
            var i = try Check.index(a[0], context)
            if i < 0 { i = Swift.max(0, i + n) }
            list.items.insert(a[1], at: Swift.min(i, n))
        case "pop":
            let a = try Check.expected("pop", arguments, min: 0, max: 1)
            let i = try a.first.map { try Check.index($0, context) } ?? -1
            guard !list.items.isEmpty else { throw PyError.index("pop from empty list") }
            let k = i < 0 ? i + list.items.count : i
            guard k >= 0 && k < list.items.count else { throw PyError.index("pop index out of range") }
            return list.items.remove(at: k)
        case "remove":
            let x = try one(name, arguments)
            guard let k = try firstIndex(of: x, in: list.items, 0..<list.items.count, context) else {
                throw PyError.value("list.remove(x): x not in list")
            }
            list.items.remove(at: k)
        case "index":
            let a = try Check.expected("index", arguments, min: 1, max: 3)
            let n = list.items.count
            let start = a.count > 1 ? clamp(try sliceIndex(a[1], context), n) : 0
            let stop = a.count > 2 ? clamp(try sliceIndex(a[2], context), n) : n
            if start < stop, let k = try firstIndex(of: a[0], in: list.items, start..<stop, context) { return .int(k) }
            throw PyError.value("\(try context.repr(a[0])) is not in list")
        case "count":
            let x = try one(name, arguments)
            var count = 0
            for item in list.items where try same(item, x, context) { count += 1 }
            return .int(count)
        case "sort":
            if !args.isEmpty { throw PyError.type("sort() takes no positional arguments") }
            try Check.keywords("sort", arguments, allowed: ["key", "reverse"])
            list.items = try Sorting.sorted(list.items, key: arguments.keyword("key"),
                                            reverse: arguments.keyword("reverse"), context)
        case "copy":
            try none(name, arguments)
            return .list(PyList(list.items))
        case "clear":
            try none(name, arguments)
            list.items.removeAll()
        case "reverse":
            try none(name, arguments)
            list.items.reverse()
        default:
            throw PyError.attribute("'list' object has no attribute '\(name)'")
        }
        return .none
    }

    private static func one(_ name: String, _ arguments: Arguments) throws -> Value {
        guard arguments.positional.count == 1 else {
            throw PyError.type("list.\(name)() takes exactly one argument (\(arguments.positional.count) given)")
        }
        return arguments.positional[0]
    }

    private static func none(_ name: String, _ arguments: Arguments) throws {
        if !arguments.positional.isEmpty {
            throw PyError.type("list.\(name)() takes no arguments (\(arguments.positional.count) given)")
        }
    }

    /// Identity first, then ==, as CPython's list methods compare.
    static func same(_ a: Value, _ b: Value, _ context: any Context) throws -> Bool {
        switch (a, b) {
        case (.list(let x), .list(let y)) where x === y: return true
        case (.dict(let x), .dict(let y)) where x === y: return true
        case (.object(let x), .object(let y)) where x === y: return true
        default: return try context.equals(a, b)
        }
    }

    private static func firstIndex(of x: Value, in items: [Value], _ range: Range<Int>,
                                   _ context: any Context) throws -> Int? {
        for k in range where try same(items[k], x, context) { return k }
        return nil
    }

    /// index()'s start and stop: slice indices (None is not accepted by list.index).
    private static func sliceIndex(_ v: Value, _ context: any Context) throws -> Int {
        do {
            return try Check.index(v, context)
        } catch let e as PyError where e.exceptionType == "TypeError" {
            throw PyError.type("slice indices must be integers or have an __index__ method")
        }
    }

    /// A slice bound: negative counts from the end, then clamped to 0...n.
    private static func clamp(_ i: Int, _ n: Int) -> Int {
        i < 0 ? Swift.max(0, i + n) : Swift.min(i, n)
    }
}
