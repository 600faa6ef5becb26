// str's search methods: find rfind index rindex count startswith endswith (with start and end as slice bounds,
// and tuples of prefixes), replace (with a count), removeprefix and removesuffix. Matching is by code points.

extension StrMethods {
    static let searchMethods: [String: Method] = [
        "find": { s, a, c in .int(try find("find", s, a, c, reverse: false) ?? -1) },
        "rfind": { s, a, c in .int(try find("rfind", s, a, c, reverse: true) ?? -1) },
        "index": { s, a, c in .int(try foundOrRaise(find("index", s, a, c, reverse: false))) },
        "rindex": { s, a, c in .int(try foundOrRaise(find("rindex", s, a, c, reverse: true))) },
        "count": { s, a, c in .int(try count(s, a, c)) },
        "startswith": { s, a, c in .bool(try affix("startswith", s, a, c, atEnd: false)) },
        "endswith": { s, a, c in .bool(try affix("endswith", s, a, c, atEnd: true)) },
        "replace": { s, a, c in .str(try replace(s, a, c)) },
        "removeprefix": { s, a, _ in
            let prefix = try StrArguments.string(try StrArguments.one("removeprefix", a),
                                                 "removeprefix() argument must be str, not \(a.positional.first?.typeName ?? "")")
            let text = Array(s.unicodeScalars), p = Array(prefix.unicodeScalars)
            return .str(text.starts(with: p) ? String(String.UnicodeScalarView(text[p.count...])) : s)
        },
        "removesuffix": { s, a, _ in
            let suffix = try StrArguments.string(try StrArguments.one("removesuffix", a),
                                                 "removesuffix() argument must be str, not \(a.positional.first?.typeName ?? "")")
            let text = Array(s.unicodeScalars), p = Array(suffix.unicodeScalars)
            let matches = !p.isEmpty && text.count >= p.count && text[(text.count - p.count)...].elementsEqual(p)
            return .str(matches ? String(String.UnicodeScalarView(text[..<(text.count - p.count)])) : s)
        },
    ]

    private static func foundOrRaise(_ index: Int?) throws -> Int {
        guard let index else { throw PyError.value("substring not found") }
        return index
    }

    /// The first (or last) index of `sub` within s[start:end].
    private static func find(_ name: String, _ s: String, _ a: Arguments, _ context: any Context,
                             reverse: Bool) throws -> Int? {
        let args = try StrArguments.search(name, a)
        let sub = Array(try StrArguments.string(args[0]).unicodeScalars)
        let text = Array(s.unicodeScalars)
        let (start, end) = StrArguments.bounds(try StrArguments.sliceIndex(args[safe: 1], context),
                                               try StrArguments.sliceIndex(args[safe: 2], context), count: text.count)
        return reverse ? Search.last(sub, in: text, start, end) : Search.first(sub, in: text, start, end)
    }

    private static func count(_ s: String, _ a: Arguments, _ context: any Context) throws -> Int {
        let args = try StrArguments.search("count", a)
        let sub = Array(try StrArguments.string(args[0]).unicodeScalars)
        let text = Array(s.unicodeScalars)
        let (start, end) = StrArguments.bounds(try StrArguments.sliceIndex(args[safe: 1], context),
                                               try StrArguments.sliceIndex(args[safe: 2], context), count: text.count)
        if start > end { return 0 }
        if sub.isEmpty { return end - start + 1 }
        var n = 0
        var i = start
        while let j = Search.first(sub, in: text, i, end) {
            n += 1
            i = j + sub.count
        }
        return n
    }

    /// startswith/endswith: a str or a tuple of str, within s[start:end].
    private static func affix(_ name: String, _ s: String, _ a: Arguments, _ context: any Context,
                              atEnd: Bool) throws -> Bool {
        let args = try StrArguments.search(name, a)
        let candidates: [Value]
        switch args[0] {
        case .str: candidates = [args[0]]
        case .tuple(let items): candidates = items
        default: throw PyError.type("\(name) first arg must be str or a tuple of str, not \(args[0].typeName)")
        }
        let text = Array(s.unicodeScalars)
        let (start, end) = StrArguments.bounds(try StrArguments.sliceIndex(args[safe: 1], context),
                                               try StrArguments.sliceIndex(args[safe: 2], context), count: text.count)
        for candidate in candidates {
            guard case .str(let affix) = candidate else {
                throw PyError.type("tuple for \(name) must only contain str, not \(candidate.typeName)")
            }
            let p = Array(affix.unicodeScalars)
            guard end - start >= p.count else { continue }
            let from = atEnd ? end - p.count : start
            if text[from..<(from + p.count)].elementsEqual(p) { return true }
        }
        return false
    }

    /// replace(old, new[, count]): every (or the first `count`) non-overlapping occurrence, left to right; an
    /// empty `old` inserts `new` around every code point.
    private static func replace(_ s: String, _ a: Arguments, _ context: any Context) throws -> String {
        let args = try StrArguments.positional("replace", a, 2, 3)
        let old = Array(try StrArguments.string(args[0], "replace() argument 1 must be str, not \(args[0].typeName)").unicodeScalars)
        let new = try StrArguments.string(args[1], "replace() argument 2 must be str, not \(args[1].typeName)").unicodeScalars
        var limit = args.count > 2 ? try StrArguments.index(args[2], context) : -1
        if limit < 0 { limit = Int.max }
        let text = Array(s.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        var done = 0
        if old.isEmpty {
            let insertions = min(limit, text.count + 1)
            if insertions > 1 << 12 { try context.reserve(text.count + insertions * new.count) }
            while done < insertions {
                out.append(contentsOf: new)
                if i < text.count { out.append(text[i]) }
                i += 1
                done += 1
            }
            if i < text.count { out.append(contentsOf: text[i...]) }
            return String(out)
        }
        while done < limit, let j = Search.first(old, in: text, i, text.count) {
            out.append(contentsOf: text[i..<j])
            out.append(contentsOf: new)
            i = j + old.count
            done += 1
        }
        out.append(contentsOf: text[i...])
        return String(out)
    }
}

/// Substring search over code points.
enum Search {
    /// The first i in start...end-n with text[i..<i+n] == sub.
    static func first(_ sub: [Unicode.Scalar], in text: [Unicode.Scalar], _ start: Int, _ end: Int) -> Int? {
        guard end - start >= sub.count else { return nil }
        guard let head = sub.first else { return start }
        var i = start
        let last = end - sub.count
        while i <= last {
            if text[i] == head && text[i..<(i + sub.count)].elementsEqual(sub) { return i }
            i += 1
        }
        return nil
    }

    /// The last such i.
    static func last(_ sub: [Unicode.Scalar], in text: [Unicode.Scalar], _ start: Int, _ end: Int) -> Int? {
        guard end - start >= sub.count else { return nil }
        var i = end - sub.count
        while i >= start {
            if text[i..<(i + sub.count)].elementsEqual(sub) { return i }
            i -= 1
        }
        return nil
    }
}

extension Array {
    fileprivate subscript(safe i: Int) -> Element? { i >= 0 && i < count ? self[i] : nil }
}
