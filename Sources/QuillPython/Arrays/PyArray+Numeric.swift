// Arithmetic and comparison of arrays with Python numbers, lists and other arrays, element by element with
// broadcasting, in the dtype numpy or torch would compute in (float32 results are rounded to float32 after each
// operation, so they equal float32 arithmetic); `@`; unary minus and `~`; truth; float()/int()/index conversion.

extension PyArray: PyNumeric {
    public func binary(_ op: BinaryOperator, _ other: Value, reflected: Bool, _ context: any Context) throws -> Value? {
        if op == .matrixMultiply {
            if library == .numpy, PyArray.pythonScalar(other) != nil {
                throw ArrayMatmul.notEnoughDimensions(reflected || shape.isEmpty ? 0 : 1)
            }
            guard let matrix = try operand(other) else { return nil }
            return .object(try reflected ? ArrayMatmul.product(matrix, self) : ArrayMatmul.product(self, matrix))
        }
        guard let (lhs, rhs, dtype, library) = try operands(other, reflected: reflected) else { return nil }
        var otherIsBool = false
        if case .bool = other { otherIsBool = true }
        try PyArray.checkBooleans(op, lhs, rhs, dtype, library, pythonBool: otherIsBool)
        guard let shape = Broadcast.shape(lhs.shape, rhs.shape) else {
            throw Broadcast.mismatch(lhs.shape, rhs.shape, torch: library == .torch)
        }
        var result = dtype
        if op == .divide && !dtype.isFloat { result = library == .numpy ? .float64 : .float32 }
        // Negative integer powers: numpy refuses them; torch only for a Python int exponent (a tensor of
        // exponents gives 1 for a base of 1, ±1 for -1 and 0 otherwise).
        if op == .power, dtype.isInteger, rhs.scalars.contains(where: { $0 < 0 }) {
            if library == .numpy { throw PyError.value("Integers to negative integer powers are not allowed.") }
            if PyArray.pythonScalar(other) != nil && !reflected {
                throw PyError(.exception("RuntimeError"), "Integers to negative integer powers are not allowed.")
            }
        }
        if library == .torch, dtype.isInteger, op == .floorDivide || op == .modulo, rhs.scalars.contains(0) {
            throw PyError(.exception("RuntimeError"), "ZeroDivisionError")
        }
        let x = Broadcast.expand(lhs, to: shape) ?? [], y = Broadcast.expand(rhs, to: shape) ?? []
        var values = [Double](repeating: 0, count: x.count)
        // torch divides a Python number by a tensor as the number times the tensor's reciprocal.
        let reciprocal = library == .torch && op == .divide && reflected && PyArray.pythonScalar(other) != nil
        for i in values.indices {
            let (p, q) = (result.cast(x[i]), result.cast(y[i]))
            if reciprocal {
                values[i] = result.cast(p * result.cast(1 / q))
            } else {
                values[i] = result.cast(ElementMath.apply(op, p, q, integer: result.isInteger, torch: library == .torch))
            }
        }
        return .object(PyArray.result(library, result, shape, values))
    }

    public func compare(_ op: CompareOperator, _ other: Value, reflected: Bool, _ context: any Context) throws -> Value? {
        switch op {
        case .is, .isNot: return nil
        case .in, .notIn:
            // `x in a`: whether any element equals x.
            guard reflected, let equal = try compare(.equal, other, reflected: false, context),
                  case .object(let mask as PyArray) = equal else { return nil }
            return .bool(mask.scalars.contains(1) == (op == .in))
        default: break
        }
        guard let (lhs, rhs, dtype, library) = try operands(other, reflected: reflected) else {
            guard op == .equal || op == .notEqual else { return nil }
            if library == .torch { return .bool(op == .notEqual) }
            return .object(make(.bool, shape, [Double](repeating: op == .notEqual ? 1 : 0, count: scalars.count), numpyScalar: true))
        }
        guard let shape = Broadcast.shape(lhs.shape, rhs.shape) else {
            throw Broadcast.mismatch(lhs.shape, rhs.shape, torch: library == .torch)
        }
        let x = Broadcast.expand(lhs, to: shape) ?? [], y = Broadcast.expand(rhs, to: shape) ?? []
        let values = zip(x, y).map { (a, b) -> Double in
            let (p, q) = (dtype.cast(a), dtype.cast(b))
            let holds: Bool
            switch op {
            case .equal: holds = p == q
            case .notEqual: holds = p != q
            case .less: holds = p < q
            case .lessEqual: holds = p <= q
            case .greater: holds = p > q
            default: holds = p >= q
            }
            return holds ? 1 : 0
        }
        return .object(PyArray.result(library, .bool, shape, values))
    }

