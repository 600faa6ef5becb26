// The last layer's attention for the first token of each sequence, with no keys or values formed (cross-encoders:
// the classification head reads the first token only).
//
// For one query q per head h, over the sequence's rows x_j (the last layer's input):
//   q_h · k_j = q_h · (Wk_h x_j + bk_h) = (Wk_hᵀ q_h) · x_j + q_h · bk_h
//   Σ_j p_j v_j = Σ_j p_j (Wv_h x_j + bv_h) = Wv_h (Σ_j p_j x_j) + bv_h          (the p_j sum to 1)
// So per sequence: qk = Wk_hᵀ q_h and qb = q_h · bk_h for each head (D·C multiply-adds), per token 2·H·C
// multiply-adds for the scores and the weighted sum xbar, then Wv_h · xbar (D·C per head). Forming the keys and
// values costs 2·C² per token instead: for MiniLM (C = 384, H = 12) 32 times as much, about 3% of a
// cross-encoder's work on pairs of ~30 tokens. The sums are associated differently from the reference's (as any
// GEMM's blocking does); the golden tests hold them to the same 1e-5.
//
// Shapes: B = sequences of the group (Bp = rows padded to the GEMM's tile), T = tokens, C = hidden size,
// H = heads, D = C / H.
import QuillTensors

struct FirstTokenAttention: Sendable {
    let heads: Int
    let headSize: Int
    let keys: [PackedWeight]     // per head: Wk_hᵀ, (C, D), the GEMM's weight: q_h (1, D) -> q_h Wk_h = (Wk_hᵀ q_h)ᵀ
    let keyBias: [Float]         // (C): bk, head h at h·D
    let values: [PackedWeight]   // per head: Wv_h, (D, C)
    let valueBias: [Float]       // (C)

    /// The key and value weights (C, C) and biases (C) of the layer, as the checkpoint stores them. Nil where the
    /// packed GEMM does not run (the encoder then forms the keys and values).
    init?(key: [Float], keyBias: [Float], value: [Float], valueBias: [Float], heads H: Int, headSize D: Int) {
        let C = H * D
        guard PackedWeight.available, H > 0, D > 0, key.count == C * C, value.count == C * C,
              keyBias.count == C, valueBias.count == C else { return nil }
        var keys: [PackedWeight] = [], values: [PackedWeight] = []
        for h in 0..<H {
            var transposed = [Float](repeating: 0, count: C * D)   // (C, D): [c][d] = Wk[h·D + d][c]
            for d in 0..<D {
                for c in 0..<C { transposed[c * D + d] = key[(h * D + d) * C + c] }
            }
            guard let k = PackedWeight(transposed, rows: C, columns: D),
                  let v = PackedWeight(Array(value[h * D * C..<(h + 1) * D * C]), rows: D, columns: C) else { return nil }
            keys.append(k)
            values.append(v)
        }
        self.heads = H
        self.headSize = D
        self.keys = keys
        self.keyBias = keyBias
        self.values = values
        self.valueBias = valueBias
    }

    /// Floats of scratch for a group of `sequences` sequences of at most `longest` tokens each.
    static func scratchCount(sequences: Int, longest: Int, heads H: Int, hidden C: Int) -> Int {
        let rows = scratchRows(sequences)
        return 2 * rows * H * C + rows * H + H * max(longest, 1)
    }

    /// context (Bp, C) = each sequence's first-token attention output, before the output projection.
    /// - Parameters:
    ///   - queries: (Bp, C), the first tokens' queries (padding rows finite).
    ///   - x: (T, C), the group's rows going into the layer.
    ///   - scratch: `scratchCount` floats.
    /// Sequences without tokens get a row the caller replaces (there is nothing to attend to).
    ///   - bias: MPNet's relative position bias (added to each head's scores), or nil.
    func callAsFunction(queries: UnsafePointer<Float>, x: UnsafePointer<Float>, batch: PackedBatch, scale: Float,
                        bias: RelativePositionBias? = nil, scratch: UnsafeMutablePointer<Float>,
                        context: UnsafeMutablePointer<Float>) {
        let H = heads, D = headSize, C = H * D, B = batch.sequenceCount
        let rows = paddedRows(B)
        let qk = scratch, xbar = scratch + rows * H * C, qb = xbar + rows * H * C, scores = qb + rows * H
        // qk[s][h] = Wk_hᵀ q_h: (Bp, C) per head, side by side in rows of H·C
        for h in 0..<H { keys[h].multiply(queries + h * D, lda: C, rows: rows, bias: nil, into: qk + h * C, ldy: H * C) }
        // qb = q_h · bk_h adds one constant to all of a head's scores, which the softmax cancels; it stays so that
        // the scores have the reference's values (and its exp the reference's arguments).
        keyBias.withUnsafeBufferPointer { bk in
            for s in 0..<B {
                for h in 0..<H {
                    var dot: Float = 0
                    for d in 0..<D { dot += queries[s * C + h * D + d] * bk[h * D + d] }
                    qb[s * H + h] = dot
                }
            }
        }
        (xbar + B * H * C).update(repeating: 0, count: (rows - B) * H * C)   // the GEMM's padding rows: finite
        for s in 0..<B {
            let r0 = batch.offsets[s], n = batch.offsets[s + 1] - r0
            firstTokenAttention(x: x + r0 * C, ldx: C, tokens: n, qk: qk + s * H * C, qb: qb + s * H, heads: H,
                                columns: C, scale: scale, bias: bias?.centre(head: 0), biasHeadStride: bias?.headStride ?? 0,
                                xbar: xbar + s * H * C, scores: scores)
        }
        // context[s][h·D..<h·D+D] = Wv_h · xbar[s][h] + bv_h
        valueBias.withUnsafeBufferPointer { bv in
            for h in 0..<H {
                values[h].multiply(xbar + h * C, lda: H * C, rows: rows, bias: bv.baseAddress! + h * D,
                                   into: context + h * D, ldy: C)
            }
        }
    }
}
