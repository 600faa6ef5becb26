// Transformer encoder, inference only: BERT (Devlin et al., 2018) and the families that are BERT with other names
// or small changes: RoBERTa/XLM-RoBERTa (positions after the padding index), MPNet (plus a relative position bias
// in every layer's attention scores), DistilBERT (no token types). Mirrors transformers' modeling_bert.py,
// modeling_roberta.py, modeling_mpnet.py and modeling_distilbert.py (v5.x); weight names are the checkpoint's
// (LayerWeightNames).
//
// Padding-free: a batch is one packed matrix of every sequence's tokens, (T, C) with T = sum of lengths. Dense ops
// (QKV, output projection, FFN, LayerNorm) run on the packed rows; only attention looks at sequence boundaries,
// and it runs per (sequence, head) over that sequence's own tokens. transformers masks padded keys with
// finfo(float32).min, whose exp underflows to exactly 0, so skipping the padding reproduces the reference.
// (MPNet's bias is computed from positions 0..<L of the padded batch; for the real tokens those are their own.)
//
// Files: PackedBatch (batches and groups), EncoderBatching (cores), EncoderFirstTokens (cross-encoders' last
// layer), EncoderScratch (buffers), Embeddings, EncoderLayer, Attention, RelativePositionBias.
//
// Shapes: T = packed tokens, C = hidden size, H = heads, D = C / H, I = intermediate size.
import Foundation
import QuillTensors

/// The embeddings and the stack of layers.
struct Encoder: Sendable {
    let config: TransformerConfig
    let embeddings: Embeddings
    let layers: [EncoderLayer]
    /// MPNet's relative position bias, shared by every layer; nil for the other families.
    let positionBias: RelativePositionBias?
    /// The last layer's first-token attention without keys or values, for `firstTokensOnly` (nil: they are formed).
    let lastFirstTokenAttention: FirstTokenAttention?

    /// `firstTokens`: the caller reads first tokens only (a cross-encoder), so the last layer's attention gets
    /// the form that needs no keys or values (FirstTokenAttention) where the packed GEMM runs.
    init(_ w: Weights, _ config: TransformerConfig, firstTokens: Bool = false) throws(LoadError) {
        Parallel.configureBLAS
        self.config = config
        let C = config.hiddenSize, H = config.headCount, names = LayerWeightNames(config.family)
        embeddings = try Embeddings(w.scoped("embeddings"), config)
        var layers: [EncoderLayer] = []
        for i in 0..<config.layerCount {
            layers.append(try EncoderLayer(w.scoped("\(names.layers).\(i)"), config, names: names))
        }
        self.layers = layers
        if config.family == .mpnet {
            let buckets = config.relativeAttentionBuckets
            positionBias = RelativePositionBias(
                table: try w.tensor("encoder.relative_attention_bias.weight", shape: [buckets, H]), heads: H, maxPositions: config.maxPositionEmbeddings)
        } else {
            positionBias = nil
        }
        if firstTokens, config.layerCount > 0 {
            let a = w.scoped("\(names.layers).\(config.layerCount - 1)")
            lastFirstTokenAttention = FirstTokenAttention(
                key: try a.tensor(names.key + ".weight", shape: [C, C]), keyBias: try a.tensor(names.key + ".bias", shape: [C]),
                value: try a.tensor(names.value + ".weight", shape: [C, C]),
                valueBias: try a.tensor(names.value + ".bias", shape: [C]), heads: H, headSize: config.headSize)
        } else {
            lastFirstTokenAttention = nil
        }
    }

    /// Runs the encoder. Returns the last hidden states, (T, C) packed like the input.
    /// - Throws: `EngineError.tokenOutOfRange` when a token id does not fit the embedding table.
    ///
    /// With `firstTokensOnly` the result is (B, C), each sequence's first token, all a classification head reads:
    /// the last layer's attention runs for the first tokens only (over every token: without forming keys and
    /// values when the encoder was made with `firstTokens`, see FirstTokenAttention), and so do its output
    /// projection and feed-forward. Those last steps run once for the whole batch after the groups (a group holds
    /// a few sequences, too few rows to be worth a pass over the layer's weights each).
    func callAsFunction(_ batch: PackedBatch, firstTokensOnly: Bool = false, split: Split = .automatic)
        throws(EngineError) -> [Float]
    {
        try checkTokens(batch)
        if firstTokensOnly { return firstTokens(batch, split: split) }
        let C = config.hiddenSize
        var out = [Float](repeating: 0, count: batch.tokenCount * C)
        out.withUnsafeMutableBufferPointer { ob in
            guard let base = ob.baseAddress else { return }
            let os = SharedPointer(base)
            forEachPart(batch, split: split) { part, sequences, scratch, parallel in
                let rows = hiddenStates(part, scratch: scratch, parallel: parallel)
                (os.pointer + batch.offsets[sequences.lowerBound] * C).update(from: rows, count: part.tokenCount * C)
            }
        }
        return out
    }

