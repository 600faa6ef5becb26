// Attributes of arrays and tensors: `shape` (a tuple for numpy, a torch.Size for torch), `ndim`, `dtype`, `T`,
// numpy's `size`; their methods (ArrayMethods), bound to the array; and the hooks of the builtins abs() (all)
// and round() (numpy scalars only, as in numpy: `round(np.float32(x), 3)` stays a float32).

extension PyArray: PyAttributes {
    private static let numpyProperties = ["T", "dtype", "ndim", "shape", "size"]
    private static let torchProperties = ["T", "dtype", "ndim", "shape"]

    public var attributeNames: [String] {
        let properties = library == .numpy ? PyArray.numpyProperties : PyArray.torchProperties
        let methods = library == .numpy ? ArrayMethods.numpy : ArrayMethods.torch
        return (properties + methods.keys).sorted()
    }

    public func attribute(_ name: String, _ context: any Context) throws -> Value? {
        switch name {
        case "shape":
            if library == .torch { return .object(TorchSize(shape)) }
            return .tuple(shape.map { .int($0) })
        case "ndim": return .int(shape.count)
        case "dtype": return .object(ArrayDTypeObject(library == .numpy ? .numpyDType : .torchDType, dtype))
        case "T": return .object(transposed())
        case "size" where library == .numpy: return .int(scalars.count)
        case "__abs__": return BuiltinFunction.value(name) { [self] _, _ in .object(absolute()) }
        case "__round__" where isNumpyScalar:
            return BuiltinFunction.value(name) { [self] arguments, _ in
                let slots = try Signature("__round__", ["ndigits"], required: 0).bind(arguments)
                guard let digits = slots[0], !digits.isNone else {
                    // round(x) with no digits: a Python int, half to even.
                    let x = scalars[0]
                    if x.isNaN { throw PyError.value("cannot convert float NaN to integer") }
                    if x.isInfinite { throw PyError.overflow("cannot convert float infinity to integer") }
                    return PyArray.pythonValue(x.rounded(.toNearestOrEven), dtype.isFloat ? .int64 : dtype)
                }
                return .object(rounded(decimals: try ArrayArguments.integer(digits)))
            }
        default: break
        }
        let methods = library == .numpy ? ArrayMethods.numpy : ArrayMethods.torch
        guard let method = methods[name] else { return nil }
        return .object(BuiltinFunction(name) { [self] arguments, context in try method(self, arguments, context) })
    }

    /// `.tolist()`: nested lists of Python floats, ints or bools; a 0-d array gives its one value.
    func toList() -> Value {
        func build(_ axis: Int, _ offset: Int, _ stride: [Int]) -> Value {
            if axis == shape.count { return pythonValue(offset) }
            return .list(PyList((0..<shape[axis]).map { build(axis + 1, offset + $0 * stride[axis], stride) }))
        }
        return build(0, 0, ArrayLayout(shape: shape).strides)
    }

    /// `.item()`: the one element as a Python value.
    func onlyItem() throws -> Value {
        guard scalars.count == 1 else {
            if library == .numpy { throw PyError.value("can only convert an array of size 1 to a Python scalar") }
            throw PyError(.exception("RuntimeError"), "a Tensor with \(scalars.count) elements cannot be converted to Scalar")
        }
        return pythonValue(0)
    }

    /// A copy with another dtype (`astype`, `to`, `float()`).
    func converted(to target: DType) -> PyArray {
        make(target, shape, scalars.map(target.cast), numpyScalar: isNumpyScalar)
    }

    /// numpy's and torch's round half to even at `decimals` digits, computed in the array's dtype.
    func rounded(decimals: Int) -> PyArray {
        guard dtype.isFloat else { return make(dtype, shape, scalars, numpyScalar: isNumpyScalar) }
        var power = 1.0
        for _ in 0..<abs(decimals) { power *= 10 }
        let p = dtype.cast(power)
        let values = scalars.map { x -> Double in
            if decimals >= 0 { return dtype.cast(dtype.cast(x * p).rounded(.toNearestOrEven) / p) }
            return dtype.cast(dtype.cast(x / p).rounded(.toNearestOrEven) * p)
        }
        return make(dtype, shape, values, numpyScalar: shape.isEmpty)
    }

    /// `any()` / `all()` over all elements.
    func anyAll(_ all: Bool) -> PyArray {
        let result = all ? !scalars.contains(0) : scalars.contains { $0 != 0 }
        return PyArray.result(library, .bool, [], [result ? 1 : 0])
    }

    /// `abs()` element by element.
    func absolute() -> PyArray { make(dtype, shape, scalars.map { Swift.abs($0) }, numpyScalar: isNumpyScalar) }

    /// The 2-norm of all elements (summed in Double: numpy's BLAS dot adds float32 in an order of its own), or
    /// along `axis` (squares summed as numpy's sum adds them, exactly).
    func norm(axis: Int?, keepDims: Bool = false) throws -> PyArray {
        let target = dtype.isFloat ? dtype : defaultFloat
        let squares = make(target, shape, scalars.map { target.cast(target.cast($0) * target.cast($0)) })
        if axis == nil {
            let sum = scalars.reduce(0.0) { $0 + $1 * $1 }
            return PyArray.result(library, target, keepDims ? shape.map { _ in 1 } : [], [target.cast(sum.squareRoot())])
        }
        let sums = try squares.reduce(.sum, axis: axis, keepDims: keepDims)
        return PyArray.result(library, target, sums.shape, sums.scalars.map { target.cast($0.squareRoot()) })
    }
}
