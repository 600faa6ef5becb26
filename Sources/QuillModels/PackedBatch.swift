// Sequences packed for the encoder without padding: one matrix of every sequence's tokens, (T, C) with
// T = sum of lengths, and the row offsets where each sequence starts; and how a batch is cut into groups of whole
// sequences for the cores.
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
