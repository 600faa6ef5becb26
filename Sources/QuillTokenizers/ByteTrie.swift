// A byte trie over a vocabulary, for the Unigram model's common-prefix search (tokenizers/src/models/unigram/trie.rs
// keeps a hash map per node; this keeps each node's edges sorted in one flat array, which is smaller and needs no
// hashing). Built once from the sorted keys; read-only afterwards.

import Foundation

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
        appendNode()
        // The keys, flattened into one buffer and sorted (memcmp order), so that every node's keys are adjacent.
        var flat: [UInt8] = []
        var keyStart: [Int] = []
        var keyLength: [Int] = []
        var keyId: [Int32] = []
        for (key, id) in vocab where !key.isEmpty {
            keyStart.append(flat.count)
            keyLength.append(key.count)
            keyId.append(id)
            flat.append(contentsOf: key)
        }
        var order = Array(keyId.indices)
        flat.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            order.sort { a, b in
                let common = min(keyLength[a], keyLength[b])
                let c = memcmp(base + keyStart[a], base + keyStart[b], common)
                return c != 0 ? c < 0 : keyLength[a] < keyLength[b]
            }
            // Work items: a node and the range of `order` below it, whose keys share their first `depth` bytes.
            var work: [(node: Int, keys: Range<Int>, depth: Int)] = [(0, 0..<order.count, 0)]
            while let item = work.popLast() {
                var i = item.keys.lowerBound
                if i < item.keys.upperBound && keyLength[order[i]] == item.depth {
                    terminalId[item.node] = keyId[order[i]]  // sorted order puts the key equal to the prefix first
                    i += 1
                }
                edgeStart[item.node] = Int32(labels.count)
                while i < item.keys.upperBound {
                    let label = buffer[keyStart[order[i]] + item.depth]
                    var j = i + 1
                    while j < item.keys.upperBound && buffer[keyStart[order[j]] + item.depth] == label { j += 1 }
                    let child = appendNode()
                    labels.append(label)
                    targets.append(Int32(child))
                    edgeCount[item.node] += 1
                    work.append((child, i..<j, item.depth + 1))
                    i = j
                }
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
