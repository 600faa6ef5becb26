// Arity and keyword checks for builtins written in Swift, worded as CPython 3.11 words them. CPython's builtins
// use several styles ("len() takes exactly one argument (0 given)", "range expected at least 1 argument, got 0",
// "int() takes at most 2 arguments (3 given)"); each builtin picks the style CPython uses for it.

enum Check {
    /// "len() takes no keyword arguments".
    static func noKeywords(_ name: String, _ arguments: Arguments) throws {
        if !arguments.keywords.isEmpty { throw PyError.type("\(name)() takes no keyword arguments") }
    }

    /// No arguments at all: "int.bit_length() takes no arguments (1 given)", or "... takes no keyword arguments".
    static func noArguments(_ name: String, _ arguments: Arguments) throws {
        try noKeywords(name, arguments)
        if !arguments.positional.isEmpty {
            throw PyError.type("\(name)() takes no arguments (\(arguments.positional.count) given)")
        }
    }

    /// Only these keywords: otherwise "'foo' is an invalid keyword argument for sort()".
    static func keywords(_ name: String, _ arguments: Arguments, allowed: [String]) throws {
        for (key, _) in arguments.keywords where !allowed.contains(key) {
            throw PyError.type("'\(key)' is an invalid keyword argument for \(name)()")
        }
    }

    /// One positional argument, no keywords: "len() takes exactly one argument (0 given)".
    static func exactlyOne(_ name: String, _ arguments: Arguments) throws -> Value {
        try noKeywords(name, arguments)
        guard arguments.positional.count == 1 else {
            throw PyError.type("\(name)() takes exactly one argument (\(arguments.positional.count) given)")
        }
        return arguments.positional[0]
    }

    /// "range expected at least 1 argument, got 0", "filter expected 2 arguments, got 1",
    /// "bool expected at most 1 argument, got 2".
    static func expected(_ name: String, _ arguments: Arguments, min: Int, max: Int) throws -> [Value] {
        let n = arguments.positional.count
        func plural(_ k: Int) -> String { k == 1 ? "argument" : "arguments" }
        if n < min || n > max {
            let bound = min == max ? "\(min) \(plural(min))"
                : n < min ? "at least \(min) \(plural(min))" : "at most \(max) \(plural(max))"
            throw PyError.type("\(name) expected \(bound), got \(n)")
        }
        return arguments.positional
    }

    /// Positional and keyword arguments together: "int() takes at most 2 arguments (3 given)".
    static func atMost(_ name: String, _ arguments: Arguments, _ max: Int) throws {
        let n = arguments.positional.count + arguments.keywords.count
        if n > max { throw PyError.type("\(name)() takes at most \(max) argument\(max == 1 ? "" : "s") (\(n) given)") }
    }

    /// An integer argument (`range`, `chr`, `enumerate(start=)`, `round(ndigits)`): bool and int, and objects
    /// whose scalar is an int (numpy integers). "'float' object cannot be interpreted as an integer" otherwise.
    static func index(_ value: Value, _ context: any Context) throws -> Int {
        switch value {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        case .bigInt: throw PyError.overflow("Python int too large to convert to C ssize_t")
        case .object(let o as any PyNumeric):
            if case .int(let i)? = try o.scalar(context) { return i }
        default: break
        }
        throw PyError.type("'\(value.typeName)' object cannot be interpreted as an integer")
    }

    /// A string argument: "attribute name must be string, not 'int'" style messages are the caller's.
    static func string(_ value: Value) -> String? {
        if case .str(let s) = value { return s }
        return nil
    }
}
