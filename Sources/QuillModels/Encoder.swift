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
import QuillTensors

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
    /// Each run ends where its token count is within a quarter of `tokens` and needs the fewest rows of padding
    /// to a multiple of `tile` (the GEMM's row tile: see paddedRows), the closest to `tokens` among
    /// equals; a run that cannot reach three quarters of `tokens` (the batch ends, or the next sequence is too
    /// long) takes what it can.
    func groups(ofAbout tokens: Int, tile: Int = PackedWeight.rowTile) -> [Range<Int>] {
        let low = tokens - tokens / 4, high = tokens + tokens / 4
        func padding(_ n: Int) -> Int { (tile - n % tile) % tile }
        var groups: [Range<Int>] = []
        var start = 0
        while start < sequenceCount {
            var end = start + 1           // the run start..<end
            var best: (end: Int, padding: Int, distance: Int)?
            while end <= sequenceCount {
                let n = offsets[end] - offsets[start]
                if end > start + 1 && n > high { break }
                if n >= low, best.map({ (padding(n), abs(n - tokens)) < ($0.padding, $0.distance) }) ?? true {
                    best = (end, padding(n), abs(n - tokens))
                }
                end += 1
            }
            let chosen = best?.end ?? end - 1   // never reached `low`: everything that fits
            groups.append(start..<chosen)
            start = chosen
        }
        return groups
    }
}

