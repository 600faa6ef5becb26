// Reading the arguments of array functions and methods: axes (`axis=` in numpy, `dim=` in torch, which also
// takes `axis=`), shapes given as a tuple or as separate ints, dtypes given as dtype objects, names or the
// builtin types float / int / bool, and arrays given as lists.

enum ArrayArguments {
    /// An int argument (Python int, numpy integer scalar, 0-d integer tensor).
    static func integer(_ v: Value, _ what: String = "index") throws -> Int {
        if case .bool(let b) = v { return b ? 1 : 0 }
        guard let i = try ArrayIndex.integer(v) else {
            throw PyError.type("'\(v.typeName)' object cannot be interpreted as an integer")
        }
        return i
    }

    /// An optional axis: None or absent gives nil.
    static func axis(_ v: Value?) throws -> Int? {
        guard let v, !v.isNone else { return nil }
        return try integer(v)
    }

    static func flag(_ v: Value?, _ context: any Context) throws -> Bool {
        guard let v else { return false }
        return try context.truth(v)
    }

    /// `reshape(2, 3)` or `reshape((2, 3))` / `reshape([2, 3])`.
    static func shape(_ positional: [Value]) throws -> [Int] {
        if positional.count == 1 {
            switch positional[0] {
            case .tuple(let items): return try items.map { try integer($0) }
            case .list(let l): return try l.items.map { try integer($0) }
            case .object(let size as TorchSize): return size.dims
            default: break
            }
        }
        return try positional.map { try integer($0) }
    }

    /// A dtype: np.float32, torch.float32, a.dtype, "float32", and the builtin types float, int, bool.
    static func dtype(_ v: Value, _ context: any Context) throws -> PyArray.DType {
        switch v {
        case .object(let d as ArrayDTypeObject): return d.dtype
        case .str(let name):
            if let d = named(name) { return d }
            throw PyError.type("data type '\(name)' not understood")
        case .object(let type as TypeObject):
            if type.module == "numpy", let d = named(type.name) { return d }
            if type.module == nil, ["float", "int", "bool"].contains(type.name), let d = named(type.name) { return d }
        default: break
        }
        throw PyError.type("Cannot interpret '\(try context.repr(v))' as a data type")
    }

    private static func named(_ name: String) -> PyArray.DType? {
        switch name {
        case "float32", "f4", "single": return .float32
        case "float64", "f8", "float", "double": return .float64
        case "int64", "i8", "int", "long": return .int64
        case "int32", "i4": return .int32
        case "bool", "?": return .bool
        default: return nil
        }
    }

    /// An array argument of a numpy or torch function: arrays as they are, lists and numbers converted; torch
    /// functions want tensors.
    static func array(_ v: Value, _ library: PyArray.Library, function: String, parameter: String = "input") throws -> PyArray {
        if case .object(let a as PyArray) = v { return a }
        if library == .torch {
            throw PyError.type("\(function)(): argument '\(parameter)' (position 1) must be Tensor, not \(v.typeName)")
        }
        return try PyArray.from(v, library: .numpy)
    }

    /// A list or tuple of arrays (np.stack, torch.cat).
    static func arrays(_ v: Value, _ library: PyArray.Library, function: String) throws -> [PyArray] {
        let items: [Value]
        switch v {
        case .list(let l): items = l.items
        case .tuple(let t): items = t
        default:
            if library == .torch {
                throw PyError.type("\(function)(): argument 'tensors' (position 1) must be tuple of Tensors, not \(v.typeName)")
            }
            guard case .object(let a as PyArray) = v, !a.shape.isEmpty else {
                throw PyError.type("arrays to \(function) must be passed as a sequence type such as list or tuple.")
            }
            return a.rows()
        }
        return try items.map { try array($0, library, function: function, parameter: "tensors") }
    }
}
