// Byte-pair-encoding model (as used byte-level by GPT-2/RoBERTa).
// Mirrors tokenizers/src/models/bpe/{model,word}.rs: each scalar of the word starts as its own symbol; the pair
// with the lowest merge rank (then the leftmost) is merged until none is left, using a min-heap with stale entries
// skipped, so a word of n symbols costs O(n log n).

struct BPE: Sendable {
    let vocab: [[UInt8]: Int32]
    /// (left id, right id) packed in 64 bits -> (rank, merged id).
    let merges: [UInt64: (rank: Int32, id: Int32)]
    let unknownId: Int32?
    let continuingSubwordPrefix: [UInt8]
    let endOfWordSuffix: [UInt8]
    let ignoreMerges: Bool

    @inline(__always)
    static func pairKey(_ a: Int32, _ b: Int32) -> UInt64 { UInt64(UInt32(bitPattern: a)) << 32 | UInt64(UInt32(bitPattern: b)) }

    func tokenize(_ word: [Unicode.Scalar], into ids: inout [Int32]) {
        guard !word.isEmpty else { return }
        if ignoreMerges, let id = vocab[word.utf8Bytes] {
            ids.append(id)
            return
        }
        // Initial symbols: one per scalar (with prefix/suffix where configured); unknown scalars become the
        // unknown token when there is one, consecutive unknowns are not fused, and are dropped otherwise.
        var symbols: [Int32] = []
        symbols.reserveCapacity(word.count)
        var bytes: [UInt8] = []
        for (index, c) in word.enumerated() {
            bytes.removeAll(keepingCapacity: true)
            if index > 0 { bytes.append(contentsOf: continuingSubwordPrefix) }
            appendUTF8(c, to: &bytes)
            if index == word.count - 1 { bytes.append(contentsOf: endOfWordSuffix) }
            if let id = vocab[bytes] {
                symbols.append(id)
            } else if let unk = unknownId {
                symbols.append(unk)
            }
        }
        mergeAll(&symbols)
        ids.append(contentsOf: symbols)
    }

    /// Applies merges in rank order on a doubly linked list of symbols.
    private func mergeAll(_ symbols: inout [Int32]) {
        let n = symbols.count
        guard n > 1 else { return }
        var prev = [Int](unsafeUninitializedCapacity: n) { buf, count in
            for i in 0..<n { buf[i] = i - 1 }
            count = n
        }
        var next = [Int](unsafeUninitializedCapacity: n) { buf, count in
            for i in 0..<n { buf[i] = i + 1 }
            count = n
        }
        var alive = [Bool](repeating: true, count: n)
        var heap = MergeHeap()
        for i in 0..<(n - 1) {
            if let m = merges[BPE.pairKey(symbols[i], symbols[i + 1])] {
                heap.push(MergeHeap.Entry(rank: m.rank, position: i, newId: m.id))
            }
        }
        while let top = heap.pop() {
            let pos = top.position
            guard alive[pos], next[pos] < n else { continue }
            let right = next[pos]
            guard let m = merges[BPE.pairKey(symbols[pos], symbols[right])], m.id == top.newId else { continue }
            symbols[pos] = top.newId
            alive[right] = false
            next[pos] = next[right]
            if next[right] < n { prev[next[right]] = pos }
            if prev[pos] >= 0, let pm = merges[BPE.pairKey(symbols[prev[pos]], symbols[pos])] {
                heap.push(MergeHeap.Entry(rank: pm.rank, position: prev[pos], newId: pm.id))
            }
            if next[pos] < n, let nm = merges[BPE.pairKey(symbols[pos], symbols[next[pos]])] {
                heap.push(MergeHeap.Entry(rank: nm.rank, position: pos, newId: nm.id))
            }
        }
        var out: [Int32] = []
        var i = 0
        while i < n {
            out.append(symbols[i])
            i = next[i]
        }
        symbols = out
    }
}

/// A binary min-heap of candidate merges ordered by (rank, position).
struct MergeHeap {
    struct Entry {
        var rank: Int32
        var position: Int
        var newId: Int32
        @inline(__always) func precedes(_ o: Entry) -> Bool {
            rank != o.rank ? rank < o.rank : position < o.position
        }
    }

    private var items: [Entry] = []

    mutating func push(_ e: Entry) {
        items.append(e)
        var i = items.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard items[i].precedes(items[parent]) else { break }
            items.swapAt(i, parent)
            i = parent
        }
    }

    mutating func pop() -> Entry? {
        guard let first = items.first else { return nil }
        let last = items.removeLast()
        if items.isEmpty { return first }
        items[0] = last
        var i = 0
        let count = items.count
        while true {
            let l = 2 * i + 1, r = l + 1
            var best = i
            if l < count && items[l].precedes(items[best]) { best = l }
            if r < count && items[r].precedes(items[best]) { best = r }
            if best == i { break }
            items.swapAt(i, best)
            i = best
        }
        return first
    }
}
