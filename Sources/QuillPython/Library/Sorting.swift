// Sorting as `sorted()` and `list.sort()` do it: stable, by `<` only, with `key=` computed once per item and
// `reverse=True` keeping equal items in their original order (CPython reverses, sorts stably, reverses back).

enum Sorting {
    /// The items in order. `key`: a callable or None; `reverse`: any value, taken by its truth.
    static func sorted(_ items: [Value], key: Value?, reverse: Value?, _ context: any Context) throws -> [Value] {
        let descending = try reverse.map { try context.truth($0) } ?? false
        var keys: [Value]
        if let key, !isNone(key) {
            keys = []
            keys.reserveCapacity(items.count)
            for item in items { keys.append(try context.call(key, Arguments([item]))) }
        } else {
            keys = items
        }
        var order = Array(items.indices)
        if descending { order.reverse() }
        order = try mergeSort(order, keys, context)
        if descending { order.reverse() }
        return order.map { items[$0] }
    }

    private static func isNone(_ v: Value) -> Bool {
        if case .none = v { return true }
        return false
    }

    /// A bottom-up merge sort of indices by their keys. Like CPython, each comparison asks whether the later item
    /// is less than the earlier one, so a TypeError names the operands in CPython's order.
    private static func mergeSort(_ input: [Int], _ keys: [Value], _ context: any Context) throws -> [Int] {
        var a = input
        let n = a.count
        guard n > 1 else { return a }
        var b = a
        var width = 1
        var steps = 0
        while width < n {
            var lo = 0
            while lo < n {
                let mid = min(lo + width, n), hi = min(lo + 2 * width, n)
                var i = lo, j = mid, k = lo
                while i < mid && j < hi {
                    // Take from the right run only when strictly less: equal keys keep their order.
                    if try context.less(keys[a[j]], keys[a[i]]) {
                        b[k] = a[j]; j += 1
                    } else {
                        b[k] = a[i]; i += 1
                    }
                    k += 1
                    steps += 1
                    if steps & 0xFFFF == 0 { try context.checkDeadline() }
                }
                while i < mid { b[k] = a[i]; i += 1; k += 1 }
                while j < hi { b[k] = a[j]; j += 1; k += 1 }
                lo = hi
            }
            swap(&a, &b)
            width *= 2
        }
        return a
    }
}
