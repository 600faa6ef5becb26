// print(), str() and repr() of arrays, tensors and numpy scalars, each as its library prints it.

extension PyArray: PyRepresentable {
    public func repr(_ context: any Context) throws -> String { repr }
    public func str(_ context: any Context) throws -> String { str }

    /// `repr(x)`: `array([1., 2.], dtype=float32)`, `np.float32(0.5)`, `tensor([1., 2.])`.
    var repr: String {
        switch library {
        case .numpy: return NumpyPrinter.repr(self)
        case .torch: return TorchPrinter.repr(self)
        }
    }

    /// `str(x)`: `[1. 2.]`, `0.5`, `tensor([1., 2.])`.
    var str: String {
        switch library {
        case .numpy: return NumpyPrinter.str(self)
        case .torch: return TorchPrinter.repr(self)
        }
    }

    /// The decimal text of an integer element. Values are held as Double, so int64 elements are exact up to 2^53.
    static func integerText(_ x: Double) -> String {
        if let exact = Int64(exactly: x) { return String(exact) }
        if x.isNaN { return "0" }
        return x < 0 ? String(Int64.min) : String(Int64.max)
    }
}