    public func unary(_ op: UnaryOperator, _ context: any Context) throws -> Value? {
        switch op {
        case .not: return nil
        case .plus: return .object(make(dtype, shape, scalars, numpyScalar: isNumpyScalar || shape.isEmpty))
        case .negate:
            if dtype == .bool {
                if library == .numpy {
                    throw PyError.type("The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not function instead.")
                }
                throw PyError(.exception("NotImplementedError"), "Negation, the `-` operator, on a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.")
            }
            return .object(make(dtype, shape, scalars.map { -$0 }, numpyScalar: shape.isEmpty))
        case .invert:
            switch dtype {
            case .bool: return .object(make(dtype, shape, scalars.map { $0 != 0 ? 0 : 1 }, numpyScalar: shape.isEmpty))
            case .int64, .int32: return .object(make(dtype, shape, scalars.map { -$0 - 1 }, numpyScalar: shape.isEmpty))
            case .float32, .float64:
                if library == .numpy {
                    throw PyError.type("ufunc 'invert' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''")
                }
                throw PyError.type("~ (operator.invert) is only implemented on integer and Boolean-type tensors")
            }
        }
    }

    public func truth(_ context: any Context) throws -> Bool? {
        if scalars.count == 1 { return scalars[0] != 0 }
        switch (library, scalars.isEmpty) {
        case (.numpy, true):
            throw PyError.value("The truth value of an empty array is ambiguous. Use `array.size > 0` to check that an array is not empty.")
        case (.numpy, false):
            throw PyError.value("The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()")
        case (.torch, true):
            throw PyError(.exception("RuntimeError"), "Boolean value of Tensor with no values is ambiguous")
        case (.torch, false):
            throw PyError(.exception("RuntimeError"), "Boolean value of Tensor with more than one value is ambiguous")
        }
    }

    public func scalar(_ context: any Context) throws -> Value? {
        switch library {
        case .numpy:
            guard shape.isEmpty else { throw PyError.type("only 0-dimensional arrays can be converted to Python scalars") }
        case .torch:
            guard scalars.count == 1 else { throw PyError.value("only one element tensors can be converted to Python scalars") }
        }
        return pythonValue(0)
    }

    /// The operations numpy and torch refuse on booleans (numpy's int8 results are not supported here).
    private static func checkBooleans(_ op: BinaryOperator, _ lhs: PyArray, _ rhs: PyArray, _ dtype: DType,
                                      _ library: Library, pythonBool: Bool) throws {
        if library == .torch {
            if op == .subtract && dtype == .bool {
                throw PyError(.exception("NotImplementedError"), "Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or `logical_xor()` operator instead.")
            }
            if op == .subtract && (lhs.dtype == .bool || rhs.dtype == .bool || pythonBool) {
                throw PyError(.exception("NotImplementedError"), "Subtraction, the `-` operator, with a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.")
            }
            let kernels: [BinaryOperator: String] = [.modulo: "remainder_cpu", .floorDivide: "div_floor_cpu", .power: "pow"]
            if dtype == .bool, let kernel = kernels[op] {
                throw PyError(.exception("NotImplementedError"), "\"\(kernel)\" not implemented for 'Bool'")
            }
            return
        }
        guard dtype == .bool else { return }
        if op == .subtract {
            throw PyError.type("numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.")
        }
        if op == .modulo || op == .floorDivide || op == .power {
            throw PyError.unsupported("this operation on two boolean arrays gives int8, which Quill cells do not support")
        }
    }

    /// A result: a 0-d numpy result is a numpy scalar, as numpy's operators return.
    static func result(_ library: Library, _ dtype: DType, _ shape: [Int], _ values: [Double]) -> PyArray {
        PyArray(library: library, dtype: dtype, shape: shape, scalars: values, isNumpyScalar: library == .numpy && shape.isEmpty)
    }

    /// The other operand as an array: arrays as they are, lists for numpy (torch refuses them), nil otherwise.
    private func operand(_ other: Value) throws -> PyArray? {
        if case .object(let a as PyArray) = other { return a }
        if library == .numpy, case .list = other { return try PyArray.from(other, library: .numpy) }
        if library == .numpy, case .tuple = other { return try PyArray.from(other, library: .numpy) }
        return nil
    }

    /// Both operands in order, the dtype to compute in and the library of the result.
    private func operands(_ other: Value, reflected: Bool) throws -> (PyArray, PyArray, DType, Library)? {
        let pair: (PyArray, DType, Library)
        if let (x, category) = PyArray.pythonScalar(other) {
            let dtype = dtype(withScalarOf: category)
            pair = (PyArray(library: library, dtype: dtype, shape: [], scalars: [dtype.cast(x)]), dtype, library)
        } else if let array = try operand(other) {
            let library: Library = library == .torch || array.library == .torch ? .torch : .numpy
            pair = (array, PyArray.combinedDType(self, array, library), library)
        } else {
            return nil
        }
        return reflected ? (pair.0, self, pair.1, pair.2) : (self, pair.0, pair.1, pair.2)
    }

    /// torch lets a 0-d tensor take the dtype of a dimensioned one of the same kind or higher.
    static func combinedDType(_ a: PyArray, _ b: PyArray, _ library: Library) -> DType {
        if library == .torch, a.shape.isEmpty != b.shape.isEmpty {
            let (dimensioned, zeroD) = a.shape.isEmpty ? (b, a) : (a, b)
            if zeroD.dtype.category <= dimensioned.dtype.category { return dimensioned.dtype }
            return zeroD.dtype
        }
        return DType.promote(a.dtype, b.dtype, library)
    }
}
