// WordPiece model: greedy longest-match-first from the left, continuations prefixed ("##").
// Mirrors tokenizers/src/models/wordpiece/mod.rs: a word longer than max_input_chars_per_word (counted in chars)
// is the unknown token, and if any piece of a word has no match, the whole word is one unknown token.

struct WordPiece: Sendable {
    /// Token bytes (UTF-8) -> id. Keyed by bytes: Swift String equality would merge canonically equivalent tokens.
    let vocab: [[UInt8]: Int32]
    let unknownId: Int32
    let continuingSubwordPrefix: [UInt8]
    let maxInputCharsPerWord: Int
    /// The longest vocabulary entry in bytes: no longer candidate can match, so the search starts there.
    let maxTokenBytes: Int

    init(vocab: [[UInt8]: Int32], unknownToken: String, continuingSubwordPrefix: String, maxInputCharsPerWord: Int,
         file: String) throws(TokenizerError) {
        guard let unk = vocab[Array(unknownToken.utf8)] else {
            throw .missingUnknownToken(file: file, token: unknownToken)
        }
        self.vocab = vocab
        self.unknownId = unk
        self.continuingSubwordPrefix = Array(continuingSubwordPrefix.utf8)
        self.maxInputCharsPerWord = maxInputCharsPerWord
        self.maxTokenBytes = vocab.keys.map(\.count).max() ?? 0
    }

    func tokenize(_ word: [Unicode.Scalar], into ids: inout [Int32]) {
        if word.count > maxInputCharsPerWord {
            ids.append(unknownId)
            return
        }
        // Byte offset of each scalar boundary.
        var bytes: [UInt8] = []
        var offsets: [Int] = [0]
        for c in word {
            appendUTF8(c, to: &bytes)
            offsets.append(bytes.count)
        }
        var pieces: [Int32] = []
        var start = 0
        var candidate: [UInt8] = []
        while start < word.count {
            let prefix = start > 0 ? continuingSubwordPrefix : []
            var end = word.count
            while end > start && offsets[end] - offsets[start] + prefix.count > maxTokenBytes { end -= 1 }
            var found: Int32?
            while end > start {
                candidate.removeAll(keepingCapacity: true)
                candidate.append(contentsOf: prefix)
                candidate.append(contentsOf: bytes[offsets[start]..<offsets[end]])
                if let id = vocab[candidate] {
                    found = id
                    break
                }
                end -= 1
            }
            guard let id = found else {
                ids.append(unknownId)
                return
            }
            pieces.append(id)
            start = end
        }
        ids.append(contentsOf: pieces)
    }
}
