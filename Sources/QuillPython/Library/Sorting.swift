// Sorting as `sorted()` and `list.sort()` do it: stable, by `<` only, with `key=` computed once per item and
// `reverse=True` keeping equal items in their original order (CPython reverses, sorts stably, reverses back).

enum Sorting {
    /// The items in order. `key`: a callable or None; `reverse`: any value, taken by its truth.
    static func sorted(_ items: [Value], key: Value?, reverse: Value?, _ context: any Context) throws -> [Value] {
        let descending = try reverse.map { try context.truth($0) } ?? false
        var keys: [Value]
        if let key, !key.isNone {
            keys = []
            keys.reserveCapacity(items.count)
            for item in items { keys.append(try context.call(key, Arguments([item]))) }
        } else {
            keys = items
        }
        return try order(keys, descending: descending, context).map { items[$0] }
    }

    /// The positions of `keys` in sorted order (stable; equal keys keep their order when descending too).
    static func order(_ keys: [Value], descending: Bool, _ context: any Context) throws -> [Int] {
        var order = Array(keys.indices)
        if descending { order.reverse() }
        order = order.count < 64 ? try smallSort(order, keys, context) : try mergeSort(order, keys, context)
        if descending { order.reverse() }
        return order
    }


    /// Below 64 items CPython's timsort is one run: the leading ascending (or strictly descending, then reversed)
    /// run, then binary insertion of the rest. Doing exactly that asks the same `<` questions in the same order, so
    /// results agree even for inconsistent orders (NaN) and a TypeError names the same operands.
    private static func smallSort(_ input: [Int], _ keys: [Value], _ context: any Context) throws -> [Int] {
        var a = input
        let n = a.count
        guard n > 1 else { return a }
        func less(_ x: Int, _ y: Int) throws -> Bool { try context.less(keys[x], keys[y]) }
        var run = 2
        if try less(a[1], a[0]) {
            while run < n, try less(a[run], a[run - 1]) { run += 1 }
            a[0..<run].reverse()
        } else {
            while run < n, !(try less(a[run], a[run - 1])) { run += 1 }
        }
        for start in run..<n {
            let pivot = a[start]
            var lo = 0, hi = start
            while lo < hi {
                let mid = lo + (hi - lo) / 2
                if try less(pivot, a[mid]) { hi = mid } else { lo = mid + 1 }
            }
            a.remove(at: start)
            a.insert(pivot, at: lo)
        }
        return a
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
