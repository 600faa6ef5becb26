// Arrays made from nothing: `np.arange` / `torch.arange` (ints give int64; floats float64 in numpy, float32 in
// torch) and `torch.zeros(2, 3)` / `torch.ones(...)` (float32 unless a dtype is given).

enum ArrayFactories {
    /// arange(stop) or arange(start, stop[, step]); `slots`: start, stop, step, dtype.
    static func arange(_ slots: [Value?], library: PyArray.Library, _ context: any Context) throws -> Value {
        let given = slots[0..<3].compactMap { $0 }.filter { !$0.isNone }
        var numbers: [(value: Double, category: Int)] = []
        for v in given {
            guard let number = PyArray.pythonScalar(v) else {
                throw PyError.type("unsupported operand type for arange(): '\(v.typeName)'")
            }
            numbers.append(number)
        }
        let (start, stop) = numbers.count == 1 ? (0.0, numbers[0].value) : (numbers[0].value, numbers[1].value)
        let step = numbers.count > 2 ? numbers[2].value : 1
        guard step != 0 else {
            throw library == .numpy ? PyError.zeroDivision("division by zero")
                : PyError(.exception("RuntimeError"), "step must be nonzero")
        }
        let floats = numbers.contains { $0.category == 2 }
        var dtype: PyArray.DType = floats ? (library == .numpy ? .float64 : .float32) : .int64
        if let d = slots[3], !d.isNone { dtype = try ArrayArguments.dtype(d, context) }
        let count = Swift.max(0, Int(((stop - start) / step).rounded(.up)))
        try context.reserve(count)
        let values = (0..<count).map { dtype.cast(start + Double($0) * step) }
        return .object(PyArray(library: library, dtype: dtype, shape: [count], scalars: values))
    }

    /// `torch.zeros(*size, dtype=None)` / `torch.ones(...)`.
    static func filled(_ value: Double, _ arguments: Arguments, _ context: any Context) throws -> Value {
        let shape = try ArrayArguments.shape(arguments.positional)
        guard shape.allSatisfy({ $0 >= 0 }) else {
            throw PyError(.exception("RuntimeError"), "Trying to create tensor with negative dimension \(shape.first { $0 < 0 } ?? -1): \(Broadcast.list(shape))")
        }
        var dtype = PyArray.DType.float32
        for (name, v) in arguments.keywords {
            switch name {
            case "dtype": dtype = try ArrayArguments.dtype(v, context)
            case "device": try TorchModule.checkDevice(v, context)
            case "requires_grad": break
            default: throw PyError.type("\(value == 0 ? "zeros" : "ones")() received an invalid combination of arguments")
            }
        }
        let count = shape.reduce(1, *)
        try context.reserve(count)
        return .object(PyArray(library: .torch, dtype: dtype, shape: shape, scalars: [Double](repeating: value, count: count)))
    }
}
