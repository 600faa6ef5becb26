// Elements of arrays as Python values and back: casts to a dtype, the dtype of mixed operands (numpy's and
// torch's promotion rules, with Python scalars "weak" as in NEP 50), and new arrays of the same library.

extension PyArray.DType {
    var isFloat: Bool { self == .float32 || self == .float64 }
    var isInteger: Bool { self == .int64 || self == .int32 }

    /// Promotion order within a library: bool < int32 < int64 < float32 < float64.
    private var rank: Int {
        switch self {
        case .bool: return 0
        case .int32: return 1
        case .int64: return 2
        case .float32: return 3
        case .float64: return 4
        }
    }

    /// 0 bool, 1 integer, 2 float.
    var category: Int { isFloat ? 2 : isInteger ? 1 : 0 }

    /// `x` as an element of this dtype: rounded to float32, truncated towards zero for ints, 0/1 for bool.
    func cast(_ x: Double) -> Double {
        switch self {
        case .float64: return x
        case .float32: return Double(Float(x))
        case .bool: return x != 0 ? 1 : 0
        case .int64, .int32:
            guard x.isFinite else { return Double(Int64.min) }
            let whole = x.rounded(.towardZero)
            let (low, high) = self == .int32 ? (Double(Int32.min), Double(Int32.max)) : (-9.2e18, 9.2e18)
            return Swift.min(Swift.max(whole, low), high)
        }
    }

    /// The dtype of an operation between two arrays of `library`.
    static func promote(_ a: PyArray.DType, _ b: PyArray.DType, _ library: PyArray.Library) -> PyArray.DType {
        if a == b { return a }
        let (low, high) = a.rank < b.rank ? (a, b) : (b, a)
        // numpy: an int with float32 needs float64 to hold it; torch keeps float32.
        if library == .numpy && high == .float32 && low.isInteger { return .float64 }
        return high
    }
}

extension PyArray {
    var elementCount: Int { scalars.count }

    /// A new array of this library; `numpyScalar`: a 0-d numpy result is a numpy scalar.
    func make(_ dtype: DType, _ shape: [Int], _ scalars: [Double], numpyScalar: Bool = false) -> PyArray {
        PyArray(library: library, dtype: dtype, shape: shape, scalars: scalars,
                isNumpyScalar: numpyScalar && library == .numpy && shape.isEmpty)
    }

    /// The element as a Python float, int or bool (what `.item()` and `.tolist()` give).
    func pythonValue(_ i: Int) -> Value {
        PyArray.pythonValue(scalars[i], dtype)
    }

    static func pythonValue(_ x: Double, _ dtype: DType) -> Value {
        switch dtype {
        case .float32, .float64: return .float(x)
        case .bool: return .bool(x != 0)
        case .int64, .int32: return .int(Int(exactly: x) ?? (x < 0 ? Int.min : Int.max))
        }
    }

    /// One element as numpy gives it (a numpy scalar) or torch (a 0-d tensor).
    func element(_ i: Int) -> PyArray {
        make(dtype, [], [scalars[i]], numpyScalar: true)
    }

    /// A Python number as an operand: its value and its "weak" kind (0 bool, 1 int, 2 float); nil for others.
    static func pythonScalar(_ v: Value) -> (value: Double, category: Int)? {
        switch v {
        case .bool(let b): return (b ? 1 : 0, 0)
        case .int(let i): return (Double(i), 1)
        case .bigInt(let b): return (Double(b), 1)
        case .float(let x): return (x, 2)
        default: return nil
        }
    }

    /// The dtype of this array combined with a Python scalar of `category`: the array's dtype unless the scalar is
    /// of a higher kind (then float64 for numpy, float32 for torch; int64 for ints).
    func dtype(withScalarOf category: Int) -> DType {
        if category <= dtype.category { return dtype }
        if category == 2 { return library == .numpy ? .float64 : .float32 }
        return .int64
    }

    /// The default float dtype of true division and of floats from ints: float64 in numpy, float32 in torch.
    var defaultFloat: DType { library == .numpy ? .float64 : .float32 }

    /// The library's name for errors: "array" or "tensor".
    var kindName: String { library == .numpy ? "array" : "tensor" }
}
