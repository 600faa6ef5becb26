// util.semantic_search: for each query the top_k corpus entries by score, as sentence-transformers 6.2 finds them.
// Corpus chunks outer, query chunks inner; per chunk torch.topk(sorted=False); per query a heapq of
// (score, corpus_id) fed in topk's order; finally each heap sorted by score, descending and stable. Reproducing
// each step (TorchTopK, PythonHeap) gives the original's order for tied scores, not just its set.
// Scores are Python floats (float32 values for float32 inputs); corpus ids are ints.

enum SemanticSearch {
    static let signature = Signature("semantic_search", ["query_embeddings", "corpus_embeddings", "query_chunk_size",
                                                         "corpus_chunk_size", "top_k", "score_function"], required: 2)

    static func function() -> LibraryFunction {
        LibraryFunction("semantic_search") { arguments, context in
            let b = try BoundArguments(signature, arguments)
            let results = try search(query: b["query_embeddings"] ?? .none, corpus: b["corpus_embeddings"] ?? .none,
                                     queryChunkSize: try b.int("query_chunk_size", 100, context),
                                     corpusChunkSize: try b.int("corpus_chunk_size", 500_000, context),
                                     topK: try b.int("top_k", 10, context), scoreFunction: b["score_function"], context)
            return .list(PyList(try results.map { hits in
                .list(PyList(try hits.map { try hitDict(["corpus_id": .int($0.id), "score": .float($0.score)]) }))
            }))
        }
    }

    /// A dict with keys in the given order.
    static func hitDict(_ entries: KeyValuePairs<String, Value>) throws -> Value {
        let dict = PyDict()
        for (key, value) in entries { dict.storage[try HashKey(.str(key))] = value }
        return .dict(dict)
    }

    struct Hit { var score: Double; var id: Int }

    static func search(query: Value, corpus: Value, queryChunkSize: Int, corpusChunkSize: Int, topK: Int,
                       scoreFunction: Value?, _ context: any Context) throws -> [[Hit]] {
        var queries = try TensorOperand.from(query, context)
        if queries.rank == 1 { queries.shape = [1, queries.shape[0]] }
        let corpusAll = try TensorOperand.from(corpus, context)
        let queryCount = queries.shape.first ?? 0, corpusCount = corpusAll.shape.first ?? 0
        guard queryChunkSize > 0, corpusChunkSize > 0 else { throw PyError.value("range() arg 3 must not be zero") }
        let score = ScoreFunction(scoreFunction)
        try context.reserve(queryCount * max(0, min(topK, corpusCount)) * 2)
        var heaps = (0..<queryCount).map { _ in PythonHeap<Hit>(less: hitLess) }
        for corpusStart in stride(from: 0, to: corpusCount, by: corpusChunkSize) {
            let corpusChunk = rows(corpusAll, corpusStart, min(corpusStart + corpusChunkSize, corpusCount))
            for queryStart in stride(from: 0, to: queryCount, by: queryChunkSize) {
                try context.checkDeadline()
                let queryEnd = min(queryStart + queryChunkSize, queryCount)
                let queryChunk = rows(queries, queryStart, queryEnd)
                let scores = try score.rows(queryChunk, corpusChunk, context)
                let k = min(topK, scores.columns)
                guard k >= 0 else { throw TorchTopK.outOfRange }
                for r in 0..<scores.count {
                    try context.checkDeadline()
                    let entries = TorchTopK.topk(scores.row(r), k: k, sorted: false)
                    var heap = heaps[queryStart + r]
                    // The first top_k - len(heap) candidates are pushed, the rest pushed-and-popped.
                    let pushes = topK - heap.count
                    for (n, entry) in entries.enumerated() {
                        let hit = Hit(score: entry.value, id: entry.index + corpusStart)
                        if n < pushes { heap.push(hit) } else { heap.pushPop(hit) }
                    }
                    heaps[queryStart + r] = heap
                }
            }
        }
        return heaps.map { PythonSort.sortedDescending($0.items, key: \.score) }
    }

    /// Python's `<` on (score, corpus_id) tuples.
    static func hitLess(_ a: Hit, _ b: Hit) -> Bool {
        if !(a.score == b.score) { return a.score < b.score }
        return a.id < b.id
    }

    /// Rows [start, end) of a matrix (a vector is one row per element, as slicing it does).
    static func rows(_ t: TensorOperand, _ start: Int, _ end: Int) -> TensorOperand {
        let width = t.rank >= 2 ? t.shape[1...].reduce(1, *) : 1
        var shape = t.shape
        if !shape.isEmpty { shape[0] = end - start }
        return TensorOperand(dtype: t.dtype, shape: shape, values: Array(t.values[start * width..<end * width]))
    }

    static func batched(_ t: TensorOperand) -> TensorOperand {
        var t = t
        if t.rank == 1 { t.shape = [1, t.shape[0]] }
        return t
    }
}
