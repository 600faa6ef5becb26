// The `numpy` module as tutorials use it: array creation, argsort / argmax / reductions, dot and matmul,
// round, element-wise sqrt / exp / log / abs, stack and concatenate, the scalar types and `numpy.linalg.norm`.

import Foundation

enum NumpyModule {
    static func module() -> PyModule {
        var members: [String: Value] = [
            "array": function("array", ["object", "dtype"], 1) { s, c in
                .object(try PyArray.from(s[0] ?? .none, library: .numpy, dtype: s[1].map { try ArrayArguments.dtype($0, c) }))
            },
            "asarray": function("asarray", ["a", "dtype"], 1) { s, c in
                if case .object(let a as PyArray)? = s[0], a.library == .numpy, s[1] == nil { return .object(a) }
                return .object(try PyArray.from(s[0] ?? .none, library: .numpy, dtype: s[1].map { try ArrayArguments.dtype($0, c) }))
            },
            "argsort": function("argsort", ["a", "axis", "kind"], 1) { s, _ in
                .object(try array(s[0]).argsort(axis: s[1] == nil ? -1 : ArrayArguments.axis(s[1])))
            },
            "sort": function("sort", ["a", "axis"], 1) { s, _ in
                .object(try array(s[0]).sort(axis: ArrayArguments.axis(s[1]) ?? -1, descending: false).values)
            },
            "dot": function("dot", ["a", "b"], 2) { s, c in try dot(s[0] ?? .none, s[1] ?? .none, c) },
            "matmul": function("matmul", ["x1", "x2"], 2) { s, _ in
                .object(try ArrayMatmul.product(array(s[0]), array(s[1])))
            },
            "round": function("round", ["a", "decimals"], 1) { s, _ in
                .object(try array(s[0]).rounded(decimals: s[1].map { try ArrayArguments.integer($0) } ?? 0))
            },
            "stack": function("stack", ["arrays", "axis"], 1) { s, _ in
                .object(try PyArray.stack(ArrayArguments.arrays(s[0] ?? .none, .numpy, function: "stack"),
                                          axis: ArrayArguments.axis(s[1]) ?? 0, library: .numpy))
            },
            "vstack": function("vstack", ["tup"], 1) { s, _ in
                let arrays = try ArrayArguments.arrays(s[0] ?? .none, .numpy, function: "vstack")
                let rows = try arrays.map { $0.shape.count < 2 ? try $0.reshaped([1, $0.scalars.count]) : $0 }
                return .object(try PyArray.concatenate(rows, axis: 0, library: .numpy))
            },
            "concatenate": function("concatenate", ["arrays", "axis"], 1) { s, _ in
                .object(try PyArray.concatenate(ArrayArguments.arrays(s[0] ?? .none, .numpy, function: "concatenate"),
                                                axis: ArrayArguments.axis(s[1]) ?? 0, library: .numpy))
            },
            "arange": function("arange", ["start", "stop", "step", "dtype"], 1) { s, c in
                try ArrayFactories.arange(s, library: .numpy, c)
            },
            "zeros": function("zeros", ["shape", "dtype"], 1) { s, c in try filled(0, s, c) },
            "ones": function("ones", ["shape", "dtype"], 1) { s, c in try filled(1, s, c) },
            "pi": .float(Double.pi), "e": .float(M_E), "inf": .float(.infinity), "nan": .float(.nan), "newaxis": .none,
            "linalg": .object(PyModule("numpy.linalg", ["norm": function("norm", ["x", "ord", "axis", "keepdims"], 1) { s, c in
                .object(try array(s[0]).norm(axis: ArrayArguments.axis(s[2]), keepDims: ArrayArguments.flag(s[3], c)))
            }])),
        ]
        for kind in [PyArray.Reduction.argmax, .argmin, .max, .min, .sum, .mean] {
            members[kind.rawValue] = BuiltinFunction.value(kind.rawValue) { arguments, context in
                let s = try Signature(kind.rawValue, ["a", "axis"], required: 1, keywordOnly: ["keepdims"]).bind(arguments)
                return .object(try array(s[0]).reduce(kind, axis: ArrayArguments.axis(s[1]),
                                                      keepDims: ArrayArguments.flag(s[2], context)))
            }
        }
        members["amax"] = members["max"]
        members["amin"] = members["min"]
        for (name, f) in [("sqrt", sqrt), ("exp", exp), ("log", log), ("abs", fabs), ("absolute", fabs)] as [(String, (Double) -> Double)] {
            members[name] = function(name, ["x"], 1) { s, _ in .object(try elementwise(array(s[0]), f, keepsInts: name.hasPrefix("abs"))) }
        }
        for (names, dtype) in [(["float32"], PyArray.DType.float32), (["float64"], .float64), (["int64"], .int64),
                               (["int32"], .int32), (["bool_", "bool"], .bool)] {
            let type = Value.object(NumpyScalarTypes.type(dtype))
            for name in names { members[name] = type }
        }
        members["ndarray"] = .object(TypeRegistry.type(named: "ndarray", module: "numpy"))
        return PyModule("numpy", members)
    }

    /// A numpy function with named parameters, the first `required` of them without defaults.
    static func function(_ name: String, _ parameters: [String], _ required: Int,
                         _ body: @escaping ([Value?], any Context) throws -> Value) -> Value {
        BuiltinFunction.value(name) { arguments, context in
            try body(Signature(name, parameters, required: required).bind(arguments), context)
        }
    }

    /// An array argument: arrays, lists and numbers.
    static func array(_ v: Value?) throws -> PyArray {
        try ArrayArguments.array(v ?? .none, .numpy, function: "numpy")
    }

    /// `np.dot`: the matrix product, or a product with a number.
    private static func dot(_ a: Value, _ b: Value, _ context: any Context) throws -> Value {
        let (x, y) = (try array(a), try array(b))
        if x.shape.isEmpty || y.shape.isEmpty, let product = try x.binary(.multiply, .object(y), reflected: false, context) {
            return product
        }
        return .object(try ArrayMatmul.numpyDot(x, y))
    }

    /// `np.zeros(shape)` / `np.ones(shape)`: float64 unless a dtype is given.
    private static func filled(_ value: Double, _ s: [Value?], _ c: any Context) throws -> Value {
        let shape: [Int]
        if case .int(let n)? = s[0] { shape = [n] } else { shape = try ArrayArguments.shape([s[0] ?? .none]) }
        guard shape.allSatisfy({ $0 >= 0 }) else { throw PyError.value("negative dimensions are not allowed") }
        let dtype = try s[1].map { try ArrayArguments.dtype($0, c) } ?? .float64
        try c.reserve(shape.reduce(1, *))
        return .object(PyArray(library: .numpy, dtype: dtype, shape: shape, scalars: [Double](repeating: value, count: shape.reduce(1, *))))
    }

    /// A function applied element by element: float32 stays float32, ints become float64 (abs keeps them).
    static func elementwise(_ a: PyArray, _ f: (Double) -> Double, keepsInts: Bool = false) -> PyArray {
        let dtype = a.dtype.isFloat || (keepsInts && a.dtype.isInteger) ? a.dtype : a.defaultFloat
        return a.make(dtype, a.shape, a.scalars.map { dtype.cast(f(dtype.cast($0))) }, numpyScalar: a.shape.isEmpty)
    }
}
