// Resolving `a[...]` against an array's shape, as numpy's and torch's basic and simple advanced indexing do:
// ints (negative from the end), slices with steps, `None`, `...`, one list or int array per index, and a boolean
// mask of the array's shape. The result is the selected elements' positions and the shape they form.

import BigInt

struct ArrayIndex {
    /// The shape of the selection; nil when every axis got an int (one element).
    var shape: [Int]?
    /// Row-major positions of the selected elements in the indexed array.
    var positions: [Int]
    /// Basic indexing (ints, slices, None) gives a view; lists, int arrays and masks give copies.
    var isView: Bool

    private enum Axis {
        case single(Int)
        case positions([Int])
        case newAxis
    }

    init(_ index: Value, in array: PyArray) throws {
        if array.isNumpyScalar { throw PyError.index("invalid index to scalar variable.") }
        let components: [Value]
        if case .tuple(let items) = index { components = items } else { components = [index] }
        if components.count == 1, case .object(let mask as PyArray) = components[0], mask.dtype == .bool,
           mask.shape == array.shape, !array.shape.isEmpty {
            shape = [mask.scalars.filter { $0 != 0 }.count]
            positions = mask.scalars.indices.filter { mask.scalars[$0] != 0 }
            isView = false
            return
        }
        // `...` stands for as many full slices as the other components leave (numpy allows one; torch lets
        // further ones stand for none).
        let counted = components.filter { !$0.isNone && !ArrayIndex.isEllipsis($0) }.count
        let ellipses = components.indices.filter { ArrayIndex.isEllipsis(components[$0]) }
        if ellipses.count > 1 && array.library == .numpy {
            throw PyError.index("an index can only have a single ellipsis ('...')")
        }
        let hasEllipsis = !ellipses.isEmpty
        if counted > array.shape.count && !(array.library == .torch && array.shape.isEmpty) {
            throw ArrayIndex.tooMany(array, counted)
        }
        let full = Value.object(PySlice(lower: .none, upper: .none, step: .none))
        var axes: [Axis] = []
        var axis = 0, lists = 0
        var view = true
        for (position, component) in components.enumerated() {
            if component.isNone {
                axes.append(.newAxis)
                continue
            }
            // The first `...` selects whole axes, as many as the other components leave.
            let expanded = ArrayIndex.isEllipsis(component)
                ? (position == ellipses.first ? Array(repeating: full, count: Swift.max(0, array.shape.count - counted)) : [])
                : [component]
            for part in expanded {
                guard axis < array.shape.count else { throw try ArrayIndex.zeroDimensional(part, array, counted) }
                // Messages name the axis of the array (numpy), or in torch the component's place in the index (for
                // lists and arrays, their place among the lists and arrays).
                let advanced = try !ArrayIndex.isSlice(part) && ArrayIndex.integer(part) == nil
                let name = array.library == .numpy ? axis : advanced ? lists : position
                let selection = try ArrayIndex.select(part, axis: name, length: array.shape[axis], in: array)
                if advanced { lists += 1 }
                if case .positions = selection, !ArrayIndex.isSlice(part) { view = false }
                axes.append(selection)
                axis += 1
            }
        }
        while axis < array.shape.count {
            axes.append(.positions(Array(0..<array.shape[axis])))
            axis += 1
        }
        let strides = ArrayLayout(shape: array.shape).strides
        var offsets = [0]
        var shape: [Int] = []
        var original = 0
        for selection in axes {
            switch selection {
            case .newAxis:
                shape.append(1)
            case .single(let i):
                offsets = offsets.map { $0 + i * strides[original] }
                original += 1
            case .positions(let list):
                shape.append(list.count)
                let stride = strides[original]
                offsets = offsets.flatMap { base in list.map { base + $0 * stride } }
                original += 1
            }
        }
        // One element when every axis got an int (numpy keeps a 0-d array when `...` or None was written).
        let element = axes.allSatisfy { if case .single = $0 { return true } else { return false } } && !hasEllipsis
        self.shape = element ? nil : shape
        self.positions = offsets
        self.isView = view
    }

    private static func isEllipsis(_ v: Value) -> Bool { if case .object(let o) = v { return o.typeName == "ellipsis" } else { return false } }
    private static func isSlice(_ v: Value) -> Bool { if case .object(is PySlice) = v { return true } else { return false } }