    /// Runs the encoder and hands each group of sequences' last hidden states to `consume`, on the thread that
    /// computed them, while the buffer is that thread's: `consume(sequences, rows)` gets the group's sequence
    /// indices and (tokens of those sequences, C) packed like the input. The groups partition the batch; their
    /// order is not defined.
    /// - Throws: `EngineError.tokenOutOfRange` when a token id does not fit the embedding table (before any work).
    func forEachGroup(_ batch: PackedBatch, split: Split = .automatic,
                      _ consume: @escaping @Sendable (Range<Int>, UnsafePointer<Float>) -> Void) throws(EngineError)
    {
        try checkTokens(batch)
        forEachPart(batch, split: split) { part, sequences, scratch, parallel in
            consume(sequences, hiddenStates(part, scratch: scratch, parallel: parallel))
        }
    }

    private func checkTokens(_ batch: PackedBatch) throws(EngineError) {
        for id in batch.ids where id < 0 || Int(id) >= config.vocabSize {
            throw .tokenOutOfRange(id: Int(id), vocabSize: config.vocabSize)
        }
    }

    /// The embeddings and every layer for `batch` (token ids checked), in `scratch`; returns the last hidden
    /// states (scratch.x).
    func hiddenStates(_ batch: PackedBatch, scratch: LayerScratch, parallel: Bool) -> UnsafePointer<Float> {
        let x = scratch.x
        guard embed(batch, scratch: scratch, parallel: parallel) else { return UnsafePointer(x) }
        for layer in layers { run(layer, x: x, batch: batch, scratch: scratch, parallel: parallel) }
        return UnsafePointer(x)
    }

    /// The embeddings into scratch.x (T, C), and zeros in its padding rows. Token ids must be in range (checked
    /// by the caller). False when the batch has no tokens.
    @discardableResult
    func embed(_ batch: PackedBatch, scratch: LayerScratch, parallel: Bool) -> Bool {
        let C = config.hiddenSize, T = batch.tokenCount, x = scratch.x
        (x + T * C).update(repeating: 0, count: (paddedRows(T) - T) * C)   // finite rows for the GEMMs' last tile
        if T == 0 { return false }
        embeddings(batch, into: x, parallel: parallel)
        return true
    }

    /// One post-LN transformer layer, in place on x (T, C), T = batch.tokenCount (dense operations on
    /// paddedRows(T) rows).
    func run(_ layer: EncoderLayer, x: UnsafeMutablePointer<Float>, batch: PackedBatch, scratch: LayerScratch,
             parallel: Bool) {
        let T = paddedRows(batch.tokenCount)
        let qkv = scratch.qkv, ctx = scratch.context, h = scratch.hidden, inner = scratch.inner
        layer.qkv.apply(x, rows: T, into: qkv, parallel: parallel)                                  // (T, 3C)
        attend(qkv: qkv, context: ctx, batch: batch, parallel: parallel)                            // (T, C)
        layer.attentionOutput.apply(ctx, rows: T, into: h, parallel: parallel)                      // (T, C)
        layer.attentionNorm.apply(h, rows: T, residual: x, parallel: parallel)                      // a = LN(x + attn)
        layer.intermediate.apply(h, rows: T, into: inner, activation: activation, parallel: parallel)  // (T, I)
        layer.output.apply(inner, rows: T, into: x, parallel: parallel)                             // (T, C)
        layer.outputNorm.apply(x, rows: T, residual: h, parallel: parallel)                         // LN(a + ffn)
    }

    /// softmax(Q·Kᵀ/√D + bias)·V per (sequence, head): qkv (T, 3C) -> context (T, C), or (B, C) for the first
    /// queries only. The bias is MPNet's relative position bias, absent elsewhere.
    func attend(qkv: UnsafeMutablePointer<Float>, context: UnsafeMutablePointer<Float>, batch: PackedBatch,
                firstQueryOnly: Bool = false, parallel: Bool) {
        attention(qkv: qkv, context: context, batch: batch, heads: config.headCount, headSize: config.headSize,
                  scale: scale, bias: positionBias, firstQueryOnly: firstQueryOnly, parallel: parallel)
    }

    /// 1/√D, the attention scores' scale.
    var scale: Float { 1 / Float(config.headSize).squareRoot() }

    /// The feed-forward activation, applied by the intermediate GEMM.
    var activation: GEMMActivation {
        switch config.hiddenActivation {
        case .gelu: .geluErf
        case .geluTanh: .geluTanh
        case .relu: .relu
        }
    }
}
