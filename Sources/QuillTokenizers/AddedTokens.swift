// Added (and special) tokens, matched in the text before the model sees it.
// Mirrors tokenizers/src/tokenizer/added_vocabulary.rs: tokens with normalized=false are found in the raw text,
// the others in the normalized text (their content normalized the same way); matching is leftmost-longest and
// non-overlapping (aho-corasick LeftmostLongest), then single_word, lstrip and rstrip are honoured.
// A literal "[SEP]" or "<mask>" in user text therefore becomes the special id, as in Hugging Face by default.

/// One entry of tokenizer.json's `added_tokens`.
struct AddedToken: Sendable {
    var id: Int32
    var content: [Unicode.Scalar]
    var singleWord = false
    var leftStrip = false
    var rightStrip = false
    var normalized = false
    var special = false
}

/// A piece of text after added-token extraction: either an added token's id or text still to tokenize.
enum Segment {
    case token(Int32)
    case text([Unicode.Scalar])
}

/// A trie over scalars for leftmost-longest matching. Matching costs O(n × longest token).
struct AddedTokenMatcher: Sendable {
    private struct Node: Sendable {
        var children: [UInt32: Int32] = [:]
        var tokenIndex: Int32 = -1
    }

    private var nodes: [Node] = [Node()]
    let tokens: [AddedToken]

    /// `patterns[i]` is what to look for for `tokens[i]` (its content, normalized where the token asks for it).
    init(tokens: [AddedToken], patterns: [[Unicode.Scalar]]) {
        self.tokens = tokens
        for (index, pattern) in patterns.enumerated() where !pattern.isEmpty {
            var node = 0
            for c in pattern {
                if let child = nodes[node].children[c.value] {
                    node = Int(child)
                } else {
                    nodes.append(Node())
                    nodes[node].children[c.value] = Int32(nodes.count - 1)
                    node = nodes.count - 1
                }
            }
            // The first token with a given pattern wins, as in aho-corasick.
            if nodes[node].tokenIndex < 0 { nodes[node].tokenIndex = Int32(index) }
        }
    }

    var isEmpty: Bool { nodes[0].children.isEmpty }

    /// The longest token starting at `i`: (token index, end).
    private func longestMatch(in s: [Unicode.Scalar], at i: Int) -> (Int, Int)? {
        var node = 0
        var best: (Int, Int)?
        var j = i
        while j < s.count, let child = nodes[node].children[s[j].value] {
            node = Int(child)
            j += 1
            if nodes[node].tokenIndex >= 0 { best = (Int(nodes[node].tokenIndex), j) }
        }
        return best
    }

    /// Splits `s` into added tokens and the text between them (the text pieces may be empty; callers skip them).
    func split(_ s: [Unicode.Scalar]) -> [Segment] {
        if isEmpty || s.isEmpty { return [.text(s)] }
        var segments: [Segment] = []
        var startOffset = 0
        var i = 0
        while i < s.count {
            guard let (index, matchEnd) = longestMatch(in: s, at: i) else {
                i += 1
                continue
            }
            // Like aho-corasick's find_iter, the search goes on after the match even if it is discarded below.
            var start = i
            var stop = matchEnd
            i = matchEnd
            let token = tokens[index]
            if token.singleWord {
                let wordBefore = start > 0 && s[start - 1].isRegexWordCharacter
                let wordAfter = stop < s.count && s[stop].isRegexWordCharacter
                if wordBefore || wordAfter { continue }
            }
            if token.leftStrip {
                // Spaces already taken by the previous match stay with it.
                while start > startOffset && s[start - 1].isWhiteSpace { start -= 1 }
            }
            if token.rightStrip {
                while stop < s.count && s[stop].isWhiteSpace { stop += 1 }
                i = max(i, stop)
            }
            if startOffset < start { segments.append(.text(Array(s[startOffset..<start]))) }
            segments.append(.token(token.id))
            startOffset = stop
        }
        if startOffset < s.count { segments.append(.text(Array(s[startOffset..<s.count]))) }
        return segments
    }

}