    /// torch's messages for indexing a 0-d tensor.
    private static func zeroDimensional(_ component: Value, _ array: PyArray, _ count: Int) throws -> PyError {
        guard array.library == .torch && array.shape.isEmpty else { return tooMany(array, count) }
        if case .object(let slice as PySlice) = component {
            if let step = try integer(slice.step), step < 0 { return .value("step must be greater than zero") }
            return .index("slice() cannot be applied to a 0-dim tensor.")
        }
        if let i = try integer(component), i != 0 { return .index("index \(i) is out of bounds for dimension 0 with size 0") }
        if integerOrNil(component) == nil { return .index("too many indices for tensor of dimension 0") }
        return tooMany(array, count)
    }

    private static func integerOrNil(_ v: Value) -> Int? { (try? integer(v)) ?? nil }

    private static func tooMany(_ array: PyArray, _ count: Int) -> PyError {
        if array.library == .numpy {
            return .index("too many indices for array: array is \(array.shape.count)-dimensional, but \(count) were indexed")
        }
        if array.shape.isEmpty {
            return .index("invalid index of a 0-dim tensor. Use `tensor.item()` in Python or `tensor.item<T>()` in C++ to convert a 0-dim tensor to a number")
        }
        return .index("too many indices for tensor of dimension \(array.shape.count)")
    }

    /// One component against one axis of `length`.
    private static func select(_ component: Value, axis: Int, length: Int, in array: PyArray) throws -> Axis {
        if let i = try integer(component) {
            return .single(try position(i, axis: axis, length: length, array))
        }
        switch component {
        case .object(let slice as PySlice):
            let (start, step, count) = try SliceBounds.resolve(slice, length: length)
            if step < 0 && array.library == .torch { throw PyError.value("step must be greater than zero") }
            return .positions((0..<count).map { start + $0 * step })
        case .list, .tuple, .object(is PyArray):
            let list = try PyArray.from(component, library: array.library)
            guard list.shape.count == 1 else {
                throw PyError.unsupported("indexing with a \(list.shape.count)-d index array is not supported in Quill cells")
            }
            if list.dtype == .bool {
                guard list.scalars.count == length else {
                    throw PyError.index("boolean index did not match indexed array along axis \(axis); size of axis is \(length) but size of corresponding boolean axis is \(list.scalars.count)")
                }
                return .positions(list.scalars.indices.filter { list.scalars[$0] != 0 })
            }
            guard list.dtype.isInteger || list.scalars.isEmpty else { throw invalid(component, array) }
            return .positions(try list.scalars.map { try position(Int($0), axis: axis, length: length, array) })
        default:
            throw invalid(component, array)
        }
    }

    /// An int index: Python ints, numpy integer scalars and one-element integer tensors.
    static func integer(_ v: Value) throws -> Int? {
        switch v {
        case .int(let i): return i
        case .bigInt(let b): return b.signum() < 0 ? Int.min : Int.max
        case .object(let a as PyArray) where a.dtype.isInteger && a.shape.isEmpty:
            return Int(exactly: a.scalars[0]) ?? 0
        default: return nil
        }
    }

    private static func position(_ i: Int, axis: Int, length: Int, _ array: PyArray) throws -> Int {
        let j = i < 0 ? i + length : i
        guard j >= 0 && j < length else {
            let word = array.library == .numpy ? "axis" : "dimension"
            throw PyError.index("index \(i) is out of bounds for \(word) \(axis) with size \(length)")
        }
        return j
    }

    private static func invalid(_ component: Value, _ array: PyArray) -> PyError {
        if array.library == .numpy {
            return .index("only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices")
        }
        return .index("only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables are valid indices (got \(component.typeName))")
    }
}

/// `slice.indices(length)`: the start, step and number of positions a slice selects.
enum SliceBounds {
    static func resolve(_ slice: PySlice, length: Int) throws -> (start: Int, step: Int, count: Int) {
        let step = try bound(slice.step) ?? 1
        guard step != 0 else { throw PyError.value("slice step cannot be zero") }
        func clamp(_ v: Value, _ fallback: Int) throws -> Int {
            guard var i = try bound(v) else { return fallback }
            if i < 0 {
                i += length
                if i < 0 { i = step < 0 ? -1 : 0 }
            } else if i >= length {
                i = step < 0 ? length - 1 : length
            }
            return i
        }
        let start = try clamp(slice.lower, step < 0 ? length - 1 : 0)
        let stop = try clamp(slice.upper, step < 0 ? -1 : length)
        let count = step < 0 ? (stop < start ? (start - stop - 1) / (-step) + 1 : 0)
                             : (start < stop ? (stop - start - 1) / step + 1 : 0)
        return (start, step, count)
    }

    private static func bound(_ v: Value) throws -> Int? {
        if case .none = v { return nil }
        if case .bool(let b) = v { return b ? 1 : 0 }
        if let i = try ArrayIndex.integer(v) { return i }
        throw PyError.type("slice indices must be integers or None or have an __index__ method")
    }
}
