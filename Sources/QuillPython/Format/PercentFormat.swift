// printf-style formatting, `template % args`, as CPython 3.11's PyUnicode_Format does it:
//   %[(key)][flags - + space # 0][width or *][.precision or .*][h l L]type
// with the types s r a c d i u o x X e E f F g G and %%. `args` is a tuple (one value per conversion), a mapping
// (dict, list or subscriptable object: `%(name)s` looks keys up in it, and it may also be the single value), or any
// other single value. Errors carry CPython's types and wording.

enum PercentFormat {
    static func format(_ template: String, _ args: Value, _ context: any Context) throws -> String {
        var state = ArgumentState(args)
        let s = Array(template.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < s.count {
            guard s[i] == "%" else {
                let start = i
                while i < s.count && s[i] != "%" { i += 1 }
                out.append(contentsOf: s[start..<i])
                continue
            }
            i += 1
            guard i < s.count else { throw PyError.value("incomplete format") }
            if s[i] == "%" {
                out.append("%")
                i += 1
                continue
            }
            var conversion = try parse(s, &i, &state, context)
            let value = try state.next()
            if conversion.width > 4096 { try context.reserve(conversion.width) }
            let text = try conversion.render(value, index: i - 1, context)
            out.append(contentsOf: conversion.pad(text).unicodeScalars)
            if state.mapping != nil && state.index < state.count {
                throw PyError.type("not all arguments converted during string formatting")
            }
        }
        if state.index < state.count && state.mapping == nil {
            throw PyError.type("not all arguments converted during string formatting")
        }
        return String(out)
    }

    /// Which argument comes next: CPython's argidx/arglen (a single non-tuple value counts as -1/-2).
    struct ArgumentState {
        var arguments: Value
        var items: [Value]
        var count: Int
        var index: Int
        /// The mapping `%(key)` looks in, when the arguments are one.
        let mapping: Value?

        init(_ args: Value) {
            arguments = args
            if case .tuple(let t) = args {
                items = t; count = t.count; index = 0
            } else {
                items = []; count = -1; index = -2
            }
            switch args {
            case .dict, .list: mapping = args
            case .object(let o) where o is PySubscriptable: mapping = args
            default: mapping = nil
            }
        }

        mutating func next() throws -> Value {
            guard index < count else { throw PyError.type("not enough arguments for format string") }
            index += 1
            return count < 0 ? arguments : items[index - 1]
        }

        /// After `%(key)`: the value found becomes the single argument.
        mutating func select(_ value: Value) {
            arguments = value; items = []; count = -1; index = -2
        }
    }

    /// Reads one conversion after its '%' up to and including the type character.
    private static func parse(_ s: [Unicode.Scalar], _ i: inout Int, _ state: inout ArgumentState,
                              _ context: any Context) throws -> PercentConversion {
        var exhausted = false
        func next() -> Unicode.Scalar? {
            guard i < s.count else { exhausted = true; return nil }
            i += 1
            return s[i - 1]
        }
        var c = s[i]
        if c == "(" {
            guard let mapping = state.mapping else { throw PyError.type("format requires a mapping") }
            i += 1
            let start = i
            var depth = 1
            while depth > 0 && i < s.count {
                if s[i] == ")" { depth -= 1 } else if s[i] == "(" { depth += 1 }
                i += 1
            }
            if depth > 0 { throw PyError.value("incomplete format key") }
            let key = String(String.UnicodeScalarView(s[start..<(i - 1)]))
            state.select(try context.item(mapping, .str(key)))
        }
        var conversion = PercentConversion()
        flags: while let f = next() {
            c = f
            switch f {
            case "-": conversion.leftAlign = true
            case "+": conversion.plusSign = true
            case " ": conversion.blankSign = true
            case "#": conversion.alternate = true
            case "0": conversion.zeroPad = true
            default: break flags
            }
        }
        if c == "*" {
            let width = try starArgument(try state.next())
            if width < 0 { conversion.leftAlign = true }
            conversion.width = width.magnitude > UInt(Int.max) ? Int.max : abs(width)
            if let n = next() { c = n }
        } else if let d = digit(c) {
            var width = d
            while let n = next() {
                c = n
                guard let d = digit(n) else { break }
                guard width <= (Int.max - d) / 10 else { throw PyError.value("width too big") }
                width = width * 10 + d
            }
            conversion.width = width
        }
        if c == ".", !exhausted {
            conversion.precision = 0
            if let n = next() { c = n }
            if c == "*" {
                conversion.precision = max(0, try starArgument(try state.next()))
                if let n = next() { c = n }
            } else if let d = digit(c) {
                var precision = d
                while let n = next() {
                    c = n
                    guard let d = digit(n) else { break }
                    guard precision <= (Int(Int32.max) - d) / 10 else { throw PyError.value("precision too big") }
                    precision = precision * 10 + d
                }
                conversion.precision = precision
            }
        }
        if !exhausted && (c == "h" || c == "l" || c == "L"), let n = next() { c = n }
        if exhausted { throw PyError.value("incomplete format") }
        conversion.type = c
        return conversion
    }

    private static func digit(_ c: Unicode.Scalar) -> Int? {
        c.value >= 48 && c.value <= 57 ? Int(c.value - 48) : nil
    }

    /// The value of a `*` width or precision.
    private static func starArgument(_ value: Value) throws -> Int {
        switch value {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        case .bigInt: throw PyError.overflow("Python int too large to convert to C ssize_t")
        default: throw PyError.type("* wants int")
        }
    }
}
