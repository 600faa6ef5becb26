// The regular expressions of `Replace` normalizers (`"pattern": {"Regex": ...}`), which the Rust tokenizers run with
// Oniguruma. SentencePiece conversions use only a few: " {2,}" (XLM-R, Albert, T5 ...), "\A +| +\z" and "\A▁"
// (transformers' SpmConverter). Rather than a regex engine, this is the small subset those need, matched as
// Oniguruma matches it (leftmost match; alternatives tried in order; greedy quantifiers that back off):
//   literal scalars, `\` + punctuation or \t \n \r \f \v as literals, the anchors \A and \z, the quantifiers
//   * + ? {n} {n,} {n,m} on a literal, and | between alternatives.
// Anything else (classes, groups, \s, ^, $, lazy quantifiers, patterns that can match the empty string) is refused
// when the file is loaded, naming the pattern.

import QuillJSON

/// A compiled pattern of the supported subset.
struct ReplaceRegex: Sendable {
    enum Atom: Sendable, Equatable {
        case literal(Unicode.Scalar, min: Int, max: Int)
        case textStart
        case textEnd
    }

    let alternatives: [[Atom]]

    /// Compiles `pattern`, or throws a reason that says what is not supported.
    init(_ pattern: String) throws(ReplaceRegexError) {
        var alternatives: [[Atom]] = [[]]
        var scalars = Array(pattern.unicodeScalars)[...]
        while let c = scalars.popFirst() {
            switch c {
            case "|":
                alternatives.append([])
            case "\\":
                guard let e = scalars.popFirst() else { throw ReplaceRegexError("a trailing backslash") }
                switch e {
                case "A": alternatives[alternatives.count - 1].append(.textStart)
                case "z": alternatives[alternatives.count - 1].append(.textEnd)
                case "t": alternatives[alternatives.count - 1].append(.literal("\t", min: 1, max: 1))
                case "n": alternatives[alternatives.count - 1].append(.literal("\n", min: 1, max: 1))
                case "r": alternatives[alternatives.count - 1].append(.literal("\r", min: 1, max: 1))
                case "f": alternatives[alternatives.count - 1].append(.literal("\u{0C}", min: 1, max: 1))
                case "v": alternatives[alternatives.count - 1].append(.literal("\u{0B}", min: 1, max: 1))
                default:
                    guard e.isASCII, !e.properties.isAlphabetic, !("0"..."9").contains(e) else {
                        throw ReplaceRegexError("the escape \\\(e)")
                    }
                    alternatives[alternatives.count - 1].append(.literal(e, min: 1, max: 1))
                }
            case "*", "+", "?", "{":
                guard case .literal(let l, 1, 1)? = alternatives[alternatives.count - 1].last else {
                    throw ReplaceRegexError("a quantifier '\(c)' that does not follow a single literal")
                }
                var bounds: (Int, Int)
                switch c {
                case "*": bounds = (0, Int.max)
                case "+": bounds = (1, Int.max)
                case "?": bounds = (0, 1)
                default: bounds = try ReplaceRegex.braces(&scalars)
                }
                if let next = scalars.first, next == "?" || next == "+" {
                    throw ReplaceRegexError("a lazy or possessive quantifier")
                }
                alternatives[alternatives.count - 1][alternatives[alternatives.count - 1].count - 1] =
                    .literal(l, min: bounds.0, max: bounds.1)
            case "^", "$", ".", "(", ")", "[", "]", "}":
                throw ReplaceRegexError("'\(c)'")
            default:
                alternatives[alternatives.count - 1].append(.literal(c, min: 1, max: 1))
            }
        }
        for alternative in alternatives {
            let consumes = alternative.contains { if case .literal(_, let m, _) = $0 { m > 0 } else { false } }
            guard consumes else { throw ReplaceRegexError("an alternative that can match the empty string") }
        }
        self.alternatives = alternatives
    }

    /// `{n}`, `{n,}` or `{n,m}` after the `{`.
    private static func braces(_ s: inout ArraySlice<Unicode.Scalar>) throws(ReplaceRegexError) -> (Int, Int) {
        guard let close = s.firstIndex(of: "}") else { throw ReplaceRegexError("an unclosed '{'") }
        let body = String(String.UnicodeScalarView(s[s.startIndex..<close]))
        s = s[(close + 1)...]
        let parts = body.split(separator: ",", omittingEmptySubsequences: false)
        guard let low = Int(parts[0]), parts.count <= 2 else { throw ReplaceRegexError("the quantifier {\(body)}") }
        if parts.count == 1 { return (low, low) }
        if parts[1].isEmpty { return (low, Int.max) }
        guard let high = Int(parts[1]), high >= low else { throw ReplaceRegexError("the quantifier {\(body)}") }
        return (low, high)
    }

    /// Every match, left to right, not overlapping (all are non-empty).
    func matches(in s: [Unicode.Scalar]) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var position = 0
        search: while position < s.count {
            for alternative in alternatives {
                if let end = match(alternative[...], s, at: position) {
                    found.append(position..<end)
                    position = end
                    continue search
                }
            }
            position += 1
        }
        return found
    }

    /// The end of the first way `atoms` match at `p`, trying longer repetitions first.
    private func match(_ atoms: ArraySlice<Atom>, _ s: [Unicode.Scalar], at p: Int) -> Int? {
        guard let atom = atoms.first else { return p }
        let rest = atoms.dropFirst()
        switch atom {
        case .textStart: return p == 0 ? match(rest, s, at: p) : nil
        case .textEnd: return p == s.count ? match(rest, s, at: p) : nil
        case let .literal(c, low, high):
            var n = 0
            while n < high && p + n < s.count && s[p + n] == c { n += 1 }
            guard n >= low else { return nil }
            // Followed by \z, only the run that reaches the end can match (saves quadratic back-off in space runs).
            if rest.first == .textEnd { return p + n == s.count ? match(rest, s, at: p + n) : nil }
            for taken in stride(from: n, through: low, by: -1) {
                if let end = match(rest, s, at: p + taken) { return end }
            }
            return nil
        }
    }

    /// `s` with every match replaced by `content`.
    func replace(in s: [Unicode.Scalar], with content: [Unicode.Scalar]) -> [Unicode.Scalar] {
        let found = matches(in: s)
        guard !found.isEmpty else { return s }
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(s.count)
        var last = 0
        for range in found {
            out.append(contentsOf: s[last..<range.lowerBound])
            out.append(contentsOf: content)
            last = range.upperBound
        }
        out.append(contentsOf: s[last...])
        return out
    }
}

/// Why a pattern is outside the supported subset.
struct ReplaceRegexError: Error {
    var reason: String
    init(_ reason: String) { self.reason = reason }
}

extension ReplaceRegex {
    /// `{"type": "Replace", "pattern": {"Regex": " {2,}"}, "content": " "}`.
    static func decodeReplace(_ o: JSONObject, _ field: String, _ r: FieldReader) throws(TokenizerError) -> Normalizer {
        let pattern = try r.string(r.object(o["pattern"], field + ".pattern")["Regex"], field + ".pattern.Regex")
        let regex: ReplaceRegex
        do { regex = try ReplaceRegex(pattern) } catch {
            throw .invalidField(file: r.file, field: field + ".pattern.Regex",
                                reason: "unsupported regex '\(pattern)': \(error.reason) is outside the supported subset "
                                    + "(literals, \\A, \\z, * + ? {n} {n,} {n,m} on a literal, |)")
        }
        return .replaceRegex(regex, content: Array(try r.string(o["content"], field + ".content").unicodeScalars))
    }
}
