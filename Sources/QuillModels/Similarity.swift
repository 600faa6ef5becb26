// Score matrices between two sets of embeddings, as sentence_transformers.util.cos_sim / dot_score.

public enum Similarity {
    /// cos_sim: a_i / max(‖a_i‖, 1e-12) · b_j / max(‖b_j‖, 1e-12) (torch.nn.functional.normalize), an (a.count, b.count) matrix.
    public static func cosine(_ a: [[Float]], _ b: [[Float]]) -> [[Float]] {
        dot(a.map(unit), b.map(unit))
    }

    /// dot_score: a_i · b_j.
    public static func dot(_ a: [[Float]], _ b: [[Float]]) -> [[Float]] {
        a.map { x in
            b.map { y in
                var s: Float = 0
                for k in 0..<min(x.count, y.count) { s += x[k] * y[k] }
                return s
            }
        }
    }

    static func unit(_ v: [Float]) -> [Float] {
        var u = v
        normalize(&u)
        return u
    }

    /// Scales `v` to unit length in place: v / max(‖v‖₂, 1e-12), as torch.nn.functional.normalize (the
    /// sentence-transformers Normalize module and util.cos_sim). The norm accumulates in Double.
    public static func normalize<V: MutableCollection>(_ v: inout V) where V.Element == Float {
        var sq = 0.0
        for x in v { sq += Double(x) * Double(x) }
        let norm = Float(max(sq.squareRoot(), 1e-12))
        var i = v.startIndex
        while i != v.endIndex {
            v[i] /= norm
            v.formIndex(after: &i)
        }
    }
}
