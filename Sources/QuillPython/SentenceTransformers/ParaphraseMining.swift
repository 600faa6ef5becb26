// util.paraphrase_mining and paraphrase_mining_embeddings: the highest-scoring pairs (i < j) among all sentences,
// as sentence-transformers 6.2 mines them. Per query chunk, each query's top_k + 1 neighbours over the corpus
// chunks (torch.topk, sorted, merged across chunks with a second topk); itself dropped; each pair kept once in a
// min-heap of at most max_pairs (score, i, j) tuples, with min_score raised on eviction; finally sorted by score,
// descending and stable. Returns [[score, i, j], ...] with Python floats and ints.

enum ParaphraseMining {
    static let embeddingsSignature = Signature("paraphrase_mining_embeddings",
        ["embeddings", "query_chunk_size", "corpus_chunk_size", "max_pairs", "top_k", "score_function"], required: 1)
    static let signature = Signature("paraphrase_mining",
        ["model", "sentences", "show_progress_bar", "batch_size", "query_chunk_size", "corpus_chunk_size", "max_pairs",
         "top_k", "score_function", "truncate_dim", "prompt_name", "prompt"], required: 2)

    static func functions() -> [String: Value] {
        let mining = LibraryFunction("paraphrase_mining") { arguments, context in
            let b = try BoundArguments(signature, arguments)
            let model = b["model"] ?? .none
            // model.encode(sentences, show_progress_bar=..., batch_size=..., convert_to_tensor=True, truncate_dim=...,
            // prompt_name=..., prompt=...)
            let encode = try context.attribute(model, "encode")
            let keywords: [(name: String, value: Value)] = [
                ("show_progress_bar", b["show_progress_bar"] ?? .bool(false)), ("batch_size", b["batch_size"] ?? .int(32)),
                ("convert_to_tensor", .bool(true)), ("truncate_dim", b["truncate_dim"] ?? .none),
                ("prompt_name", b["prompt_name"] ?? .none), ("prompt", b["prompt"] ?? .none)]
            let embeddings = try context.call(encode, Arguments([b["sentences"] ?? .none], keywords: keywords))
            return try mine(embeddings, b, context)
        }
        let embeddings = LibraryFunction("paraphrase_mining_embeddings") { arguments, context in
            let b = try BoundArguments(embeddingsSignature, arguments)
            return try mine(b["embeddings"] ?? .none, b, context)
        }
        return ["paraphrase_mining": .object(mining), "paraphrase_mining_embeddings": .object(embeddings)]
    }

    private static func mine(_ embeddings: Value, _ b: BoundArguments, _ context: any Context) throws -> Value {
        let pairs = try mine(try TensorOperand.from(embeddings, context),
                             queryChunkSize: try b.int("query_chunk_size", 5000, context),
                             corpusChunkSize: try b.int("corpus_chunk_size", 100_000, context),
                             maxPairs: try b.int("max_pairs", 500_000, context), topK: try b.int("top_k", 100, context),
                             score: ScoreFunction(b["score_function"]), context)
        return .list(PyList(pairs.map { .list(PyList([.float($0.score), .int($0.i), .int($0.j)])) }))
    }

    struct Pair: Hashable {
        var score: Double
        var i: Int
        var j: Int
    }

    /// Python's `<` on (score, i, j) tuples.
    static func pairLess(_ a: Pair, _ b: Pair) -> Bool {
        if !(a.score == b.score) { return a.score < b.score }
        return a.i != b.i ? a.i < b.i : a.j < b.j
    }

    struct Ids: Hashable { var i: Int; var j: Int }

    static func mine(_ embeddings: TensorOperand, queryChunkSize: Int, corpusChunkSize: Int, maxPairs: Int, topK: Int,
                     score: ScoreFunction, _ context: any Context) throws -> [Pair] {
        guard queryChunkSize > 0, corpusChunkSize > 0 else { throw PyError.value("range() arg 3 must not be zero") }
        let count = embeddings.shape.first ?? 0
        var heap = PythonHeap<Pair>(less: pairLess)
        var queued = Set<Ids>()
        var minScore = -Double.infinity
        for queryStart in stride(from: 0, to: count, by: queryChunkSize) {
            let queryEnd = min(queryStart + queryChunkSize, count)
            let queries = SemanticSearch.rows(embeddings, queryStart, queryEnd)
            let best = try neighbours(queries, embeddings, count: count, corpusChunkSize: corpusChunkSize, topK: topK,
                                      score: score, context)
            for (r, entries) in best.enumerated() {
                let i = queryStart + r
                for entry in entries.filter({ $0.index != i }).prefix(max(topK, 0)) {
                    if entry.value <= minScore { continue }
                    let ids = Ids(i: min(i, entry.index), j: max(i, entry.index))
                    if queued.contains(ids) { continue }
                    queued.insert(ids)
                    let pair = Pair(score: entry.value, i: ids.i, j: ids.j)
                    if heap.count < maxPairs {
                        heap.push(pair)
                    } else {
                        let evicted = heap.pushPop(pair)
                        queued.remove(Ids(i: evicted.i, j: evicted.j))
                        minScore = evicted.score
                    }
                }
            }
        }
        try context.reserve(heap.count * 4)
        return PythonSort.sortedDescending(heap.items, key: \.score)
    }

    /// Each query's top_k + 1 entries over the whole corpus, chunk by chunk: topk of each chunk, then topk of the
    /// concatenation of the running best and the chunk's best (torch.cat + torch.topk + torch.gather).
    private static func neighbours(_ queries: TensorOperand, _ corpus: TensorOperand, count: Int, corpusChunkSize: Int,
                                   topK: Int, score: ScoreFunction, _ context: any Context) throws -> [[TorchTopK.Entry]] {
        var best: [[TorchTopK.Entry]]? = nil
        for corpusStart in stride(from: 0, to: count, by: corpusChunkSize) {
            try context.checkDeadline()
            let chunk = SemanticSearch.rows(corpus, corpusStart, min(corpusStart + corpusChunkSize, count))
            let scores = try score.rows(queries, chunk, context)
            let k = min(topK + 1, scores.columns)
            guard k >= 0 else { throw TorchTopK.outOfRange }
            let top = try (0..<scores.count).map { r in
                try context.checkDeadline()
                return TorchTopK.topk(scores.row(r), k: k).map { TorchTopK.Entry(value: $0.value, index: $0.index + corpusStart) }
            }
            guard let previous = best else { best = top; continue }
            best = zip(previous, top).map { old, new in
                let merged = old + new
                let k2 = min(topK + 1, merged.count)
                return TorchTopK.topk(merged.map(\.value), k: k2).map { merged[$0.index] }
            }
        }
        return best ?? []
    }
}
