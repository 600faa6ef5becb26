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
    /// Each run ends where its token count is within a quarter of `tokens` and needs the fewest rows of padding
    /// to a multiple of `tile` (the GEMM's row tile: see Encoder.paddedRows), the closest to `tokens` among
    /// equals; a run that cannot reach three quarters of `tokens` (the batch ends, or the next sequence is too
    /// long) takes what it can.
    func groups(ofAbout tokens: Int, tile: Int = 8) -> [Range<Int>] {
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
    func callAsFunction(_ batch: PackedBatch, firstTokensOnly: Bool = false, split: Split = .automatic)
        throws(EngineError) -> [Float]
    {
        let C = config.hiddenSize
        var out = [Float](repeating: 0, count: (firstTokensOnly ? batch.sequenceCount : batch.tokenCount) * C)
        try checkTokens(batch)
        out.withUnsafeMutableBufferPointer { ob in
            guard let base = ob.baseAddress else { return }
            let os = SharedPointer(base)
            forEachGroupChecked(batch, firstTokensOnly: firstTokensOnly, split: split) { sequences, rows in
                let r0 = firstTokensOnly ? sequences.lowerBound : batch.offsets[sequences.lowerBound]
                let count = firstTokensOnly ? sequences.count : batch.offsets[sequences.upperBound] - r0
                (os.pointer + r0 * C).update(from: rows, count: count * C)
            }
        }
        return out
    }

    /// Runs the encoder and hands each group of sequences' output to `consume`, on the thread that computed it,
    /// while the buffer is that thread's: `consume(sequences, rows)` gets the group's sequence indices and its last
    /// hidden states, (tokens of those sequences, C) packed like the input, or (sequences.count, C) first tokens
    /// with `firstTokensOnly` (see callAsFunction). The groups partition the batch; their order is not defined.
    /// - Throws: `EngineError.tokenOutOfRange` when a token id does not fit the embedding table (before any work).
    ///
    /// Parallelism: sequences never interact (attention stays inside each one), so a batch with enough tokens is cut into groups of whole sequences (about `Parallel.groupTokens` tokens each)
    /// and each core takes the next group through the embeddings, every layer and `consume`: no barrier until the
    /// batch is done, and a group's activations stay in its core's L2 from the first layer to the last (the
    /// weights come from the shared cache). A batch of fewer groups than twice the cores instead splits each
    /// operation across the cores. Either way every row goes through the same kernels in the same order, so the
    /// results do not depend on the split.
    func forEachGroup(_ batch: PackedBatch, firstTokensOnly: Bool = false, split: Split = .automatic,
                      _ consume: @escaping @Sendable (Range<Int>, UnsafePointer<Float>) -> Void) throws(EngineError)
    {
        try checkTokens(batch)
        forEachGroupChecked(batch, firstTokensOnly: firstTokensOnly, split: split, consume)
    }

    private func checkTokens(_ batch: PackedBatch) throws(EngineError) {
        for id in batch.ids where id < 0 || Int(id) >= config.vocabSize {
            throw .tokenOutOfRange(id: Int(id), vocabSize: config.vocabSize)
        }
    }

    private func forEachGroupChecked(_ batch: PackedBatch, firstTokensOnly: Bool, split: Split,
                                     _ consume: @escaping @Sendable (Range<Int>, UnsafePointer<Float>) -> Void) {
        let B = batch.sequenceCount
        if B == 0 { return }
        let workers = Parallel.workers
        var groups: [Range<Int>]
        switch split {
        case .automatic:
            groups = batch.groups(ofAbout: Parallel.groupTokens)
            if workers < 2 || groups.count < 2 * workers { groups = [] }
        case .groups(let tokens): groups = batch.groups(ofAbout: tokens)
        case .operations: groups = []
        }
        if groups.isEmpty {
            let scratch = LayerScratch(tokens: batch.tokenCount, sequences: B, config: config)
            consume(0..<B, run(batch, firstTokensOnly: firstTokensOnly, scratch: scratch, parallel: workers > 1))
            return
        }
        let tokens = groups.map { batch.offsets[$0.upperBound] - batch.offsets[$0.lowerBound] }.max() ?? 0
        let sequences = groups.map(\.count).max() ?? 0
        let scratches = (0..<workers).map { _ in LayerScratch(tokens: tokens, sequences: sequences, config: config) }
        let next = GroupCounter()
        let chosen = groups
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            while let g = next.take(below: chosen.count) {
                let part = batch.sequences(chosen[g])
                consume(chosen[g], run(part, firstTokensOnly: firstTokensOnly, scratch: scratches[w], parallel: false))
            }
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

    /// The embeddings and every layer for `batch` (token ids checked), in `scratch`; returns its output rows
    /// (scratch.x, or scratch.first with `firstTokensOnly`).
    private func run(_ batch: PackedBatch, firstTokensOnly: Bool, scratch: LayerScratch, parallel: Bool)
        -> UnsafePointer<Float>
    {
        let x = scratch.x, C = config.hiddenSize
        if batch.tokenCount == 0 {   // sequences without tokens: nothing to attend to, zeros out
            scratch.first.update(repeating: 0, count: batch.sequenceCount * C)
            return UnsafePointer(scratch.first)
        }
        let T = batch.tokenCount
        (x + T * C).update(repeating: 0, count: (paddedRows(T) - T) * C)   // finite rows for the GEMMs' last tile
        embed(batch, into: x, parallel: parallel)
        for (i, layer) in layers.enumerated() {
            if firstTokensOnly && i == layers.count - 1 {
                runFirstTokens(layer, x: x, batch: batch, into: scratch.first, scratch: scratch, parallel: parallel)
            } else {
                run(layer, x: x, batch: batch, scratch: scratch, parallel: parallel)
            }
        }
        guard firstTokensOnly else { return UnsafePointer(x) }
        if layers.isEmpty {
            for s in 0..<batch.sequenceCount { (scratch.first + s * C).update(from: x + batch.offsets[s] * C, count: C) }
        }
        return UnsafePointer(scratch.first)
    }

    /// Word, token-type and position embeddings, then LayerNorm, into x (T, C). Token ids must be in range
    /// (checked by the caller).
    private func embed(_ batch: PackedBatch, into x: UnsafeMutablePointer<Float>, parallel: Bool) {
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
        embeddingNorm.apply(x, rows: batch.tokenCount, parallel: parallel)
    }

    /// Rows the dense operations run on: T rounded up to the packed GEMM's row tile (8, gemm.c's MR), so that no
    /// product ends in a partial tile (which the GEMM would copy into a padded tile for every panel). The extra
    /// rows are scratch that no sequence owns: they hold finite leftovers, go through the row-wise operations like
    /// any row, and attention and the results never read them.
    private func paddedRows(_ rows: Int) -> Int { (rows + 7) & ~7 }

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

    /// The last layer for the first token of each sequence only: reads x (T, C), writes `first` (B, C).
    private func runFirstTokens(_ layer: EncoderLayer, x: UnsafeMutablePointer<Float>, batch: PackedBatch,
                                into first: UnsafeMutablePointer<Float>, scratch: LayerScratch, parallel: Bool) {
        let T = paddedRows(batch.tokenCount), B = batch.sequenceCount, C = config.hiddenSize
        let qkv = scratch.qkv, ctx = scratch.context, h = scratch.hidden, inner = scratch.inner
        for s in 0..<B { (first + s * C).update(from: x + batch.offsets[s] * C, count: C) }   // the residual
        (first + B * C).update(repeating: 0, count: (paddedRows(B) - B) * C)
        layer.qkv.apply(x, rows: T, into: qkv, parallel: parallel)                                  // (T, 3C)
        attention(qkv: qkv, context: ctx, batch: batch, heads: config.headCount, headSize: config.headSize,
                  scale: scale, firstQueryOnly: true, parallel: parallel)                             // (B, C)
        let rows = paddedRows(B)
        layer.attentionOutput.apply(ctx, rows: rows, into: h, parallel: parallel)                   // (B, C)
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
    let first: UnsafeMutablePointer<Float>    // (B, C): first tokens out of the last layer
    let qkv: UnsafeMutablePointer<Float>      // (T, 3C)
    let context: UnsafeMutablePointer<Float>  // (T, C)
    let hidden: UnsafeMutablePointer<Float>   // (T, C)
    let inner: UnsafeMutablePointer<Float>    // (T, I)

    init(tokens T: Int, sequences B: Int, config: TransformerConfig) {
        // Rows rounded up to the GEMM's row tile (Encoder.paddedRows); zeros to start, so every row is finite.
        let C = config.hiddenSize, I = config.intermediateSize, rows = (max(T, B, 1) + 7) & ~7
        func buffer(_ count: Int) -> UnsafeMutablePointer<Float> {
            let p = UnsafeMutablePointer<Float>.allocate(capacity: count)
            p.initialize(repeating: 0, count: count)
            return p
        }
        x = buffer(rows * C)
        first = buffer(rows * C)
        qkv = buffer(rows * 3 * C)
        context = buffer(rows * C)
        hidden = buffer(rows * C)
        inner = buffer(rows * I)
    }

    deinit {
        x.deallocate()
        first.deallocate()
        qkv.deallocate()
        context.deallocate()
        hidden.deallocate()
        inner.deallocate()
    }
}
