// The methods of Python's str, by name, with CPython 3.11's argument conventions and error messages. Strings are
// sequences of code points: indices, lengths and searches count Unicode scalars. The methods themselves live in
// StrCaseMethods, StrSearchMethods, StrSplitMethods and StrPadMethods.

import BigInt

enum StrMethods {
    typealias Method = @Sendable (String, Arguments, any Context) throws -> Value

    static let names: [String] = table.keys.sorted()

    /// Calls `receiver.name(*arguments)`.
    /// - Throws: AttributeError "'str' object has no attribute 'name'" for unknown names, and each method's errors.
    static func call(_ name: String, _ receiver: String, _ arguments: Arguments, _ context: any Context) throws -> Value {
        guard let method = table[name] else { throw PyError.attribute("'str' object has no attribute '\(name)'") }
        return try method(receiver, arguments, context)
    }

    static let table: [String: Method] = caseMethods
        .merging(searchMethods) { a, _ in a }
        .merging(splitMethods) { a, _ in a }
        .merging(padMethods) { a, _ in a }
        .merging(["format": { s, a, c in .str(try StrFormat.format(s, a, c)) }]) { a, _ in a }
}

/// Argument checks of str methods, each with the wording CPython's argument parser of that method uses.
enum StrArguments {
    /// Methods without arguments (lower, isdigit, ...): "str.lower() takes no arguments (1 given)".
    static func none(_ name: String, _ a: Arguments) throws {
        if !a.keywords.isEmpty { throw PyError.type("str.\(name)() takes no keyword arguments") }
        if !a.positional.isEmpty {
            throw PyError.type("str.\(name)() takes no arguments (\(a.positional.count) given)")
        }
    }

    /// Methods of exactly one argument (join, partition, removeprefix, ...).
    static func one(_ name: String, _ a: Arguments) throws -> Value {
        if !a.keywords.isEmpty { throw PyError.type("str.\(name)() takes no keyword arguments") }
        guard a.positional.count == 1 else {
            throw PyError.type("str.\(name)() takes exactly one argument (\(a.positional.count) given)")
        }
        return a.positional[0]
    }

    /// Positional-only methods checked by count (replace, strip, center, ...): "replace expected at least 2
    /// arguments, got 1".
    static func positional(_ name: String, _ a: Arguments, _ min: Int, _ max: Int) throws -> [Value] {
        if !a.keywords.isEmpty { throw PyError.type("str.\(name)() takes no keyword arguments") }
        let n = a.positional.count
        if n < min || n > max {
            let bound = n < min ? min : max
            let qualifier = min == max ? "" : n < min ? "at least " : "at most "
            throw PyError.type("\(name) expected \(qualifier)\(bound) argument\(bound == 1 ? "" : "s"), got \(n)")
        }
        return a.positional
    }

    /// The search methods (find, count, startswith, ...): "find() takes at least 1 argument (0 given)".
    static func search(_ name: String, _ a: Arguments) throws -> [Value] {
        if !a.keywords.isEmpty { throw PyError.type("\(name)() takes no keyword arguments") }
        let n = a.positional.count
        if n < 1 { throw PyError.type("\(name)() takes at least 1 argument (0 given)") }
        if n > 3 { throw PyError.type("\(name)() takes at most 3 arguments (\(n) given)") }
        return a.positional
    }

    /// Methods that take keywords too (split, rsplit, splitlines, expandtabs).
    static func keywords(_ name: String, _ a: Arguments, _ parameters: [String]) throws -> [Value?] {
        var slots = [Value?](repeating: nil, count: parameters.count)
        let n = a.positional.count + a.keywords.count
        if n > parameters.count {
            throw PyError.type("\(name)() takes at most \(parameters.count) argument\(parameters.count == 1 ? "" : "s") (\(n) given)")
        }
        for (i, v) in a.positional.enumerated() { slots[i] = v }
        for (key, v) in a.keywords {
            guard let i = parameters.firstIndex(of: key) else {
                throw PyError.type("'\(key)' is an invalid keyword argument for \(name)()")
            }
            if slots[i] != nil {
                throw PyError.type("argument for \(name)() given by name ('\(key)') and position (\(i + 1))")
            }
            slots[i] = v
        }
        return slots
    }

    /// A str argument: "must be str, not int" (or the method's own wording).
    static func string(_ value: Value, _ message: @autoclosure () -> String = "") throws -> String {
        if case .str(let s) = value { return s }
        let text = message()
        throw PyError.type(text.isEmpty ? "must be str, not \(value.typeName)" : text)
    }

    /// An integer argument used as a size or count (`__index__`).
    static func index(_ value: Value, _ context: any Context) throws -> Int {
        switch value {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        case .bigInt: throw PyError.overflow("Python int too large to convert to C ssize_t")
        case .object(let o as PyNumeric):
            if let scalar = try o.scalar(context), case .int(let i) = scalar { return i }
        default: break
        }
        throw PyError.type("'\(value.typeName)' object cannot be interpreted as an integer")
    }

    /// A start or end of the search methods: None, or an int clamped to Int's range.
    static func sliceIndex(_ value: Value?, _ context: any Context) throws -> Int? {
        switch value {
        case nil, .none?: return nil
        case .int(let i)?: return i
        case .bool(let b)?: return b ? 1 : 0
        case .bigInt(let b)?: return b.sign == .minus ? Int.min : Int.max
        case .object(let o as PyNumeric)?:
            if let scalar = try o.scalar(context), case .int(let i) = scalar { return i }
        default: break
        }
        throw PyError.type("slice indices must be integers or None or have an __index__ method")
    }

    /// `s[start:end]` bounds as the search methods compute them (negative from the end, clamped).
    static func bounds(_ start: Int?, _ end: Int?, count: Int) -> (start: Int, end: Int) {
        var e = end ?? count
        if e > count { e = count } else if e < 0 { e = max(0, e + count) }
        var s = start ?? 0
        if s < 0 { s = max(0, s + count) }
        return (s, e)
    }
}
