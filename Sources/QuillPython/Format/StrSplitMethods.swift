// str's methods that cut or glue: split and rsplit (by a separator, or by runs of Unicode whitespace with at most
// maxsplit cuts), splitlines (Python's line boundaries, keepends), partition, rpartition and join.

extension StrMethods {
    static let splitMethods: [String: Method] = [
        "split": { s, a, c in try split("split", s, a, c, reverse: false) },
        "rsplit": { s, a, c in try split("rsplit", s, a, c, reverse: true) },
        "splitlines": { s, a, c in try splitlines(s, a, c) },
        "partition": { s, a, _ in try partition("partition", s, a, reverse: false) },
        "rpartition": { s, a, _ in try partition("rpartition", s, a, reverse: true) },
        "join": { s, a, c in try join(s, a, c) },
    ]

    private static func text(_ scalars: ArraySlice<Unicode.Scalar>) -> Value {
        .str(String(String.UnicodeScalarView(scalars)))
    }

    private static func split(_ name: String, _ s: String, _ a: Arguments, _ context: any Context,
                              reverse: Bool) throws -> Value {
        let slots = try StrArguments.keywords(name, a, ["sep", "maxsplit"])
        var separator: [Unicode.Scalar]?
        switch slots[0] {
        case nil, .none?: separator = nil
        case .str(let sep)?:
            if sep.isEmpty { throw PyError.value("empty separator") }
            separator = Array(sep.unicodeScalars)
        case let other?: throw PyError.type("must be str or None, not \(other.typeName)")
        }
        var limit = try slots[1].map { try StrArguments.index($0, context) } ?? -1
        if limit < 0 { limit = Int.max }
        let chars = Array(s.unicodeScalars)
        var parts: [Value] = []
        if let separator {
            if reverse {
                var end = chars.count
                while parts.count < limit, let j = Search.last(separator, in: chars, 0, end) {
                    parts.append(text(chars[(j + separator.count)..<end]))
                    end = j
                }
                parts.append(text(chars[..<end]))
                parts.reverse()
            } else {
                var start = 0
                while parts.count < limit, let j = Search.first(separator, in: chars, start, chars.count) {
                    parts.append(text(chars[start..<j]))
                    start = j + separator.count
                }
                parts.append(text(chars[start...]))
            }
            return .list(PyList(parts))
        }
        let space = UnicodeData.isSpace
        if reverse {
            var i = chars.count - 1
            var cuts = 0
            while cuts < limit {
                while i >= 0 && space(chars[i]) { i -= 1 }
                if i < 0 { break }
                let j = i
                while i >= 0 && !space(chars[i]) { i -= 1 }
                parts.append(text(chars[(i + 1)...j]))
                cuts += 1
            }
            if i >= 0 {
                while i >= 0 && space(chars[i]) { i -= 1 }
                if i >= 0 { parts.append(text(chars[...i])) }
            }
            parts.reverse()
        } else {
            var i = 0
            var cuts = 0
            while cuts < limit {
                while i < chars.count && space(chars[i]) { i += 1 }
                if i == chars.count { break }
                let j = i
                while i < chars.count && !space(chars[i]) { i += 1 }
                parts.append(text(chars[j..<i]))
                cuts += 1
            }
            if i < chars.count {
                while i < chars.count && space(chars[i]) { i += 1 }
                if i < chars.count { parts.append(text(chars[i...])) }
            }
        }
        return .list(PyList(parts))
    }

    /// Lines cut at \n \r \r\n \v \f \x1c \x1d \x1e \x85 \u2028 \u2029, with their ends if `keepends`.
    private static func splitlines(_ s: String, _ a: Arguments, _ context: any Context) throws -> Value {
        let slots = try StrArguments.keywords("splitlines", a, ["keepends"])
        let keepends = try slots[0].map { try StrArguments.index($0, context) != 0 } ?? false
        let chars = Array(s.unicodeScalars)
        var lines: [Value] = []
        var i = 0
        while i < chars.count {
            let start = i
            while i < chars.count && !UnicodeData.isLineBreak(chars[i]) { i += 1 }
            var lineEnd = i
            if i < chars.count {
                if chars[i] == "\r" && i + 1 < chars.count && chars[i + 1] == "\n" { i += 2 } else { i += 1 }
                if keepends { lineEnd = i }
            }
            lines.append(text(chars[start..<lineEnd]))
        }
        return .list(PyList(lines))
    }

    private static func partition(_ name: String, _ s: String, _ a: Arguments, reverse: Bool) throws -> Value {
        let sep = Array(try StrArguments.string(try StrArguments.one(name, a)).unicodeScalars)
        if sep.isEmpty { throw PyError.value("empty separator") }
        let chars = Array(s.unicodeScalars)
        let found = reverse ? Search.last(sep, in: chars, 0, chars.count) : Search.first(sep, in: chars, 0, chars.count)
        guard let j = found else {
            return reverse ? .tuple([.str(""), .str(""), .str(s)]) : .tuple([.str(s), .str(""), .str("")])
        }
        return .tuple([text(chars[..<j]), text(chars[j..<(j + sep.count)]), text(chars[(j + sep.count)...])])
    }

    private static func join(_ s: String, _ a: Arguments, _ context: any Context) throws -> Value {
        let iterable = try StrArguments.one("join", a)
        let items: [Value]
        do {
            items = try context.iterate(iterable)
        } catch let error as PyError where error.exceptionType == "TypeError" {
            throw PyError.type("can only join an iterable")
        }
        var out = ""
        for (i, item) in items.enumerated() {
            guard case .str(let piece) = item else {
                throw PyError.type("sequence item \(i): expected str instance, \(item.typeName) found")
            }
            if i > 0 { out += s }
            out += piece
        }
        return .str(out)
    }
}
