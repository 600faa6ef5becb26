// Building arrays from Python values (`np.array(...)`, `torch.tensor(...)`, list operands of arithmetic), with
// the dtype each library infers and its errors for ragged nesting; and `PyArray.fromRows` for embeddings.

extension PyArray {
    /// A float32 matrix of `rows` (all of one length), as sentence-transformers returns embeddings.
    public static func fromRows(_ rows: [[Float]], library: Library) -> PyArray {
        let width = rows.first?.count ?? 0
        return PyArray(library: library, dtype: .float32, shape: [rows.count, width],
                       scalars: rows.flatMap { $0.map(Double.init) })
    }

    /// `np.array(value, dtype=...)` / `torch.tensor(value, dtype=...)`: nested lists and tuples of numbers,
    /// numpy scalars, arrays and tensors. The elements are copied.
    static func from(_ value: Value, library: Library, dtype explicit: DType? = nil) throws -> PyArray {
        let nested = try Nested(value, library: library)
        let dtype = explicit ?? nested.dtype(library)
        return PyArray(library: library, dtype: dtype, shape: nested.shape, scalars: nested.values.map(dtype.cast))
    }

    /// An operand of arithmetic: an array as it is, a list or tuple as `np.array` / `torch.tensor` makes it.
    static func operand(_ value: Value, library: Library) throws -> PyArray? {
        switch value {
        case .object(let a as PyArray): return a
        case .list, .tuple: return try from(value, library: library)
        default: return nil
        }
    }
}

/// The shape, elements and element kinds of a nested Python value.
private struct Nested {
    var shape: [Int] = []
    var values: [Double] = []
    /// The dtypes of arrays and numpy scalars met (these keep their dtype).
    var strong: PyArray.DType?
    /// The highest kind of Python number met: 0 bool, 1 int, 2 float; -1 none.
    var weak = -1

    /// `outer`: the lengths of the lists this value is inside of.
    init(_ value: Value, library: PyArray.Library, outer: [Int] = []) throws {
        if let (x, category) = PyArray.pythonScalar(value) {
            values = [x]
            weak = category
            return
        }
        switch value {
        case .object(let a as PyArray):
            shape = a.shape
            values = a.scalars
            strong = a.dtype
        case .list(let l):
            try add(l.items, library: library, outer: outer)
        case .tuple(let items):
            try add(items, library: library, outer: outer)
        case .str:
            if library == .torch { throw PyError.value("too many dimensions 'str'") }
            throw PyError.unsupported("numpy arrays of strings are not supported in Quill cells")
        default:
            throw PyError.type("can't convert \(value.typeName) to a \(library == .numpy ? "numpy array" : "tensor")")
        }
    }

    /// The items of a list: all of one shape, which the list's length is put in front of.
    private mutating func add(_ items: [Value], library: PyArray.Library, outer: [Int]) throws {
        let dims = outer + [items.count]
        let parts = try items.map { try Nested($0, library: library, outer: dims) }
        shape = [items.count] + (parts.first?.shape ?? [])
        for part in parts {
            if part.shape != parts[0].shape {
                if library == .torch {
                    guard let length = part.shape.first, let expected = parts[0].shape.first else {
                        throw PyError.type("not a sequence")
                    }
                    throw PyError.value("expected sequence of length \(expected) at dim \(dims.count) (got \(length))")
                }
                throw PyError.value("setting an array element with a sequence. The requested array has an inhomogeneous shape after \(dims.count) dimensions. The detected shape was \(NumpyPrinter.shapeTuple(dims)) + inhomogeneous part.")
            }
            values += part.values
            weak = max(weak, part.weak)
            if let s = part.strong { strong = strong.map { PyArray.DType.promote($0, s, library) } ?? s }
        }
    }

    /// numpy: Python floats are float64 and ints int64 like any element; torch: Python floats take the default
    /// float32, ints int64, unless a tensor of a higher kind is among the elements. An empty list is a float.
    func dtype(_ library: PyArray.Library) -> PyArray.DType {
        let weakType: PyArray.DType? = switch weak {
        case 2: library == .numpy ? .float64 : .float32
        case 1: .int64
        case 0: .bool
        default: nil
        }
        switch (strong, weakType) {
        case (nil, nil): return library == .numpy ? .float64 : .float32
        case (let s?, nil): return s
        case (nil, let w?): return w
        case (let s?, let w?):
            if library == .torch && s.category >= w.category { return s }
            return PyArray.DType.promote(s, w, library)
        }
    }
}
