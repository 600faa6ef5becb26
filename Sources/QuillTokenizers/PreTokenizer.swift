// Pre-tokenizers from tokenizer.json: they cut a normalized piece into words for the model.
// Mirrors tokenizers/src/pre_tokenizers/{bert,byte_level,whitespace,punctuation,split,sequence,metaspace}.rs and the
// SplitDelimiterBehavior rules in tokenizers/src/tokenizer/normalizer.rs. Empty pieces are always dropped.

/// How the matched delimiters of a split are kept (Rust `SplitDelimiterBehavior`).
enum SplitBehavior: String, Sendable {
    case removed = "Removed"
    case isolated = "Isolated"
    case mergedWithPrevious = "MergedWithPrevious"
    case mergedWithNext = "MergedWithNext"
    case contiguous = "Contiguous"

    /// Applies the behavior to segments that cover a piece in order; returns the kept ranges.
    func apply(_ segments: [(range: Range<Int>, isMatch: Bool)]) -> [Range<Int>] {
        var out: [(Range<Int>, Bool)] = []
        switch self {
        case .removed:
            return segments.filter { !$0.isMatch }.map(\.range)
        case .isolated:
            return segments.map(\.range)
        case .mergedWithPrevious:
            var previousMatch = false
            for s in segments {
                if s.isMatch && !previousMatch, let last = out.last {
                    out[out.count - 1].0 = last.0.lowerBound..<s.range.upperBound
                } else {
                    out.append((s.range, false))
                }
                previousMatch = s.isMatch
            }
        case .mergedWithNext:
            var previousMatch = false
            for s in segments.reversed() {
                if s.isMatch && !previousMatch, let last = out.last {
                    out[out.count - 1].0 = s.range.lowerBound..<last.0.upperBound
                } else {
                    out.append((s.range, false))
                }
                previousMatch = s.isMatch
            }
            out.reverse()
        case .contiguous:
            var previousMatch = false
            for s in segments {
                if s.isMatch == previousMatch, let last = out.last {
                    out[out.count - 1].0 = last.0.lowerBound..<s.range.upperBound
                } else {
                    out.append((s.range, false))
                }
                previousMatch = s.isMatch
            }
        }
        return out.map(\.0)
    }
}

