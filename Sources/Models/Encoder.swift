// BERT-family encoder, inference only (Devlin et al., 2018; RoBERTa as configuration).
// Mirrors transformers' models/bert/modeling_bert.py and models/roberta/modeling_roberta.py (v5.x); weight names are
// the checkpoint's.
//
// Padding-free: a batch is one packed matrix of every sequence's tokens, (T, C) with T = sum of lengths. Dense ops
// (QKV, output projection, FFN, LayerNorm) run on the packed rows; only attention looks at sequence boundaries,
// and it runs per (sequence, head) over that sequence's own tokens. transformers masks padded keys with
// finfo(float32).min, whose exp underflows to exactly 0, so skipping the padding reproduces the reference.
//
// Shapes: T = packed tokens, C = hidden size, H = heads, D = C / H, I = intermediate size.
import Foundation
import Tensors

/// Sequences packed for the encoder.
struct PackedBatch {
    var ids: [Int32] = []        // (T)
    var typeIds: [Int32] = []    // (T)
    var offsets: [Int] = [0]     // sequence s spans rows offsets[s]..<offsets[s+1]

    var sequenceCount: Int { offsets.count - 1 }
    var tokenCount: Int { ids.count }

    mutating func append(_ ids: [Int32], typeIds: [Int32]) {
        self.ids += ids
        self.typeIds += typeIds
        offsets.append(self.ids.count)
    }
}

/// Splits sequence indices, longest first, into forward passes: each holds at least `batchSize` sequences and
/// keeps taking more while the pass stays under `tokenBudget` tokens. Without padding a bigger pass costs nothing
/// extra and keeps the GEMMs large; results do not depend on how sequences are grouped.
func forwardPasses(lengths: [Int], batchSize: Int, tokenBudget: Int = 4096) -> [[Int]] {
    let order = lengths.indices.sorted { lengths[$0] > lengths[$1] }
    var passes: [[Int]] = []
    var current: [Int] = []
    var tokens = 0
    for i in order {
        if current.count >= max(1, batchSize), tokens + lengths[i] > tokenBudget {
            passes.append(current)
            current = []
            tokens = 0
        }
        current.append(i)
        tokens += lengths[i]
    }
    if !current.isEmpty { passes.append(current) }
    return passes
}

struct EncoderLayer: Sendable {
    let qkv: Linear              // C -> 3C: query, key and value weights stacked
    let attentionOutput: Linear  // C -> C
    let attentionNorm: LayerNormParams
    let intermediate: Linear     // C -> I
    let output: Linear           // I -> C
    let outputNorm: LayerNormParams

    init(_ w: Weights, _ config: TransformerConfig) throws(LoadError) {
        let C = config.hiddenSize
        let q = try w.tensor("attention.self.query.weight", shape: [C, C])
        let k = try w.tensor("attention.self.key.weight", shape: [C, C])
        let v = try w.tensor("attention.self.value.weight", shape: [C, C])
        let qb = try w.tensor("attention.self.query.bias", shape: [C])
        let kb = try w.tensor("attention.self.key.bias", shape: [C])
        let vb = try w.tensor("attention.self.value.bias", shape: [C])
        qkv = Linear(weight: q + k + v, bias: qb + kb + vb, in: C, out: 3 * C)
        attentionOutput = try Linear(w.scoped("attention.output.dense"), in: C, out: C)
        attentionNorm = try LayerNormParams(w.scoped("attention.output.LayerNorm"), size: C, eps: config.layerNormEps)
        intermediate = try Linear(w.scoped("intermediate.dense"), in: C, out: config.intermediateSize)
        output = try Linear(w.scoped("output.dense"), in: config.intermediateSize, out: C)
        outputNorm = try LayerNormParams(w.scoped("output.LayerNorm"), size: C, eps: config.layerNormEps)
    }
}

/// The embeddings and the stack of layers.
struct Encoder: Sendable {
    let config: TransformerConfig
    let wordEmbeddings: [Float]      // (vocab, C)
    let positionEmbeddings: [Float]  // (maxPositions, C)
    let tokenTypeEmbeddings: [Float] // (typeVocab, C)
    let embeddingNorm: LayerNormParams
    let layers: [EncoderLayer]

