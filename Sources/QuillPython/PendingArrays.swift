// TEMPORARY (arrays helper): the interpreter's slice value until the interp branch lands in main; delete then.

public final class PySlice: PyObject {
    public let lower: Value
    public let upper: Value
    public let step: Value

    public init(lower: Value, upper: Value, step: Value) {
        self.lower = lower
        self.upper = upper
        self.step = step
    }

    public var typeName: String { "slice" }
}
