// Batching: sequences packed for the encoder without padding (one matrix of every sequence's tokens, (T, C) with
// T = sum of lengths, and the row offsets where each sequence starts), and how the encoder shares a batch out
// across the cores: groups of whole sequences, each taken by one core through every layer, or one part whose every
// operation is split across the cores.
import Dispatch
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
