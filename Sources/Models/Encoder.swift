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

    /// The sequences in `range`, packed on their own (rows renumbered from 0).
    func sequences(_ range: Range<Int>) -> PackedBatch {
        let r0 = offsets[range.lowerBound], r1 = offsets[range.upperBound]
        return PackedBatch(ids: Array(ids[r0..<r1]), typeIds: Array(typeIds[r0..<r1]),
                           offsets: offsets[range.lowerBound...range.upperBound].map { $0 - r0 })
    }

    /// Consecutive runs of sequences of about `tokens` tokens each (a longer sequence is a run of its own).
    func groups(ofAbout tokens: Int) -> [Range<Int>] {
        var groups: [Range<Int>] = []
        var start = 0
        for s in 0..<sequenceCount where s > start && offsets[s + 1] - offsets[start] > tokens {
            groups.append(start..<s)
            start = s
        }
        if start < sequenceCount { groups.append(start..<sequenceCount) }
        return groups
    }
}

/// Splits sequence indices, longest first, into forward passes: each holds at least `batchSize` sequences and
/// keeps taking more while the pass stays under `tokenBudget` tokens. Without padding a bigger pass costs nothing
/// extra: the encoder cuts it into groups for the cores (Encoder.callAsFunction), and more groups per pass leave
/// a core idle less often at the end of a layer. Results do not depend on how sequences are grouped.
func forwardPasses(lengths: [Int], batchSize: Int, tokenBudget: Int = 16384) -> [[Int]] {
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
    ///
    /// Parallelism: a layer never mixes sequences except through their own attention, so a batch with enough
    /// tokens is cut into groups of whole sequences (about `Parallel.groupTokens` tokens each) and each core
    /// takes the next group through the whole layer: one barrier per layer, a group's activations stay in the
    /// core's L2, and the layer's weights stay in the shared cache for every group. A small batch instead splits
    /// each operation across the cores.
    func callAsFunction(_ batch: PackedBatch, firstTokensOnly: Bool = false, split: Split = .automatic)
        throws(EngineError) -> [Float]
    {
        for id in batch.ids where id < 0 || Int(id) >= config.vocabSize {
            throw .tokenOutOfRange(id: Int(id), vocabSize: config.vocabSize)
        }
        let T = batch.tokenCount, B = batch.sequenceCount, C = config.hiddenSize
        var x = [Float](repeating: 0, count: T * C)
        if T == 0 { return x }
        let workers = Parallel.workers
        let groups: [Range<Int>]
        switch split {
        case .automatic:
            let candidates = batch.groups(ofAbout: Parallel.groupTokens)
            groups = workers > 1 && candidates.count >= 2 * workers ? candidates : []
        case .groups(let tokens): groups = batch.groups(ofAbout: tokens)
        case .operations: groups = []
        }
        let grouped = !groups.isEmpty
        let ranges = grouped ? groups : [0..<B]
        let parts = grouped ? ranges.map { batch.sequences($0) } : [batch]
        let scratches = (0..<(grouped ? workers : 1)).map { _ in
            LayerScratch(tokens: parts.map(\.tokenCount).max() ?? 0, sequences: parts.map(\.sequenceCount).max() ?? 0,
                         config: config)
        }
        var first = [Float](repeating: 0, count: firstTokensOnly ? B * C : 0)   // (B, C)
        x.withUnsafeMutableBufferPointer { xb in
            first.withUnsafeMutableBufferPointer { fb in
                let xs = SharedPointer(xb.baseAddress!)
                let fs = fb.baseAddress.map { SharedPointer($0) }
                embed(batch, into: xs.pointer)
                for (i, layer) in layers.enumerated() {
                    let lastForFirstTokens = firstTokensOnly && i == layers.count - 1
                    let body: @Sendable (Int, LayerScratch, Bool) -> Void = { p, scratch, parallel in
                        let xp = xs.pointer + batch.offsets[ranges[p].lowerBound] * C
                        if lastForFirstTokens, let fs {
                            runFirstTokens(layer, x: xp, batch: parts[p], into: fs.pointer + ranges[p].lowerBound * C,
                                           scratch: scratch, parallel: parallel)
                        } else {
                            run(layer, x: xp, batch: parts[p], scratch: scratch, parallel: parallel)
                        }
                    }
                    if grouped {
                        let next = GroupCounter()
                        DispatchQueue.concurrentPerform(iterations: workers) { w in
                            while let p = next.take(below: parts.count) { body(p, scratches[w], false) }
                        }
                    } else {
                        body(0, scratches[0], workers > 1)
                    }
                }
                if firstTokensOnly && layers.isEmpty, let fs {
                    for s in 0..<B { (fs.pointer + s * C).update(from: xs.pointer + batch.offsets[s] * C, count: C) }
                }
            }
        }
        return firstTokensOnly ? first : x
    }

    /// How a forward pass shares out its work across the cores.
    enum Split {
        /// Groups when the batch has at least two per core, otherwise operations.
        case automatic
        /// Groups of whole sequences of about this many tokens, each run by one core through a whole layer.
        case groups(tokens: Int)
        /// Every operation on the whole batch, split across the cores.
        case operations
    }

    /// Word, token-type and position embeddings, then LayerNorm, into x (T, C). Token ids must be in range
    /// (checked by the caller).
    private func embed(_ batch: PackedBatch, into x: UnsafeMutablePointer<Float>) {
        let C = config.hiddenSize
        wordEmbeddings.withUnsafeBufferPointer { word in
            positionEmbeddings.withUnsafeBufferPointer { position in
                tokenTypeEmbeddings.withUnsafeBufferPointer { tokenType in
                    for s in 0..<batch.sequenceCount {
                        let range = batch.offsets[s]..<batch.offsets[s + 1]
                        let positions = positions(batch.ids[range])
                        for (j, row) in range.enumerated() {
                            let type = min(max(Int(batch.typeIds[row]), 0), config.typeVocabSize - 1)
                            let pos = min(positions[j], config.maxPositionEmbeddings - 1)
                            let w = word.baseAddress! + Int(batch.ids[row]) * C
                            let t = tokenType.baseAddress! + type * C, p = position.baseAddress! + pos * C
                            let o = x + row * C
                            // (word + token type) + position, in transformers' order of additions.
                            for c in 0..<C { o[c] = (w[c] + t[c]) + p[c] }
                        }
                    }
                }
            }
        }
        embeddingNorm.apply(x, rows: batch.tokenCount)
    }

    /// One post-LN transformer layer, in place on x (T, C), T = batch.tokenCount.
    private func run(_ layer: EncoderLayer, x: UnsafeMutablePointer<Float>, batch: PackedBatch, scratch: LayerScratch,
                     parallel: Bool) {
        let T = batch.tokenCount
        let qkv = scratch.qkv, ctx = scratch.context, h = scratch.hidden, inner = scratch.inner
        layer.qkv.apply(x, rows: T, into: qkv, parallel: parallel)                                  // (T, 3C)
        attention(qkv: qkv, context: ctx, batch: batch, heads: config.headCount, headSize: config.headSize,
                  scale: scale, parallel: parallel)                                                   // (T, C)
        layer.attentionOutput.apply(ctx, rows: T, into: h, parallel: parallel)                      // (T, C)
        layer.attentionNorm.apply(h, rows: T, residual: x, parallel: parallel)                      // a = LN(x + attn)
        layer.intermediate.apply(h, rows: T, into: inner, activation: activation, parallel: parallel)  // (T, I)
        layer.output.apply(inner, rows: T, into: x, parallel: parallel)                             // (T, C)
        layer.outputNorm.apply(x, rows: T, residual: h, parallel: parallel)                         // LN(a + ffn)
    }

    /// The last layer for the first token of each sequence only: reads x (T, C), writes `first` (B, C).
    private func runFirstTokens(_ layer: EncoderLayer, x: UnsafeMutablePointer<Float>, batch: PackedBatch,
                                into first: UnsafeMutablePointer<Float>, scratch: LayerScratch, parallel: Bool) {
        let T = batch.tokenCount, B = batch.sequenceCount, C = config.hiddenSize
        let qkv = scratch.qkv, ctx = scratch.context, h = scratch.hidden, inner = scratch.inner
        for s in 0..<B { (first + s * C).update(from: x + batch.offsets[s] * C, count: C) }   // the residual
        layer.qkv.apply(x, rows: T, into: qkv, parallel: parallel)                                  // (T, 3C)
        attention(qkv: qkv, context: ctx, batch: batch, heads: config.headCount, headSize: config.headSize,
                  scale: scale, firstQueryOnly: true, parallel: parallel)                             // (B, C)
        layer.attentionOutput.apply(ctx, rows: B, into: h, parallel: parallel)                      // (B, C)
        layer.attentionNorm.apply(h, rows: B, residual: first, parallel: parallel)
        layer.intermediate.apply(h, rows: B, into: inner, activation: activation, parallel: parallel)  // (B, I)
        layer.output.apply(inner, rows: B, into: first, parallel: parallel)                         // (B, C)
        layer.outputNorm.apply(first, rows: B, residual: h, parallel: parallel)
    }

    /// 1/√D, the attention scores' scale.
    private var scale: Float { 1 / Float(config.headSize).squareRoot() }

    /// The feed-forward activation, applied by the intermediate GEMM.
    private var activation: GEMMActivation {
        switch config.hiddenActivation {
        case .gelu: .geluErf
        case .geluTanh: .geluTanh
        case .relu: .relu
        }
    }
}

/// Buffers for one layer of one group (or batch), reused by every layer: a worker owns one at a time.
final class LayerScratch: @unchecked Sendable {
    let qkv: UnsafeMutablePointer<Float>      // (T, 3C)
    let context: UnsafeMutablePointer<Float>  // (T, C)
    let hidden: UnsafeMutablePointer<Float>   // (T, C)
    let inner: UnsafeMutablePointer<Float>    // (T, I)

    init(tokens T: Int, sequences B: Int, config: TransformerConfig) {
        let C = config.hiddenSize, I = config.intermediateSize, rows = max(T, B, 1)
        qkv = .allocate(capacity: rows * 3 * C)
        context = .allocate(capacity: rows * C)
        hidden = .allocate(capacity: rows * C)
        inner = .allocate(capacity: rows * I)
    }

    deinit {
        qkv.deallocate()
        context.deallocate()
        hidden.deallocate()
        inner.deallocate()
    }
}
