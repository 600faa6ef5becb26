// A byte trie over a vocabulary, for the Unigram model's common-prefix search (tokenizers/src/models/unigram/trie.rs
// keeps a hash map per node; this keeps each node's edges sorted in one flat array, which is smaller and needs no
// hashing). Built once from the sorted keys; read-only afterwards.

struct ByteTrie: Sendable {
    /// Per node: where its edges start in `labels`/`targets`, how many there are, and the id of the key that ends
    /// there (-1 when none).
    private var edgeStart: [Int32] = []
    private var edgeCount: [UInt16] = []
    private var terminalId: [Int32] = []
    /// Per edge, sorted by label within a node: the byte and the child node.
    private var labels: [UInt8] = []
    private var targets: [Int32] = []

    /// A trie holding every key of `vocab`; a key's node reports its id. The empty key is never reported (Rust's
    /// trie marks the root but only yields prefixes of at least one byte).
    init(_ vocab: [[UInt8]: Int32]) {
        let keys = vocab.keys.sorted { $0.lexicographicallyPrecedes($1) }
        guard !keys.isEmpty else {
            appendNode()
            return
        }
        // Work items: a node and the sorted keys below it, which all share their first `depth` bytes.
        var work: [(node: Int, keys: Range<Int>, depth: Int)] = [(appendNode(), 0..<keys.count, 0)]
        while let item = work.popLast() {
            var i = item.keys.lowerBound
            if keys[i].count == item.depth {
                if item.depth > 0, let id = vocab[keys[i]] { terminalId[item.node] = id }
                i += 1  // sorted order puts the key equal to the prefix first
            }
            var groups: [(label: UInt8, keys: Range<Int>)] = []
            while i < item.keys.upperBound {
                let label = keys[i][item.depth]
                var j = i + 1
                while j < item.keys.upperBound && keys[j][item.depth] == label { j += 1 }
                groups.append((label, i..<j))
                i = j
            }
            edgeStart[item.node] = Int32(labels.count)
            edgeCount[item.node] = UInt16(groups.count)
            for group in groups {
                let child = appendNode()
                labels.append(group.label)
                targets.append(Int32(child))
                work.append((child, group.keys, item.depth + 1))
            }
        }
    }

    @discardableResult
    private mutating func appendNode() -> Int {
        edgeStart.append(0)
        edgeCount.append(0)
        terminalId.append(-1)
        return terminalId.count - 1
    }

    /// The child of `node` along `byte`, by binary search over its sorted edges.
    @inline(__always)
    private func child(_ node: Int, _ byte: UInt8) -> Int? {
        var low = Int(edgeStart[node])
        var high = low + Int(edgeCount[node])
        while low < high {
            let mid = (low + high) >> 1
            let label = labels[mid]
            if label == byte { return Int(targets[mid]) }
            if label < byte { low = mid + 1 } else { high = mid }
        }
        return nil
    }

    /// Calls `body(end, id)` for every key equal to `bytes[start..<end]`, shortest first.
    @inline(__always)
    func forEachPrefix(of bytes: [UInt8], from start: Int, _ body: (Int, Int32) -> Void) {
        var node = 0
        var position = start
        while position < bytes.count, let next = child(node, bytes[position]) {
            node = next
            position += 1
            let id = terminalId[node]
            if id >= 0 { body(position, id) }
        }
    }
}
