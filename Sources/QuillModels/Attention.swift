// Multi-head self-attention over packed sequences: per (sequence, head), softmax(Q·Kᵀ/√D + bias)·V over that
// sequence's own L tokens, with no mask and no padding (see Encoder.swift for why that is exact). The bias is
// MPNet's relative position bias (RelativePositionBias), which the kernel adds to the scores in the same pass.
import Dispatch
import QuillTensors

/// qkv: (T, 3C) with query, key and value side by side in each row; context: (T, C), written. With
/// `firstQueryOnly`, only each sequence's first token attends (keys and values still span the sequence) and
/// context is (B, C), one row per sequence: all a classification head on the first token needs.
func attention(
    qkv: UnsafeMutablePointer<Float>, context: UnsafeMutablePointer<Float>, batch: PackedBatch,
    heads H: Int, headSize D: Int, scale: Float, bias: RelativePositionBias? = nil, firstQueryOnly: Bool = false,
    parallel: Bool = true
) {
    let C = H * D
    let ld = 3 * C
    let items = batch.sequenceCount * H
    var longestSequence = 0
    for s in 0..<batch.sequenceCount { longestSequence = max(longestSequence, batch.offsets[s + 1] - batch.offsets[s]) }
    let longest = longestSequence
    let workers = parallel ? min(Parallel.workers, items) : min(1, items)
    if workers == 0 { return }
    let qkvShared = SharedPointer(qkv), contextShared = SharedPointer(context)
    let work: @Sendable (Int) -> Void = { worker in
        let qkv = qkvShared.pointer, context = contextShared.pointer
        let scratch = UnsafeMutablePointer<Float>.allocate(capacity: attentionScratchCount(keys: longest, headSize: D))
        defer { scratch.deallocate() }
        var item = worker
        while item < items {
            let s = item / H, h = item % H
            item += workers
            let r0 = batch.offsets[s], L = batch.offsets[s + 1] - r0
            if L == 0 { continue }
            let row = qkv + r0 * ld + h * D
            // context (queries, D) = softmax(scale · Q Kᵀ + bias) · V over this sequence's L tokens
            let out = context + (firstQueryOnly ? s : r0) * C + h * D
            attentionHead(q: row, k: row + C, v: row + 2 * C, ld: ld, out: out, ldo: C, queries: firstQueryOnly ? 1 : L,
                          keys: L, headSize: D, scale: scale, bias: bias?.centre(head: h),
                          biasStride: RelativePositionBias.rowStride, scratch: scratch)
        }
    }
    if workers == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: workers, execute: work) }
}