/// A pre-tokenizer. Input: one normalized piece; output: the words, in order.
indirect enum PreTokenizer: Sendable {
    /// Split on whitespace (removed), then isolate every punctuation scalar.
    case bert
    /// GPT-2 byte-level: optional prefix space, the GPT-2 regex split, then bytes mapped to the byte alphabet.
    case byteLevel(addPrefixSpace: Bool, useRegex: Bool)
    /// `\w+|[^\w\s]+`.
    case whitespace
    /// Split on whitespace (removed).
    case whitespaceSplit
    case punctuation(SplitBehavior)
    /// Split on a literal string.
    case split(pattern: [Unicode.Scalar], behavior: SplitBehavior)
    case sequence([PreTokenizer])
    case metaspace(Metaspace)

    static let supportedTypes = ["BertPreTokenizer", "ByteLevel", "Whitespace", "WhitespaceSplit", "Punctuation",
                                 "Split (String pattern, invert false)", "Sequence", "Metaspace"]

    /// The words of `pieces`. `firstAtTextStart`: `pieces[0]` begins at offset 0 of the original input (Metaspace's
    /// `prepend_scheme: first` prepends only there).
    func preTokenize(_ pieces: [[Unicode.Scalar]], firstAtTextStart: Bool = false) -> [[Unicode.Scalar]] {
        run(pieces, firstAtTextStart: firstAtTextStart).words
    }

    /// The words, and whether the first of them still begins at the start of the input: it does when it begins at
    /// index 0 of a first piece that did. (Rust tracks original offsets through the normalizer; here a normalizer
    /// that inserted or removed scalars at the very start is assumed not to have moved offset 0.)
    private func run(_ pieces: [[Unicode.Scalar]],
                     firstAtTextStart: Bool) -> (words: [[Unicode.Scalar]], firstAtTextStart: Bool) {
        switch self {
        case let .byteLevel(addPrefixSpace, useRegex):
            let words = pieces.flatMap { ByteLevel.preTokenize($0, addPrefixSpace: addPrefixSpace, useRegex: useRegex) }
            return (words, false)
        case .sequence(let list):
            var state = (words: pieces.filter { !$0.isEmpty },
                         firstAtTextStart: firstAtTextStart && pieces.first?.isEmpty == false)
            for preTokenizer in list { state = preTokenizer.run(state.words, firstAtTextStart: state.firstAtTextStart) }
            return state
        case .metaspace(let metaspace):
            var out: [[Unicode.Scalar]] = []
            for (i, piece) in pieces.enumerated() {
                out.append(contentsOf: metaspace.preTokenize(piece, atTextStart: i == 0 && firstAtTextStart))
            }
            return (out, firstAtTextStart && pieces.first?.isEmpty == false)
        default:
            var out: [[Unicode.Scalar]] = []
            var start = false
            for (i, piece) in pieces.enumerated() where !piece.isEmpty {
                for range in ranges(in: piece) where !range.isEmpty {
                    if out.isEmpty { start = i == 0 && firstAtTextStart && range.lowerBound == 0 }
                    out.append(Array(piece[range]))
                }
            }
            return (out, start)
        }
    }

    /// The word ranges of one piece (for the splitting pre-tokenizers; unused for byteLevel, sequence, metaspace).
    private func ranges(in s: [Unicode.Scalar]) -> [Range<Int>] {
        switch self {
        case .bert:
            return SplitBehavior.isolated.apply(segments(s, removingWhitespace: true) { $0.isBertPunctuation })
        case .whitespaceSplit:
            return SplitBehavior.removed.apply(runs(s) { $0.isWhiteSpace })
        case .punctuation(let behavior):
            return behavior.apply(segments(s, removingWhitespace: false) { $0.isBertPunctuation })
        case .whitespace:
            var result: [Range<Int>] = []
            var i = 0
            while i < s.count {
                if s[i].isWhiteSpace { i += 1; continue }
                let word = s[i].isRegexWordCharacter
                var j = i + 1
                while j < s.count && !s[j].isWhiteSpace && s[j].isRegexWordCharacter == word { j += 1 }
                result.append(i..<j)
                i = j
            }
            return result
        case let .split(pattern, behavior):
            guard !pattern.isEmpty else { return [0..<s.count] }
            var segs: [(range: Range<Int>, isMatch: Bool)] = []
            var start = 0, i = 0
            while i + pattern.count <= s.count {
                if s[i] == pattern[0] && s[i..<(i + pattern.count)].elementsEqual(pattern) {
                    if start < i { segs.append((start..<i, false)) }
                    segs.append((i..<(i + pattern.count), true))
                    i += pattern.count
                    start = i
                } else {
                    i += 1
                }
            }
            if start < s.count { segs.append((start..<s.count, false)) }
            return behavior.apply(segs)
        case .byteLevel, .sequence, .metaspace:
            return []
        }
    }
}

/// Maximal runs of scalars that do / do not satisfy `isMatch` (a match run is one segment).
private func runs(_ s: [Unicode.Scalar], _ isMatch: (Unicode.Scalar) -> Bool) -> [(range: Range<Int>, isMatch: Bool)] {
    var out: [(range: Range<Int>, isMatch: Bool)] = []
    var i = 0
    while i < s.count {
        let m = isMatch(s[i])
        var j = i + 1
        while j < s.count && isMatch(s[j]) == m { j += 1 }
        out.append((i..<j, m))
        i = j
    }
    return out
}

/// Segments where every scalar satisfying `isMatch` is its own match (Rust's `Fn(char) -> bool` pattern).
/// With `removingWhitespace`, whitespace is dropped first (BertPreTokenizer's whitespace split).
private func segments(_ s: [Unicode.Scalar], removingWhitespace: Bool,
                      _ isMatch: (Unicode.Scalar) -> Bool) -> [(range: Range<Int>, isMatch: Bool)] {
    var out: [(range: Range<Int>, isMatch: Bool)] = []
    var i = 0
    while i < s.count {
        if removingWhitespace && s[i].isWhiteSpace { i += 1; continue }
        if isMatch(s[i]) {
            out.append((i..<(i + 1), true))
            i += 1
            continue
        }
        var j = i + 1
        while j < s.count && !isMatch(s[j]) && !(removingWhitespace && s[j].isWhiteSpace) { j += 1 }
        out.append((i..<j, false))
        i = j
    }
    return out
}
