// torch.topk along the last dimension, as PyTorch's CPU kernel computes it (aten topk_impl_loop): for k*64 <= n
// a partial sort of the (value, index) pairs, else nth_element at k-1 followed, when sorted, by a sort of the
// first k-1 pairs only. NaN counts as the largest value. The libstdc++ algorithms behind it (StdAlgorithms) fix
// where tied values land, so indices come out in torch's order, ties included.

enum TorchTopK {
    struct Entry: Equatable {
        var value: Double
        var index: Int
    }

    /// The k best entries of `values` (largest or smallest), in torch's order.
    /// - Precondition: 0 <= k <= values.count (callers raise torch's error first).
    static func topk(_ values: [Double], k: Int, largest: Bool = true, sorted: Bool = true) -> [Entry] {
        precondition(k >= 0 && k <= values.count, "topk: k out of range")
        guard k > 0 else { return [] }
        var queue = values.enumerated().map { Entry(value: $0.element, index: $0.offset) }
        let before: (Entry, Entry) -> Bool = largest
            ? { ($0.value.isNaN && !$1.value.isNaN) || $0.value > $1.value }
            : { (!$0.value.isNaN && $1.value.isNaN) || $0.value < $1.value }
        let n = queue.count
        if k * 64 <= n {
            StdAlgorithms.partialSort(&queue, 0, k, n, before)
        } else {
            StdAlgorithms.nthElement(&queue, 0, k - 1, n, before)
            if sorted { StdAlgorithms.sort(&queue, 0, k - 1, before) }
        }
        return Array(queue.prefix(k))
    }

    /// torch's message for k > the dimension's size.
    static let outOfRange = PyError(.exception("RuntimeError"), "selected index k out of range")
}