    init(_ w: Weights, _ config: TransformerConfig) throws(LoadError) {
        Parallel.configureBLAS
        self.config = config
        let C = config.hiddenSize
        wordEmbeddings = try w.tensor("embeddings.word_embeddings.weight", shape: [config.vocabSize, C])
        positionEmbeddings = try w.tensor("embeddings.position_embeddings.weight", shape: [config.maxPositionEmbeddings, C])
        tokenTypeEmbeddings = try w.tensor("embeddings.token_type_embeddings.weight", shape: [config.typeVocabSize, C])
        embeddingNorm = try LayerNormParams(w.scoped("embeddings.LayerNorm"), size: C, eps: config.layerNormEps)
        var layers: [EncoderLayer] = []
        for i in 0..<config.layerCount {
            layers.append(try EncoderLayer(w.scoped("encoder.layer.\(i)"), config))
        }
        self.layers = layers
    }

    /// Position ids of one sequence. BERT: 0..<L. RoBERTa (create_position_ids_from_input_ids): real tokens count
    /// up from pad_token_id + 1, and a pad token (even a literal "<pad>" inside the text) gets pad_token_id without
    /// advancing the count.
    func positions(_ ids: ArraySlice<Int32>) -> [Int] {
        switch config.family {
        case .bert:
            return Array(0..<ids.count)
        case .roberta:
            let pad = config.padTokenId
            var n = 0
            return ids.map { id in
                if Int(id) == pad { return pad }
                n += 1
                return pad + n
            }
        }
    }

    /// Runs the encoder. Returns the last hidden states, (T, C) packed like the input.
    /// - Throws: `EngineError.tokenOutOfRange` when a token id does not fit the embedding table.
    ///
    /// With `firstTokensOnly` the result is (B, C), each sequence's first token: the last layer then runs its
    /// attention query, output projection and feed-forward for those rows only (keys and values still cover every
    /// token), which is all a classification head reads. Every other row of the last layer is never used.
    func callAsFunction(_ batch: PackedBatch, firstTokensOnly: Bool = false) throws(EngineError) -> [Float] {
        let T = batch.tokenCount, C = config.hiddenSize
        var x = [Float](repeating: 0, count: T * C)
        if T == 0 { return x }
        try embed(batch, into: &x)
        var scratch = LayerScratch(tokens: T, config: config)
        for (i, layer) in layers.enumerated() {
            let last = i == layers.count - 1
            run(layer, on: &x, batch: batch, scratch: &scratch, firstTokensOnly: firstTokensOnly && last)
        }
        if firstTokensOnly && layers.isEmpty {
            return batch.offsets.dropLast().flatMap { r0 in x[r0 * C..<(r0 + 1) * C] }
        }
        return x
    }

    private func embed(_ batch: PackedBatch, into x: inout [Float]) throws(EngineError) {
        let C = config.hiddenSize
        for s in 0..<batch.sequenceCount {
            let range = batch.offsets[s]..<batch.offsets[s + 1]
            let positions = positions(batch.ids[range])
            for (j, row) in range.enumerated() {
                let id = Int(batch.ids[row])
                guard id >= 0 && id < config.vocabSize else { throw .tokenOutOfRange(id: id, vocabSize: config.vocabSize) }
                let type = min(max(Int(batch.typeIds[row]), 0), config.typeVocabSize - 1)
                let pos = min(positions[j], config.maxPositionEmbeddings - 1)
                let w = id * C, t = type * C, p = pos * C, o = row * C
                // (word + token type) + position, in transformers' order of additions.
                for c in 0..<C { x[o + c] = (wordEmbeddings[w + c] + tokenTypeEmbeddings[t + c]) + positionEmbeddings[p + c] }
            }
        }
        x.withUnsafeMutableBufferPointer { embeddingNorm.apply($0.baseAddress!, rows: batch.tokenCount) }
    }

