// Notebook diagnostics: errors in a user's notebook, with a source range and an optional hint.

import QuillCommonMark

/// An error or warning at a place in a notebook file, printed like a compiler diagnostic:
/// `demo.md:14:7: error: NameError: name 'sentence' is not defined`, then (for errors in a cell's code) the source
/// line and a caret under the column, then `  hint: did you mean 'sentences'?`.
public struct Diagnostic: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }

    public var severity: Severity
    public var message: String
    public var range: SourceRange
    public var hint: String?
    /// The source line and the caret line under the position (SourceExcerpt), for errors in a cell's code.
    public var excerpt: String?
    /// The notebook path as the user gave it; empty until the runner knows it.
    public var file: String

    public init(_ message: String, at range: SourceRange, hint: String? = nil, severity: Severity = .error,
                file: String = "", excerpt: String? = nil) {
        self.severity = severity
        self.message = message
        self.range = range
        self.hint = hint
        self.file = file
        self.excerpt = excerpt
    }

    public var description: String {
        let place = file.isEmpty ? "\(range.lowerBound)" : "\(file):\(range.lowerBound)"
        return "\(place): \(severity.rawValue): \(message)" + (excerpt.map { "\n" + $0 } ?? "")
            + (hint.map { "\n  hint: \($0)" } ?? "")
    }
}

/// "did you mean" support: the closest candidate within a small edit distance.
public enum Suggest {
    static func closest(to word: String, in candidates: [String]) -> String? {
        let limit = max(1, word.count / 3)
        var best: (String, Int)?
        for candidate in candidates {
            let d = distance(Array(word.lowercased()), Array(candidate.lowercased()))
            let prefix = word.count >= 3 && candidate.lowercased().hasPrefix(word.lowercased()) ? 1 : d
            if min(d, prefix) <= limit, min(d, prefix) < (best?.1 ?? Int.max) { best = (candidate, min(d, prefix)) }
        }
        return best?.0
    }

    static func hint(for word: String, in candidates: [String]) -> String? {
        closest(to: word, in: candidates).map { "did you mean '\($0)'?" }
    }

    /// Levenshtein distance, two rows.
    public static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
