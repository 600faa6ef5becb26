// The encoder's first-token path, for classification heads that read each sequence's first token only
// (cross-encoders): the last layer runs its attention, output projection and feed-forward for the first tokens
// alone, with the key-free attention of FirstTokenAttention where the packed GEMM runs.
//
// Shapes: T = packed tokens, B = sequences, C = hidden size, I = intermediate size.
import QuillTensors

extension Encoder {
    /// First tokens out of the last layer, (B, C): each group runs every layer but the last, then the last one's
    /// first-token attention (attendFirstTokens), leaving its rows of the residual and of the attention in two
    /// batch-wide matrices; the rest of the last layer then runs on those B rows at once.
    func firstTokens(_ batch: PackedBatch, split: Split) -> [Float] {
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

    /// The last layer's attention for the first token of each sequence only: reads x (T, C) and the first tokens'
    /// rows of it in scratch.first (B, C), writes scratch.context (B, C). With `lastFirstTokenAttention` (an
    /// encoder made with `firstTokens` where the packed GEMM runs): queries for the first tokens, then no keys or
    /// values at all. Otherwise (no packed GEMM) queries, keys and values for every token, and attention for the
    /// first ones.
    func attendFirstTokens(_ layer: EncoderLayer, x: UnsafeMutablePointer<Float>, batch: PackedBatch,
                                   scratch: LayerScratch, parallel: Bool) {
        if let keyFree = lastFirstTokenAttention, let heads = scratch.heads,
           let queries = firstQueries(layer, batch: batch, scratch: scratch) {
            // On one core even for a batch split by operations: about 2·H·C multiply-adds per token and 2·C² per
            // sequence, a few percent of one layer's products.
            keyFree(queries: queries, x: x, batch: batch, scale: scale, bias: positionBias, scratch: heads,
                    context: scratch.context)
            return
        }
        let qkv = scratch.qkv
        layer.qkv.apply(x, rows: paddedRows(batch.tokenCount), into: qkv, parallel: parallel)   // (T, 3C)
        attend(qkv: qkv, context: scratch.context, batch: batch, firstQueryOnly: true, parallel: parallel)   // (B, C)
    }

    /// The first tokens' queries, (B, C) in scratch.hidden (free until the rest of the layer): the packed GEMM on
    /// the QKV weight's first C outputs for scratch.first's rows. Nil without the packed GEMM.
    func firstQueries(_ layer: EncoderLayer, batch: PackedBatch, scratch: LayerScratch) -> UnsafePointer<Float>? {
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
    func finishFirstTokens(_ layer: EncoderLayer, rows B: Int, scratch: FirstTokenScratch, parallel: Bool) {
        let rows = paddedRows(B), first = scratch.first, h = scratch.hidden, inner = scratch.inner
        layer.attentionOutput.apply(scratch.context, rows: rows, into: h, parallel: parallel)       // (B, C)
        layer.attentionNorm.apply(h, rows: rows, residual: first, parallel: parallel)
        layer.intermediate.apply(h, rows: rows, into: inner, activation: activation, parallel: parallel)  // (B, I)
        layer.output.apply(inner, rows: rows, into: first, parallel: parallel)                      // (B, C)
        layer.outputNorm.apply(first, rows: rows, residual: h, parallel: parallel)
    }
}
