// How the encoder shares a batch out across the cores: groups of whole sequences, each taken by one core through
// every layer, or one part whose every operation is split across the cores.
import Dispatch
import QuillTensors

extension Encoder {
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
    func forEachPart(_ batch: PackedBatch, split: Split, firstTokens: Bool = false,
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
}
