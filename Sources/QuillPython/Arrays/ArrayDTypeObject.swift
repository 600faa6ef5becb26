// Element types as Python sees them: `a.dtype` (numpy prints `float32`, repr `dtype('float32')`), numpy's scalar
// types `np.float32` (a class: `np.float32(0.5)` makes a numpy scalar) and torch's `torch.float32`. Each
// compares equal to the others of its dtype and to the dtype's name.

import Foundation

public final class ArrayDTypeObject: PyRepresentable, PyAttributes, PyCallable, PyNumeric {
    public enum Kind: Sendable { case numpyDType, numpyScalarType, torchDType }

    public let kind: Kind
    public let dtype: PyArray.DType

    public init(_ kind: Kind, _ dtype: PyArray.DType) {
        self.kind = kind
        self.dtype = dtype
    }

    public var typeName: String {
        switch kind {
        case .numpyDType: return "dtype[\(PyArray.numpyName(dtype))]"
        case .numpyScalarType: return "type"
        case .torchDType: return "dtype"
        }
    }

    /// The name numpy gives the dtype ("float32", "bool").
    var name: String { PyArray.numpyName(dtype) }

    public func repr(_ context: any Context) throws -> String {
        switch kind {
        case .numpyDType: return "dtype('\(name)')"
        case .numpyScalarType: return "<class 'numpy.\(name)'>"
        case .torchDType: return TorchPrinter.dtypeName(dtype)
        }
    }

    public func str(_ context: any Context) throws -> String {
        kind == .numpyDType ? name : try repr(context)
    }

    public var attributeNames: [String] { ["is_floating_point", "itemsize", "name"] }

    public func attribute(_ attribute: String, _ context: any Context) throws -> Value? {
        switch attribute {
        case "name" where kind != .torchDType: return .str(name)
        case "itemsize": return .int(dtype == .bool ? 1 : dtype == .float64 || dtype == .int64 ? 8 : 4)
        case "is_floating_point" where kind == .torchDType: return .bool(dtype.isFloat)
        default: return nil
        }
    }

    /// `np.float32(x)`: a numpy scalar of this type.
    public func call(_ arguments: Arguments, _ context: any Context) throws -> Value {
        guard kind == .numpyScalarType else {
            throw PyError.type("'\(kind == .torchDType ? "torch.dtype" : "numpy.dtype")' object is not callable")
        }
        let slots = try Signature(name, ["value"], required: 0).bind(arguments)
        let value = slots[0] ?? .int(0)
        let x: Double
        if let (number, _) = PyArray.pythonScalar(value) {
            x = number
        } else if case .object(let a as PyArray) = value, a.scalars.count == 1 {
            x = a.scalars[0]
        } else if case .str(let text) = value, let parsed = Double(text.trimmingCharacters(in: .whitespaces)) {
            x = parsed
        } else {
            throw PyError.type("\(name)() argument must be a string or a number, not '\(value.typeName)'")
        }
        return .object(PyArray(library: .numpy, dtype: dtype, shape: [], scalars: [dtype.cast(x)], isNumpyScalar: true))
    }

    public func binary(_ op: BinaryOperator, _ other: Value, reflected: Bool, _ context: any Context) throws -> Value? { nil }

    public func compare(_ op: CompareOperator, _ other: Value, reflected: Bool, _ context: any Context) throws -> Value? {
        guard op == .equal || op == .notEqual else { return nil }
        let same: Bool
        switch other {
        case .object(let o as ArrayDTypeObject): same = o.dtype == dtype && (o.kind == .torchDType) == (kind == .torchDType)
        case .str(let text): same = kind != .torchDType && text == name
        default: same = false
        }
        return .bool(same == (op == .equal))
    }

    public func unary(_ op: UnaryOperator, _ context: any Context) throws -> Value? { nil }
    public func truth(_ context: any Context) throws -> Bool? { nil }
    public func scalar(_ context: any Context) throws -> Value? { nil }
}
