// "did you mean 'sentences'?": the closest known name to a misspelt one, by an edit distance in which a change of
// letter case costs half a substitution (the rule CPython uses for its own suggestions).

enum Suggestions {
    static func closest(to name: String, among candidates: [String]) -> String? {
        let target = Array(name.unicodeScalars)
        var best: (name: String, distance: Int)?
        for candidate in candidates.sorted() where candidate != name {
            let other = Array(candidate.unicodeScalars)
            var limit = (target.count + other.count + 3) * 2 / 6
            if let best { limit = min(limit, best.distance - 1) }
            guard limit >= 0 else { continue }
            let d = distance(target, other)
            if d <= limit { best = (candidate, d) }
        }
        return best?.name
    }

    /// Levenshtein distance with substitutions and insertions costing 2, a case-only change 1.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty || b.isEmpty { return (a.count + b.count) * 2 }
        var previous = (0...b.count).map { $0 * 2 }
        var current = previous
        for i in 1...a.count {
            current[0] = i * 2
            for j in 1...b.count {
                let substitution: Int
                if a[i - 1] == b[j - 1] {
                    substitution = 0
                } else if a[i - 1].properties.lowercaseMapping == b[j - 1].properties.lowercaseMapping {
                    substitution = 1
                } else {
                    substitution = 2
                }
                current[j] = min(previous[j - 1] + substitution, previous[j] + 2, current[j - 1] + 2)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
