// sentence_transformers.util's score functions: cos_sim (and its alias pytorch_cos_sim), dot_score, euclidean_sim,
// manhattan_sim, their pairwise_ forms, and normalize_embeddings. Each takes lists, numpy arrays or torch tensors
// and returns a torch tensor: (n, m) scores for (n, d) and (m, d) inputs (a vector counts as one row), or (n) for
// the pairwise forms. The distances come out negated, as sentence-transformers returns them.

enum ScoreFunctions {
    /// The score matrix of `kind` between two inputs, as the util function of that kind computes it.
    static func scores(_ kind: LibraryFunction.ScoreKind, _ a: Value, _ b: Value, _ context: any Context) throws -> TensorOperand {
        let x = try TensorOperand.batch(a, context), y = try TensorOperand.batch(b, context)
        try context.reserve(max(x.shape.first ?? 0, 0) * max(y.shape.first ?? 0, 0))
        return try scores(kind, x, y)
    }

    static func scores(_ kind: LibraryFunction.ScoreKind, _ x: TensorOperand, _ y: TensorOperand) throws -> TensorOperand {
        try RowScorer(kind, x, y).matrix()
    }

    /// The pairwise score of `kind`: row i of a against row i of b.
    static func pairwiseScores(_ kind: LibraryFunction.ScoreKind, _ a: Value, _ b: Value, _ context: any Context) throws -> TensorOperand {
        var x = try TensorOperand.from(a, context), y = try TensorOperand.from(b, context)
        if kind == .cosine {
            x = try ScoreKernels.normalize(x)
            y = try ScoreKernels.normalize(y)
        }
        return try ScoreKernels.pairwise(x, y) { u, v, dtype in
            var s = 0.0
            for (p, q) in zip(u, v) {
                switch kind {
                case .cosine, .dot: s += p * q
                case .euclidean: let d = ScoreKernels.rounded(p - q, dtype); s += d * d
                case .manhattan: s += abs(ScoreKernels.rounded(p - q, dtype))
                }
            }
            switch kind {
            case .cosine, .dot:
                return dtype == .int64 || dtype == .int32 || dtype == .bool ? s : ScoreKernels.rounded(s, dtype)
            case .euclidean: return -ScoreKernels.rounded(ScoreKernels.rounded(s, dtype).squareRoot(), dtype)
            case .manhattan: return -ScoreKernels.rounded(s, dtype)
            }
        }
    }

    /// A result as a torch tensor.
    static func tensor(_ t: TensorOperand) throws -> Value {
        guard t.rank <= 2 else { throw PyError.unsupported("results of more than 2 dimensions are not supported in Quill cells") }
        return .object(PyArray(library: .torch, dtype: t.dtype, shape: t.shape, scalars: t.values))
    }

    /// The util functions of this file, by their Python names.
    static func functions() -> [String: Value] {
        var table: [String: Value] = [:]
        let pairs: [(String, LibraryFunction.ScoreKind)] = [("cos_sim", .cosine), ("pytorch_cos_sim", .cosine),
                                                            ("dot_score", .dot), ("euclidean_sim", .euclidean),
                                                            ("manhattan_sim", .manhattan)]
        for (name, kind) in pairs {
            let signature = Signature(name, ["a", "b"])
            table[name] = .object(LibraryFunction(name, scoreKind: kind) { arguments, context in
                let slots = try signature.bind(arguments)
                return try tensor(try scores(kind, slots[0] ?? .none, slots[1] ?? .none, context))
            })
        }
        let pairwise: [(String, LibraryFunction.ScoreKind)] = [("pairwise_cos_sim", .cosine), ("pairwise_dot_score", .dot),
                                                               ("pairwise_euclidean_sim", .euclidean),
                                                               ("pairwise_manhattan_sim", .manhattan)]
        for (name, kind) in pairwise {
            let signature = Signature(name, ["a", "b"])
            table[name] = .object(LibraryFunction(name) { arguments, context in
                let slots = try signature.bind(arguments)
                return try tensor(try pairwiseScores(kind, slots[0] ?? .none, slots[1] ?? .none, context))
            })
        }
        let normalizeSignature = Signature("normalize_embeddings", ["embeddings"])
        table["normalize_embeddings"] = .object(LibraryFunction("normalize_embeddings") { arguments, context in
            let slots = try normalizeSignature.bind(arguments)
            let value = slots[0] ?? .none
            // The original reads `embeddings.is_sparse` first: only tensors get through.
            guard case .object(let array as PyArray) = value, array.library == .torch else {
                var type = value.typeName
                if case .object(let a as PyArray) = value { type = "numpy." + a.typeName }
                throw PyError.attribute("'\(type)' object has no attribute 'is_sparse'")
            }
            return try tensor(try ScoreKernels.normalize(try TensorOperand.from(value, context)))
        })
        return table
    }
}
