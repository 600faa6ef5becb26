// format(x, spec) and f-strings: numpy scalars, 0-d arrays and 0-d tensors format as the Python number they hold
// (`f"{np.float32(0.1)}"` is '0.10000000149011612', as `format(float(x), '')`); other arrays and tensors only
// with an empty spec (their str), else numpy's and torch's TypeError.

extension PyArray: PyFormattable {
    public func format(_ spec: String, _ context: any Context) throws -> String {
        if shape.isEmpty { return try context.format(pythonValue(0), spec) }
        guard spec.isEmpty else {
            throw PyError.type("unsupported format string passed to \(library == .numpy ? "numpy.ndarray" : "Tensor").__format__")
        }
        return str
    }
}