/// Sequence indices ordered longest first (ties in input order): the order in which a batch of many inputs is
/// packed, so that the longest groups start first and the cores finish together.
func longestFirst(_ lengths: [Int]) -> [Int] {
    lengths.indices.sorted { lengths[$0] != lengths[$1] ? lengths[$0] > lengths[$1] : $0 < $1 }
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
    /// The last layer's first-token attention without keys or values, for `firstTokensOnly` (nil: they are formed).
    let lastFirstTokenAttention: FirstTokenAttention?

    /// `firstTokens`: the caller reads first tokens only (a cross-encoder), so the last layer's attention gets
    /// the form that needs no keys or values (FirstTokenAttention) where the packed GEMM runs.
    init(_ w: Weights, _ config: TransformerConfig, firstTokens: Bool = false) throws(LoadError) {
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
        if firstTokens, config.layerCount > 0 {
            let a = w.scoped("encoder.layer.\(config.layerCount - 1).attention.self")
            lastFirstTokenAttention = FirstTokenAttention(
                key: try a.tensor("key.weight", shape: [C, C]), keyBias: try a.tensor("key.bias", shape: [C]),
                value: try a.tensor("value.weight", shape: [C, C]), valueBias: try a.tensor("value.bias", shape: [C]),
                heads: config.headCount, headSize: config.headSize)
        } else {
            lastFirstTokenAttention = nil
        }
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

    /// Cuts `batch` into groups and runs `body(part, sequences, scratch, parallel)` for each on the cores: `part` is
    /// the group's sequences packed on their own, `scratch` the worker's, `parallel` false.
    ///
    /// Parallelism: sequences never interact (attention stays inside each one), so a batch with enough tokens is
    /// cut into groups of whole sequences (about `Parallel.groupTokens` tokens each) and each core takes the next
    /// group through the embeddings, every layer and `body`: no barrier until the batch is done, and a group's
    /// activations stay in its core's L2 from one operation to the next (the weights come from the shared cache).
    /// A batch of fewer groups than twice the cores is instead one part whose every operation is split across the
    /// cores (`parallel` true). Either way every row goes through the same kernels in the same order, so the
    /// results do not depend on the split.
    private func forEachPart(_ batch: PackedBatch, split: Split, firstTokens: Bool = false,
                             _ body: @escaping @Sendable (PackedBatch, Range<Int>, LayerScratch, Bool) -> Void) {
        let B = batch.sequenceCount
        if B == 0 { return }
        let workers = Parallel.workers
        var groups: [Range<Int>]
        switch split {
        case .automatic:
            groups = batch.groups(ofAbout: Parallel.groupTokens)
            if groups.count < 2 * workers { groups = [] }
        case .groups(let tokens): groups = batch.groups(ofAbout: tokens)
        case .operations: groups = []
        }
        if groups.isEmpty {
            body(batch, 0..<B, LayerScratch(tokens: batch.tokenCount, sequences: B, config: config, firstTokens: firstTokens),
                 workers > 1)
            return
        }
        let tokens = groups.map { batch.offsets[$0.upperBound] - batch.offsets[$0.lowerBound] }.max() ?? 0
        let sequences = groups.map(\.count).max() ?? 0
        let scratches = (0..<workers).map { _ in
            LayerScratch(tokens: tokens, sequences: sequences, config: config, firstTokens: firstTokens)
        }
        let next = GroupCounter()
        let chosen = groups
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            while let g = next.take(below: chosen.count) { body(batch.sequences(chosen[g]), chosen[g], scratches[w], false) }
        }
    }

    /// How a batch shares out its work across the cores.
    enum Split {
        /// Groups when the batch has at least two per core, otherwise operations.
        case automatic
        /// Groups of whole sequences of about this many tokens, each run by one core through every layer.
        case groups(tokens: Int)
        /// Every operation on the whole batch, split across the cores.
        case operations
    }

    /// The embeddings and every layer for `batch` (token ids checked), in `scratch`; returns the last hidden
    /// states (scratch.x).
    private func hiddenStates(_ batch: PackedBatch, scratch: LayerScratch, parallel: Bool) -> UnsafePointer<Float> {
        let x = scratch.x
        guard embed(batch, scratch: scratch, parallel: parallel) else { return UnsafePointer(x) }
        for layer in layers { run(layer, x: x, batch: batch, scratch: scratch, parallel: parallel) }
        return UnsafePointer(x)
    }

    /// First tokens out of the last layer, (B, C): each group runs every layer but the last, then the last one's
    /// first-token attention (attendFirstTokens), leaving its rows of the residual and of the attention in two
    /// batch-wide matrices; the rest of the last layer then runs on those B rows at once.
    private func firstTokens(_ batch: PackedBatch, split: Split) -> [Float] {
        let B = batch.sequenceCount, C = config.hiddenSize
        guard B > 0, batch.tokenCount > 0 else { return [Float](repeating: 0, count: B * C) }
        let tail = FirstTokenScratch(sequences: B, config: config)   // first: residual; context: attention
        let residual = SharedPointer(tail.first), context = SharedPointer(tail.context)
        forEachPart(batch, split: split, firstTokens: lastFirstTokenAttention != nil) { part, sequences, scratch, parallel in
            let x = scratch.x, r0 = sequences.lowerBound * C
            embed(part, scratch: scratch, parallel: parallel)
            for layer in layers.dropLast() { run(layer, x: x, batch: part, scratch: scratch, parallel: parallel) }
            let first = scratch.first   // the group's first-token rows of x, (B, C)
            for s in 0..<part.sequenceCount {
                if part.offsets[s + 1] > part.offsets[s] {
                    (first + s * C).update(from: x + part.offsets[s] * C, count: C)
                } else {   // a sequence without tokens has no first token: zeros, not a neighbour's row
                    (first + s * C).update(repeating: 0, count: C)
                }
            }
            (residual.pointer + r0).update(from: first, count: sequences.count * C)
            if let last = layers.last {
                attendFirstTokens(last, x: x, batch: part, scratch: scratch, parallel: parallel)
                (context.pointer + r0).update(from: scratch.context, count: sequences.count * C)
                for s in 0..<part.sequenceCount where part.offsets[s + 1] == part.offsets[s] {
                    (context.pointer + r0 + s * C).update(repeating: 0, count: C)   // nothing to attend to
                }
            }
        }
        if let last = layers.last { finishFirstTokens(last, rows: B, scratch: tail, parallel: Parallel.workers > 1) }
        return Array(UnsafeBufferPointer(start: tail.first, count: B * C))
    }

    /// Word, token-type and position embeddings, then LayerNorm, into scratch.x (T, C), and zeros in its padding
    /// rows. Token ids must be in range (checked by the caller). False when the batch has no tokens.
    @discardableResult
    private func embed(_ batch: PackedBatch, scratch: LayerScratch, parallel: Bool) -> Bool {
        let C = config.hiddenSize, T = batch.tokenCount, x = scratch.x
        (x + T * C).update(repeating: 0, count: (paddedRows(T) - T) * C)   // finite rows for the GEMMs' last tile
        if T == 0 { return false }
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
        embeddingNorm.apply(x, rows: batch.tokenCount, parallel: parallel)
        return true
    }


    /// One post-LN transformer layer, in place on x (T, C), T = batch.tokenCount (dense operations on
    /// paddedRows(T) rows).
    private func run(_ layer: EncoderLayer, x: UnsafeMutablePointer<Float>, batch: PackedBatch, scratch: LayerScratch,
                     parallel: Bool) {
        let T = paddedRows(batch.tokenCount)
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

    /// The last layer's attention for the first token of each sequence only: reads x (T, C) and the first tokens'
    /// rows of it in scratch.first (B, C), writes scratch.context (B, C). With `lastFirstTokenAttention` (an
    /// encoder made with `firstTokens` where the packed GEMM runs): queries for the first tokens, then no keys or
    /// values at all. Otherwise (no packed GEMM) queries, keys and values for every token, and attention for the
    /// first ones.
    private func attendFirstTokens(_ layer: EncoderLayer, x: UnsafeMutablePointer<Float>, batch: PackedBatch,
                                   scratch: LayerScratch, parallel: Bool) {
        if let keyFree = lastFirstTokenAttention, let heads = scratch.heads,
           let queries = firstQueries(layer, batch: batch, scratch: scratch) {
            // On one core even for a batch split by operations: about 2·H·C multiply-adds per token and 2·C² per
            // sequence, a few percent of one layer's products.
            keyFree(queries: queries, x: x, batch: batch, scale: scale, scratch: heads, context: scratch.context)
            return
        }
        let qkv = scratch.qkv
        layer.qkv.apply(x, rows: paddedRows(batch.tokenCount), into: qkv, parallel: parallel)   // (T, 3C)
        attention(qkv: qkv, context: scratch.context, batch: batch, heads: config.headCount, headSize: config.headSize,
                  scale: scale, firstQueryOnly: true, parallel: parallel)   // (B, C)
    }

    /// The first tokens' queries, (B, C) in scratch.hidden (free until the rest of the layer): the packed GEMM on
    /// the QKV weight's first C outputs for scratch.first's rows. Nil without the packed GEMM.
    private func firstQueries(_ layer: EncoderLayer, batch: PackedBatch, scratch: LayerScratch) -> UnsafePointer<Float>? {
        guard let packed = layer.qkv.packed, let bias = layer.qkv.bias else { return nil }
        let C = config.hiddenSize
        bias.withUnsafeBufferPointer { b in
            packed.multiply(scratch.first, rows: paddedRows(batch.sequenceCount), bias: b.baseAddress!, outputs: 0..<C,
                            into: scratch.hidden, ldy: C)
        }
        return UnsafePointer(scratch.hidden)
    }

    /// The rest of the last layer on B first-token rows: scratch.first holds their residual (x) and
    /// scratch.context their attention; scratch.first gets their output.
    private func finishFirstTokens(_ layer: EncoderLayer, rows B: Int, scratch: FirstTokenScratch, parallel: Bool) {
        let rows = paddedRows(B), first = scratch.first, h = scratch.hidden, inner = scratch.inner
        layer.attentionOutput.apply(scratch.context, rows: rows, into: h, parallel: parallel)       // (B, C)
        layer.attentionNorm.apply(h, rows: rows, residual: first, parallel: parallel)
        layer.intermediate.apply(h, rows: rows, into: inner, activation: activation, parallel: parallel)  // (B, I)
        layer.output.apply(inner, rows: rows, into: first, parallel: parallel)                      // (B, C)
        layer.outputNorm.apply(first, rows: rows, residual: h, parallel: parallel)
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

/// Buffers for one group (or batch) through the encoder, reused by every layer and group: a worker owns one.
final class LayerScratch: @unchecked Sendable {
    let x: UnsafeMutablePointer<Float>        // (T, C): the hidden states, layer after layer
    let first: UnsafeMutablePointer<Float>    // (B, C): the group's first-token rows going into the last layer
    let qkv: UnsafeMutablePointer<Float>      // (T, 3C)
    let context: UnsafeMutablePointer<Float>  // (T, C)
    let hidden: UnsafeMutablePointer<Float>   // (T, C)
    let inner: UnsafeMutablePointer<Float>    // (T, I)
    let heads: UnsafeMutablePointer<Float>?   // FirstTokenAttention's scratch, when the group reads first tokens only

    init(tokens T: Int, sequences B: Int, config: TransformerConfig, firstTokens: Bool = false) {
        let C = config.hiddenSize, I = config.intermediateSize, rows = scratchRows(max(T, B))
        x = zeroedFloats(rows * C)
        first = zeroedFloats(rows * C)
        qkv = zeroedFloats(rows * 3 * C)
        context = zeroedFloats(rows * C)
        hidden = zeroedFloats(rows * C)
        inner = zeroedFloats(rows * I)
        heads = firstTokens ? zeroedFloats(FirstTokenAttention.scratchCount(sequences: B, longest: T, heads: config.headCount,
                                                                             hidden: C)) : nil
    }

    deinit {
        x.deallocate()
        first.deallocate()
        qkv.deallocate()
        context.deallocate()
        hidden.deallocate()
        inner.deallocate()
        heads?.deallocate()
    }
}

/// The cross-encoder's batch-wide rows for the rest of the last layer: one row per sequence (its first token)
/// in each buffer, and no token-wide buffers.
final class FirstTokenScratch: @unchecked Sendable {
    let first: UnsafeMutablePointer<Float>    // (B, C): the residual in, the last layer's output out
    let context: UnsafeMutablePointer<Float>  // (B, C): the first tokens' attention
    let hidden: UnsafeMutablePointer<Float>   // (B, C)
    let inner: UnsafeMutablePointer<Float>    // (B, I)

    init(sequences B: Int, config: TransformerConfig) {
        let C = config.hiddenSize, rows = scratchRows(B)
        first = zeroedFloats(rows * C)
        context = zeroedFloats(rows * C)
        hidden = zeroedFloats(rows * C)
        inner = zeroedFloats(rows * config.intermediateSize)
    }

    deinit {
        first.deallocate()
        context.deallocate()
        hidden.deallocate()
        inner.deallocate()
    }
}

/// Rows the dense operations run on: `rows` rounded up to the packed GEMM's row tile (PackedWeight.rowTile, 8), so
/// that no product ends in a partial tile (which the GEMM would copy into a padded tile for every panel). The extra
/// rows are scratch that no sequence owns: they hold finite leftovers, go through the row-wise operations like any
/// row, and attention and the results never read them.
func paddedRows(_ rows: Int) -> Int {
    let tile = PackedWeight.rowTile
    return (rows + tile - 1) / tile * tile
}

/// Rows of a scratch buffer for `count` rows: paddedRows, at least one tile.
func scratchRows(_ count: Int) -> Int { paddedRows(max(count, 1)) }

/// A buffer of zeros to start, so every row a product reads is finite.
private func zeroedFloats(_ count: Int) -> UnsafeMutablePointer<Float> {
    let p = UnsafeMutablePointer<Float>.allocate(capacity: count)
    p.initialize(repeating: 0, count: count)
    return p
}
