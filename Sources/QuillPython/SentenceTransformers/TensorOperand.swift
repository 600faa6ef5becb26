// What the util functions make of their arguments, as sentence-transformers' _convert_to_tensor does: a torch
// tensor stays as it is, a numpy array keeps its dtype (float64 stays float64), a list of tensors or arrays is
// stacked, and any other list goes through torch.tensor (Python floats give float32, ints int64, bools bool).
// Errors carry torch's wording.

struct TensorOperand {
    var dtype: PyArray.DType
    /// Rank 0 to 3 (a list nested three deep); arrays and tensors have at most 2.
    var shape: [Int]
    /// Row-major; float32 values are exactly representable as Float.
    var values: [Double]

    var rank: Int { shape.count }

    /// torch's name for a dtype in its error messages ("float != double").
    static func cTypeName(_ dtype: PyArray.DType) -> String {
        switch dtype {
        case .float32: return "float"
        case .float64: return "double"
        case .int64: return "long int"
        case .int32: return "int"
        case .bool: return "bool"
        }
    }

    /// torch's ScalarType name ("Float", "Long") in other messages.
    static func scalarTypeName(_ dtype: PyArray.DType) -> String {
        switch dtype {
        case .float32: return "Float"
        case .float64: return "Double"
        case .int64: return "Long"
        case .int32: return "Int"
        case .bool: return "Bool"
        }
    }

    var isFloatingPoint: Bool { dtype == .float32 || dtype == .float64 }

    /// _convert_to_tensor.
    static func from(_ value: Value, _ context: any Context) throws -> TensorOperand {
        switch value {
        case .object(let array as PyArray):
            return TensorOperand(dtype: array.dtype, shape: array.shape, values: array.scalars)
        case .list(let list):
            return try fromSequence(list.items, context)
        case .tuple(let items):
            return try fromSequence(items, context)
        default:
            let element = try scalar(value)
            return TensorOperand(dtype: element.dtype, shape: [], values: [element.value])
        }
    }

    /// _convert_to_batch_tensor: a vector becomes one row.
    static func batch(_ value: Value, _ context: any Context) throws -> TensorOperand {
        var t = try from(value, context)
        if t.rank == 1 { t.shape = [1, t.shape[0]] }
        return t
    }

    private static func fromSequence(_ items: [Value], _ context: any Context) throws -> TensorOperand {
        let arrays = items.compactMap { item -> PyArray? in if case .object(let a as PyArray) = item { return a } else { return nil } }
        if !items.isEmpty && arrays.count == items.count
            && (arrays.allSatisfy { $0.library == .torch } || arrays.allSatisfy { $0.library == .numpy }) {
            return try stack(arrays)
        }
        try context.reserve(items.count)
        var dtypes: [PyArray.DType] = []
        var values: [Double] = []
        let shape = try nestedShape(items, depth: 0, dtypes: &dtypes, values: &values)
        let dtype = promoted(dtypes) ?? .float32
        return TensorOperand(dtype: dtype, shape: shape, values: dtype == .float32 ? values.map { Double(Float($0)) } : values)
    }

    /// torch.stack: equal shapes, dtypes promoted.
    private static func stack(_ arrays: [PyArray]) throws -> TensorOperand {
        let shape = arrays[0].shape
        for (i, a) in arrays.enumerated() where a.shape != shape {
            throw PyError(.exception("RuntimeError"),
                          "stack expects each tensor to be equal size, but got \(shape) at entry 0 and \(a.shape) at entry \(i)")
        }
        guard shape.count <= 2 else { throw PyError.unsupported("tensors of more than 2 dimensions are not supported in Quill cells") }
        return TensorOperand(dtype: promoted(arrays.map(\.dtype)) ?? .float32, shape: [arrays.count] + shape,
                             values: arrays.flatMap(\.scalars))
    }

    /// The shape of a nested list of numbers, collecting its scalars; torch.tensor's ValueError for ragged lists.
    private static func nestedShape(_ items: [Value], depth: Int, dtypes: inout [PyArray.DType], values: inout [Double]) throws -> [Int] {
        var inner: [Int]? = nil
        for item in items {
            let shape: [Int]
            switch item {
            case .list(let l): shape = try nestedShape(l.items, depth: depth + 1, dtypes: &dtypes, values: &values)
            case .tuple(let t): shape = try nestedShape(t, depth: depth + 1, dtypes: &dtypes, values: &values)
            case .object(let a as PyArray) where !a.shape.isEmpty:
                shape = a.shape
                dtypes.append(a.dtype)
                values.append(contentsOf: a.scalars)
            default:
                let s = try scalar(item)
                dtypes.append(s.dtype)
                values.append(s.value)
                shape = []
            }
            if let inner, inner != shape {
                let got = shape.first ?? 0
                throw PyError.value("expected sequence of length \(inner.first ?? 0) at dim \(depth + 1) (got \(got))")
            }
            inner = shape
        }
        let shape = [items.count] + (inner ?? [])
        guard shape.count <= 3 else { throw PyError.unsupported("tensors of more than 3 dimensions are not supported in Quill cells") }
        return shape
    }

    /// One Python number (or a 0-d array) as torch.tensor infers its dtype.
    private static func scalar(_ value: Value) throws -> (dtype: PyArray.DType, value: Double) {
        switch value {
        case .bool(let b): return (.bool, b ? 1 : 0)
        case .int(let i): return (.int64, Double(i))
        case .bigInt: throw PyError.overflow("Overflow when unpacking long")
        case .float(let d): return (.float32, Double(Float(d)))
        case .object(let a as PyArray) where a.shape.isEmpty:
            return (a.dtype, a.scalars[0])
        case .str: throw PyError.type("new(): invalid data type 'str'")
        default: throw PyError(.exception("RuntimeError"), "Could not infer dtype of \(value.typeName)")
        }
    }

    /// torch's type promotion among these dtypes: bool < int32 < int64 < float32 < float64.
    static func promoted(_ dtypes: [PyArray.DType]) -> PyArray.DType? {
        func level(_ d: PyArray.DType) -> Int {
            switch d {
            case .bool: return 0
            case .int32: return 1
            case .int64: return 2
            case .float32: return 3
            case .float64: return 4
            }
        }
        return dtypes.max { level($0) < level($1) }
    }
}
