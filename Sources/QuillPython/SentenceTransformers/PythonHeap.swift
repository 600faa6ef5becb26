// Python's heapq (heappush, heappushpop) on a list, with the same sift steps as CPython's _heapq module, and
// Python's stable sort by one key in reverse. semantic_search and paraphrase_mining keep candidates in such a heap
// and then sort it by score; the heap's layout decides the order of equal scores, so it must be CPython's.

struct PythonHeap<Element> {
    private(set) var items: [Element] = []
    /// Python's `<` on the elements (tuples compare item by item).
    let less: (Element, Element) -> Bool

    init(less: @escaping (Element, Element) -> Bool) { self.less = less }

    var count: Int { items.count }

    /// heapq.heappush.
    mutating func push(_ item: Element) {
        items.append(item)
        siftDown(start: 0, position: items.count - 1)
    }

    /// heapq.heappushpop: pushes `item` and pops the smallest, returning it.
    @discardableResult
    mutating func pushPop(_ item: Element) -> Element {
        guard let top = items.first, less(top, item) else { return item }
        items[0] = item
        siftUp(0)
        return top
    }

    /// CPython's _siftdown: moves the item at `position` towards the root.
    private mutating func siftDown(start: Int, position: Int) {
        var position = position
        let newItem = items[position]
        while position > start {
            let parent = (position - 1) >> 1
            guard less(newItem, items[parent]) else { break }
            items[position] = items[parent]
            position = parent
        }
        items[position] = newItem
    }

    /// CPython's _siftup: sends the smaller child up to the leaf, then sifts the item down from there.
    private mutating func siftUp(_ start: Int) {
        let end = items.count
        var position = start
        let newItem = items[position]
        var child = 2 * position + 1
        while child < end {
            let right = child + 1
            if right < end && !less(items[child], items[right]) { child = right }
            items[position] = items[child]
            position = child
            child = 2 * position + 1
        }
        items[position] = newItem
        siftDown(start: start, position: position)
    }
}

enum PythonSort {
    /// `sorted(items, key=key, reverse=True)` for float keys: stable, so equal keys keep their order.
    /// Python's list sort uses only `<`; for keys without NaN this is the same as ordering by `>` with ties by position.
    static func sortedDescending<Element>(_ items: [Element], key: (Element) -> Double) -> [Element] {
        let keyed = items.enumerated().map { (position: $0.offset, key: key($0.element), item: $0.element) }
        return keyed.sorted { a, b in
            if a.key > b.key { return true }
            if b.key > a.key { return false }
            return a.position < b.position
        }.map(\.item)
    }
}
