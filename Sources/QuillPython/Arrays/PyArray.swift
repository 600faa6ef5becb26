// numpy arrays and torch tensors: what sentence-transformers returns. One class for both, with the library it
// belongs to, so that printing, `.shape` and the types of results follow numpy or torch as the reference does.
// Values are held as Double; a float32 array holds float32 values exactly and rounds every result to float32.

public final class PyArray: PyObject {
    public enum Library: Sendable { case numpy, torch }
    public enum DType: Sendable { case float32, float64, int64, int32, bool }

    public let library: Library
    public let dtype: DType
    /// [] for a 0-d tensor or a numpy scalar, [n] for a vector, [rows, columns] for a matrix.
    public let shape: [Int]
    /// Row-major, `shape.reduce(1, *)` values.
    public var scalars: [Double]
    /// A numpy scalar (`np.float32(0.5)`, from indexing a 1-d array), as opposed to a 0-d ndarray.
    public let isNumpyScalar: Bool
    /// For a view (`a[0]`, `a[:, 1]`): the array it was taken from and, for each element, its position there.
    /// Assignments to the view's elements are written through to it (the other direction is not shared).
    var base: (array: PyArray, positions: [Int])?

    public init(library: Library, dtype: DType, shape: [Int], scalars: [Double], isNumpyScalar: Bool = false) {
        precondition(scalars.count == shape.reduce(1, *), "PyArray: \(scalars.count) scalars for shape \(shape)")
        self.library = library
        self.dtype = dtype
        self.shape = shape
        self.scalars = scalars
        self.isNumpyScalar = isNumpyScalar
    }

    public var typeName: String {
        switch library {
        case .torch: return "Tensor"
        case .numpy: return isNumpyScalar ? PyArray.numpyName(dtype) : "ndarray"
        }
    }

    static func numpyName(_ dtype: DType) -> String {
        switch dtype {
        case .float32: return "float32"
        case .float64: return "float64"
        case .int64: return "int64"
        case .int32: return "int32"
        case .bool: return "bool"
        }
    }
}
