// Score matrices and top-k ranking from embeddings, in Float32 as torch computes them.
// Mirrors sentence_transformers.util.cos_sim / dot_score / semantic_search.

enum Scoring {
    /// (a.rows x b.rows) dot products.
    static func dot(_ a: Matrix, _ b: Matrix) throws -> Matrix {
        guard a.columns == b.columns else {
            throw ValueError("embedding sizes differ: \(a.columns) and \(b.columns)",
                             hint: "encode both sides with the same model")
        }
        var out = [Float](repeating: 0, count: a.rows * b.rows)
        for i in 0..<a.rows {
            let x = a.row(i)
            for j in 0..<b.rows {
                let y = b.row(j)
                var s: Float = 0
                for (u, v) in zip(x, y) { s += u * v }
                out[i * b.rows + j] = s
            }
        }
        return Matrix(rows: a.rows, columns: b.rows, scalars: out)
    }

    /// Cosine similarity: dot(a/‖a‖, b/‖b‖), each row normalized as sentence-transformers does (norms clamped at
    /// 1e-12, so a zero vector scores 0 instead of NaN).
    static func cosine(_ a: Matrix, _ b: Matrix) throws -> Matrix {
        try dot(normalized(a), normalized(b))
    }

    static func normalized(_ m: Matrix) -> Matrix {
        var scalars = m.scalars
        for i in 0..<m.rows {
            let row = (i * m.columns)..<((i + 1) * m.columns)
            // v / max(‖v‖₂, 1e-12), the norm accumulated in Double, as torch.nn.functional.normalize.
            var sq = 0.0
            for x in scalars[row] { sq += Double(x) * Double(x) }
            let norm = Float(max(sq.squareRoot(), 1e-12))
            for k in row { scalars[k] /= norm }
        }
        return Matrix(rows: m.rows, columns: m.columns, scalars: scalars)
    }

    /// Indices of the `k` highest scores, highest first; ties go to the lower index.
    static func topK(_ scores: some Collection<Float>, k: Int) -> [(index: Int, score: Float)] {
        let ranked = scores.enumerated().map { (index: $0.offset, score: $0.element) }.sorted { a, b in
            if a.score.isNaN != b.score.isNaN { return !a.score.isNaN }
            return a.score > b.score || (a.score == b.score && a.index < b.index)
        }
        return Array(ranked.prefix(max(0, k)))
    }
}
