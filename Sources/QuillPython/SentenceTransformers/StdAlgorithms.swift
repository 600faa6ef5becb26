// The sorting algorithms of GNU libstdc++ (std::sort, std::nth_element, std::partial_sort and the heap functions),
// step for step, so that elements that compare equal end up where libstdc++ puts them. torch.topk on the CPU is
// built from these; reproducing them gives torch's order for tied scores (checked against torch 2.15 on tie-heavy
// inputs, Tests/Fixtures/generate/st_topk.py). `before(a, b)` is the strict weak order: true when a goes first.

enum StdAlgorithms {
    /// Below this many elements introsort leaves a range to the final insertion sort (`_S_threshold`).
    static let sortThreshold = 16

    /// std::sort(first, last).
    static func sort<T>(_ a: inout [T], _ first: Int, _ last: Int, _ before: (T, T) -> Bool) {
        guard first != last else { return }
        introsortLoop(&a, first, last, depth: 2 * floorLog2(last - first), before)
        finalInsertionSort(&a, first, last, before)
    }

    /// std::nth_element(first, nth, last).
    static func nthElement<T>(_ a: inout [T], _ first: Int, _ nth: Int, _ last: Int, _ before: (T, T) -> Bool) {
        guard first != last, nth != last else { return }
        var first = first, last = last
        var depth = 2 * floorLog2(last - first)
        while last - first > 3 {
            if depth == 0 {
                heapSelect(&a, first, nth + 1, last, before)
                a.swapAt(first, nth)
                return
            }
            depth -= 1
            let cut = partitionPivot(&a, first, last, before)
            if cut <= nth { first = cut } else { last = cut }
        }
        insertionSort(&a, first, last, before)
    }

    /// std::partial_sort(first, middle, last).
    static func partialSort<T>(_ a: inout [T], _ first: Int, _ middle: Int, _ last: Int, _ before: (T, T) -> Bool) {
        heapSelect(&a, first, middle, last, before)
        sortHeap(&a, first, middle, before)
    }

    static func floorLog2(_ n: Int) -> Int { Int.bitWidth - 1 - n.leadingZeroBitCount }

    private static func introsortLoop<T>(_ a: inout [T], _ first: Int, _ last: Int, depth: Int, _ before: (T, T) -> Bool) {
        var last = last, depth = depth
        while last - first > sortThreshold {
            if depth == 0 {
                partialSort(&a, first, last, last, before)
                return
            }
            depth -= 1
            let cut = partitionPivot(&a, first, last, before)
            introsortLoop(&a, cut, last, depth: depth, before)
            last = cut
        }
    }

    /// Median of a[first+1], a[mid], a[last-1] moved to a[first], then Hoare partition around it.
    private static func partitionPivot<T>(_ a: inout [T], _ first: Int, _ last: Int, _ before: (T, T) -> Bool) -> Int {
        let mid = first + (last - first) / 2
        let (x, y, z) = (first + 1, mid, last - 1)
        if before(a[x], a[y]) {
            if before(a[y], a[z]) { a.swapAt(first, y) } else if before(a[x], a[z]) { a.swapAt(first, z) } else { a.swapAt(first, x) }
        } else if before(a[x], a[z]) {
            a.swapAt(first, x)
        } else if before(a[y], a[z]) {
            a.swapAt(first, z)
        } else {
            a.swapAt(first, y)
        }
        var lo = first + 1, hi = last
        while true {
            while before(a[lo], a[first]) { lo += 1 }
            hi -= 1
            while before(a[first], a[hi]) { hi -= 1 }
            if !(lo < hi) { return lo }
            a.swapAt(lo, hi)
            lo += 1
        }
    }

    private static func insertionSort<T>(_ a: inout [T], _ first: Int, _ last: Int, _ before: (T, T) -> Bool) {
        guard first != last else { return }
        var i = first + 1
        while i < last {
            if before(a[i], a[first]) {
                let value = a[i]
                var j = i
                while j > first { a[j] = a[j - 1]; j -= 1 }
                a[first] = value
            } else {
                unguardedLinearInsert(&a, i, before)
            }
            i += 1
        }
    }

    private static func unguardedLinearInsert<T>(_ a: inout [T], _ position: Int, _ before: (T, T) -> Bool) {
        let value = a[position]
        var last = position
        while before(value, a[last - 1]) {
            a[last] = a[last - 1]
            last -= 1
        }
        a[last] = value
    }

    private static func finalInsertionSort<T>(_ a: inout [T], _ first: Int, _ last: Int, _ before: (T, T) -> Bool) {
        if last - first > sortThreshold {
            insertionSort(&a, first, first + sortThreshold, before)
            for i in (first + sortThreshold)..<last { unguardedLinearInsert(&a, i, before) }
        } else {
            insertionSort(&a, first, last, before)
        }
    }

    // MARK: heaps (a max-heap with respect to `before`, as std::make_heap builds it)

    private static func heapSelect<T>(_ a: inout [T], _ first: Int, _ middle: Int, _ last: Int, _ before: (T, T) -> Bool) {
        makeHeap(&a, first, middle, before)
        var i = middle
        while i < last {
            if before(a[i], a[first]) { popHeap(&a, first, middle, into: i, before) }
            i += 1
        }
    }

    private static func makeHeap<T>(_ a: inout [T], _ first: Int, _ last: Int, _ before: (T, T) -> Bool) {
        let length = last - first
        guard length >= 2 else { return }
        var parent = (length - 2) / 2
        while true {
            adjustHeap(&a, first, hole: parent, length: length, value: a[first + parent], before)
            if parent == 0 { return }
            parent -= 1
        }
    }

    private static func sortHeap<T>(_ a: inout [T], _ first: Int, _ last: Int, _ before: (T, T) -> Bool) {
        var last = last
        while last - first > 1 {
            last -= 1
            popHeap(&a, first, last, into: last, before)
        }
    }

    /// Moves the top to `result` and re-heaps [first, last) with the old a[result].
    private static func popHeap<T>(_ a: inout [T], _ first: Int, _ last: Int, into result: Int, _ before: (T, T) -> Bool) {
        let value = a[result]
        a[result] = a[first]
        adjustHeap(&a, first, hole: 0, length: last - first, value: value, before)
    }

    private static func adjustHeap<T>(_ a: inout [T], _ first: Int, hole: Int, length: Int, value: T, _ before: (T, T) -> Bool) {
        let top = hole
        var hole = hole, child = hole
        while child < (length - 1) / 2 {
            child = 2 * (child + 1)
            if before(a[first + child], a[first + child - 1]) { child -= 1 }
            a[first + hole] = a[first + child]
            hole = child
        }
        if length & 1 == 0 && child == (length - 2) / 2 {
            child = 2 * (child + 1)
            a[first + hole] = a[first + child - 1]
            hole = child - 1
        }
        var parent = (hole - 1) / 2
        while hole > top && before(a[first + parent], value) {
            a[first + hole] = a[first + parent]
            hole = parent
            parent = (hole - 1) / 2
        }
        a[first + hole] = value
    }
}