    /// One post-LN transformer layer, in place on x (T, C).
    private func run(_ layer: EncoderLayer, on x: inout [Float], batch: PackedBatch, scratch: inout LayerScratch,
                     firstTokensOnly: Bool) {
        let T = batch.tokenCount, I = config.intermediateSize
        let H = config.headCount, D = config.headSize
        let scale = 1 / Float(D).squareRoot()
        if firstTokensOnly {
            runFirstTokens(layer, on: &x, batch: batch, scratch: &scratch, scale: scale)
            return
        }
        x.withUnsafeMutableBufferPointer { xb in
            let xp = xb.baseAddress!
            scratch.qkv.withUnsafeMutableBufferPointer { qkvb in
                scratch.context.withUnsafeMutableBufferPointer { ctxb in
                    scratch.hidden.withUnsafeMutableBufferPointer { hb in
                        scratch.inner.withUnsafeMutableBufferPointer { ib in
                            let qkv = qkvb.baseAddress!, ctx = ctxb.baseAddress!, h = hb.baseAddress!, inner = ib.baseAddress!
                            layer.qkv.apply(xp, rows: T, into: qkv)                          // (T, 3C)
                            attention(qkv: qkv, context: ctx, batch: batch, heads: H, headSize: D, scale: scale)
                            layer.attentionOutput.apply(ctx, rows: T, into: h)              // (T, C)
                            layer.attentionNorm.apply(h, rows: T, residual: xp)              // a = LN(x + attn)
                            layer.intermediate.apply(h, rows: T, into: inner)               // (T, I)
                            activate(inner, count: T * I)
                            layer.output.apply(inner, rows: T, into: xp)                     // (T, C)
                            layer.outputNorm.apply(xp, rows: T, residual: h)                 // LN(a + ffn)
                        }
                    }
                }
            }
        }
    }

    /// The last layer for the first token of each sequence only; x becomes (B, C).
    private func runFirstTokens(_ layer: EncoderLayer, on x: inout [Float], batch: PackedBatch,
                                scratch: inout LayerScratch, scale: Float) {
        let T = batch.tokenCount, B = batch.sequenceCount, C = config.hiddenSize, I = config.intermediateSize
        var first = [Float](repeating: 0, count: B * C)       // residual: the first tokens' inputs
        for s in 0..<B { first.replaceSubrange(s * C..<(s + 1) * C, with: x[batch.offsets[s] * C..<(batch.offsets[s] + 1) * C]) }
        x.withUnsafeMutableBufferPointer { xb in
            scratch.qkv.withUnsafeMutableBufferPointer { qkvb in
                scratch.context.withUnsafeMutableBufferPointer { ctxb in
                    scratch.hidden.withUnsafeMutableBufferPointer { hb in
                        scratch.inner.withUnsafeMutableBufferPointer { ib in
                            first.withUnsafeMutableBufferPointer { fb in
                                let qkv = qkvb.baseAddress!, ctx = ctxb.baseAddress!, h = hb.baseAddress!
                                let inner = ib.baseAddress!, f = fb.baseAddress!
                                layer.qkv.apply(xb.baseAddress!, rows: T, into: qkv)          // (T, 3C)
                                attention(qkv: qkv, context: ctx, batch: batch, heads: config.headCount,
                                          headSize: config.headSize, scale: scale, firstQueryOnly: true)  // (B, C)
                                layer.attentionOutput.apply(ctx, rows: B, into: h)           // (B, C)
                                layer.attentionNorm.apply(h, rows: B, residual: f)
                                layer.intermediate.apply(h, rows: B, into: inner)            // (B, I)
                                activate(inner, count: B * I)
                                layer.output.apply(inner, rows: B, into: f)                  // (B, C)
                                layer.outputNorm.apply(f, rows: B, residual: h)
                            }
                        }
                    }
                }
            }
        }
        x = first
    }

    private func activate(_ x: UnsafeMutablePointer<Float>, count: Int) {
        let shared = SharedPointer(x)
        switch config.hiddenActivation {
        case .gelu: Parallel.forEachChunk(count, work: count * 8) { start, n in geluErf(shared.pointer + start, count: n) }
        case .geluTanh: Parallel.forEachChunk(count, work: count * 8) { start, n in geluTanh(shared.pointer + start, count: n) }
        case .relu: relu(x, count: count)
        }
    }
}

/// Reusable buffers for one forward pass.
struct LayerScratch {
    var qkv: [Float]
    var context: [Float]
    var hidden: [Float]
    var inner: [Float]

    init(tokens T: Int, config: TransformerConfig) {
        qkv = [Float](repeating: 0, count: T * 3 * config.hiddenSize)
        context = [Float](repeating: 0, count: T * config.hiddenSize)
        hidden = [Float](repeating: 0, count: T * config.hiddenSize)
        inner = [Float](repeating: 0, count: T * config.intermediateSize)
    }
}
