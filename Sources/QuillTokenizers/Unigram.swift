// The Unigram model of tokenizer.json (SentencePiece's unigram language model, XLM-RoBERTa's tokenizer), as the
// Rust tokenizers run it: tokenizers/src/models/unigram/model.rs (`encode_optimized`, `tokenize`) and trie.rs.
//
// Viterbi over UTF-8 byte positions: from each scalar boundary, every vocabulary piece that starts there (found by a
// byte trie, shortest first) offers a path scored by the sum of piece scores; a later candidate replaces the best
// one only when strictly better. A scalar that no single piece covers gets the unknown token at the lowest score
// minus 10. Consecutive unknown pieces are fused into one (fuse_unk is always on); a fused piece that is a vocabulary
// token takes that id, else, with byte_fallback, its bytes as <0xXX> tokens when all exist, else the unknown id.

import QuillJSON

/// A Unigram model.
struct Unigram: Sendable {
    /// Piece bytes to id; with duplicate pieces the last id wins (Rust's `token_to_ids`).
    let vocab: [[UInt8]: Int32]
    private let scores: [Double]
    private let trie: ByteTrie
    let unknownId: Int32?
    let byteFallback: Bool
    /// `min_score - 10`, the score of an unknown piece (K_UNK_PENALTY).
    private let unknownScore: Double
    /// The ids of "<0x00>" ... "<0xFF>" (nil where absent), for byte fallback.
    private let byteIds: [Int32?]

    /// Marks a lattice node that is unknown while the model has no unknown id (Rust fails there).
    private static let unknownWithoutId: Int32 = -2

    /// - Throws: when the vocabulary is empty or `unknownId` is outside it (Rust's EmptyVocabulary and
    ///   UnkIdNotInVocabulary), naming `file`.
    init(pieces: [(token: [UInt8], score: Double)], unknownId: Int32?, byteFallback: Bool,
         file: String) throws(TokenizerError) {
        if let unknownId {
            guard !pieces.isEmpty else {
                throw .invalidField(file: file, field: "model.vocab", reason: "the vocabulary is empty but unk_id is set")
            }
            guard Int(unknownId) < pieces.count else {
                throw .invalidField(file: file, field: "model.unk_id",
                                    reason: "unk_id \(unknownId) is not below the vocabulary size \(pieces.count)")
            }
        }
        var vocab: [[UInt8]: Int32] = [:]
        vocab.reserveCapacity(pieces.count)
        for (id, piece) in pieces.enumerated() { vocab[piece.token] = Int32(id) }
        self.vocab = vocab
        scores = pieces.map(\.score)
        trie = ByteTrie(vocab)
        self.unknownId = unknownId
        self.byteFallback = byteFallback
        unknownScore = (pieces.map(\.score).min() ?? .infinity) - 10
        let hex = Array("0123456789ABCDEF".utf8)
        byteIds = (0..<256).map { b in vocab[Array("<0x".utf8) + [hex[b >> 4], hex[b & 15], UInt8(ascii: ">")]] }
    }

    /// Appends the ids of one word (a pre-token).
    func tokenize(_ word: [Unicode.Scalar], into ids: inout [Int32]) {
        let bytes = word.utf8Bytes
        let n = bytes.count
        guard n > 0 else { return }
        // Best path ending at each byte position: its score, where its last piece starts (-1: none yet), its id.
        var bestScore = [Double](repeating: 0, count: n + 1)
        var startOf = [Int](repeating: -1, count: n + 1)
        var pieceId = [Int32](repeating: 0, count: n + 1)
        func offer(_ start: Int, _ end: Int, _ score: Double, _ id: Int32) {
            if startOf[end] < 0 || score > bestScore[end] {
                bestScore[end] = score
                startOf[end] = start
                pieceId[end] = id
            }
        }
        var start = 0
        while start < n {
            let scoreSoFar = bestScore[start]
            let scalarLength = utf8SequenceLength(bytes[start])
            var coveredByOnePiece = false
            trie.forEachPrefix(of: bytes, from: start) { end, id in
                offer(start, end, scores[Int(id)] + scoreSoFar, id)
                if end - start == scalarLength { coveredByOnePiece = true }
            }
            if !coveredByOnePiece {
                offer(start, min(n, start + scalarLength), unknownScore + scoreSoFar,
                      unknownId ?? Unigram.unknownWithoutId)
            }
            start += scalarLength
        }
        var path: [(range: Range<Int>, id: Int32)] = []
        var end = n
        while end > 0, startOf[end] >= 0 {
            path.append((startOf[end]..<end, pieceId[end]))
            end = startOf[end]
        }
        var unknownRun: Range<Int>?
        for piece in path.reversed() {
            if piece.id == unknownId || piece.id == Unigram.unknownWithoutId {
                unknownRun = (unknownRun?.lowerBound ?? piece.range.lowerBound)..<piece.range.upperBound
                continue
            }
            if let run = unknownRun { appendUnknown(bytes[run], to: &ids) }
            unknownRun = nil
            ids.append(piece.id)
        }
        if let run = unknownRun { appendUnknown(bytes[run], to: &ids) }
    }

    /// A fused run of unknown pieces: its own id if it is a vocabulary piece, else its bytes, else the unknown id.
    /// A model without unk_id that meets an uncovered scalar makes Rust fail the whole encoding (MissingUnkId);
    /// here the run still gets its bytes when byte_fallback has them all, and is dropped otherwise.
    private func appendUnknown(_ run: ArraySlice<UInt8>, to ids: inout [Int32]) {
        if let id = vocab[Array(run)] {
            ids.append(id)
            return
        }
        if byteFallback {
            let bytes = run.compactMap { byteIds[Int($0)] }
            if bytes.count == run.count {
                ids.append(contentsOf: bytes)
                return
            }
        }
        if let unknownId { ids.append(unknownId) }
    }
}

/// The length of the UTF-8 sequence that starts with `lead` (1 for stray continuation bytes, never produced here).
@inline(__always)
func utf8SequenceLength(_ lead: UInt8) -> Int {
    switch lead {
    case 0xF0...: 4
    case 0xE0...: 3
    case 0xC0...: 2
    default: 1
    }
}

extension Unigram {
    /// `{"type": "Unigram", "unk_id": 3, "vocab": [["<s>", 0.0], ...], "byte_fallback": false}`.
    static func decode(_ o: JSONObject, _ r: FieldReader) throws(TokenizerError) -> Unigram {
        let list = try r.array(o["vocab"], "model.vocab")
        var pieces: [(token: [UInt8], score: Double)] = []
        pieces.reserveCapacity(list.count)
        for (i, item) in list.enumerated() {
            guard let pair = item.arrayValue, pair.count == 2, let token = pair[0].stringValue,
                  let score = pair[1].doubleValue, score.isFinite else {
                throw .invalidField(file: r.file, field: "model.vocab[\(i)]", reason: "expected [piece, score]")
            }
            pieces.append((Array(token.utf8), score))
        }
        var unknownId: Int32?
        if let v = o["unk_id"], !v.isNull { unknownId = try r.id(v, "model.unk_id") }
        return try Unigram(pieces: pieces, unknownId: unknownId,
                           byteFallback: try r.bool(o["byte_fallback"], "model.byte_fallback", default: false),
                           file: r.file)
    }
}
