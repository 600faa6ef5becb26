// The `torch` module as tutorials use it: `tensor`, `from_numpy`, topk / sort / argsort, argmax and reductions,
// stack / cat, matmul, the dtypes, `no_grad()`, and `torch.cuda.is_available()` (False: Quill runs on the CPU).

enum TorchModule {
    static func module() -> PyModule {
        var members: [String: Value] = [
            "tensor": function("tensor", ["data"], 1, keywordOnly: ["dtype", "device", "requires_grad"]) { s, c in
                try checkDevice(s[2], c)
                return .object(try PyArray.from(s[0] ?? .none, library: .torch, dtype: s[1].map { try ArrayArguments.dtype($0, c) }))
            },
            "from_numpy": function("from_numpy", ["ndarray"], 1) { s, _ in
                guard case .object(let a as PyArray)? = s[0], a.library == .numpy else {
                    throw PyError.type("expected np.ndarray (got \(s[0]?.typeName ?? "NoneType"))")
                }
                return .object(PyArray(library: .torch, dtype: a.dtype, shape: a.shape, scalars: a.scalars))
            },
            "zeros": BuiltinFunction.value("zeros") { arguments, context in try ArrayFactories.filled(0, arguments, context) },
            "ones": BuiltinFunction.value("ones") { arguments, context in try ArrayFactories.filled(1, arguments, context) },
            "arange": function("arange", ["start", "end", "step"], 1, keywordOnly: ["dtype"]) { s, c in
                try ArrayFactories.arange(s, library: .torch, c)
            },
            "topk": method("topk", topk), "sort": method("sort", sort), "argsort": method("argsort", argsort),
            "stack": function("stack", ["tensors", "dim"], 1) { s, _ in
                .object(try PyArray.stack(ArrayArguments.arrays(s[0] ?? .none, .torch, function: "stack"),
                                          axis: ArrayArguments.axis(s[1]) ?? 0, library: .torch))
            },
            "matmul": function("matmul", ["input", "other"], 2) { s, _ in
                .object(try ArrayMatmul.product(tensor(s[0], "matmul"), tensor(s[1], "matmul", "other")))
            },
            "mm": function("mm", ["input", "mat2"], 2) { s, _ in
                .object(try ArrayMatmul.product(tensor(s[0], "mm"), tensor(s[1], "mm", "mat2")))
            },
            "dot": function("dot", ["input", "tensor"], 2) { s, _ in
                .object(try ArrayMatmul.torchDot(tensor(s[0], "dot"), tensor(s[1], "dot", "tensor")))
            },
            "abs": function("abs", ["input"], 1) { s, _ in .object(try tensor(s[0], "abs").absolute()) },
            "round": function("round", ["input"], 1, keywordOnly: ["decimals"]) { s, _ in
                .object(try tensor(s[0], "round").rounded(decimals: s[1].map { try ArrayArguments.integer($0) } ?? 0))
            },
            "norm": function("norm", ["input", "p", "dim"], 1) { s, _ in
                .object(try tensor(s[0], "norm").norm(axis: ArrayArguments.axis(s[2])))
            },
            "no_grad": function("no_grad", [], 0) { _, _ in .object(GradientMode("no_grad")) },
            "inference_mode": function("inference_mode", ["mode"], 0) { _, _ in .object(GradientMode("inference_mode")) },
            "cuda": .object(PyModule("torch.cuda", [
                "is_available": function("is_available", [], 0) { _, _ in .bool(false) },
                "device_count": function("device_count", [], 0) { _, _ in .int(0) },
            ])),
            "nn": .object(PyModule("torch.nn", ["functional": .object(TorchFunctional.module())])),
        ]
        let cat = function("cat", ["tensors", "dim"], 1) { s, _ in
            .object(try PyArray.concatenate(ArrayArguments.arrays(s[0] ?? .none, .torch, function: "cat"),
                                            axis: ArrayArguments.axis(s[1]) ?? 0, library: .torch))
        }
        members["cat"] = cat
        members["concat"] = cat
        for kind in [PyArray.Reduction.argmax, .argmin, .max, .min, .sum, .mean] {
            members[kind.rawValue] = BuiltinFunction.value(kind.rawValue) { arguments, context in
                var rest = arguments
                guard !rest.positional.isEmpty else {
                    throw PyError.type("\(kind.rawValue)() missing 1 required positional arguments: \"input\"")
                }
                let input = try tensor(rest.positional.removeFirst(), kind.rawValue)
                return try ArrayMethods.torchReduce(kind, input, rest, context)
            }
        }
        for (names, dtype) in [(["float32", "float"], PyArray.DType.float32), (["float64", "double"], .float64),
                               (["int64", "long"], .int64), (["int32", "int"], .int32), (["bool"], .bool)] {
            for name in names { members[name] = .object(ArrayDTypeObject(.torchDType, dtype)) }
        }
        members["Tensor"] = .object(TypeRegistry.type(named: "Tensor", module: "torch"))
        return PyModule("torch", members)
    }

    static func function(_ name: String, _ parameters: [String], _ required: Int, keywordOnly: [String] = [],
                         _ body: @escaping ([Value?], any Context) throws -> Value) -> Value {
        BuiltinFunction.value(name) { arguments, context in
            try body(Signature(name, parameters, required: required, keywordOnly: keywordOnly).bind(arguments), context)
        }
    }

    /// `torch.topk(input, ...)` as the method `input.topk(...)`.
    private static func method(_ name: String, _ body: @escaping ArrayMethods.Method) -> Value {
        BuiltinFunction.value(name) { arguments, context in
            var rest = arguments
            guard !rest.positional.isEmpty else {
                throw PyError.type("\(name)() missing 1 required positional arguments: \"input\"")
            }
            return try body(tensor(rest.positional.removeFirst(), name), rest, context)
        }
    }

    static func tensor(_ v: Value?, _ function: String, _ parameter: String = "input") throws -> PyArray {
        try ArrayArguments.array(v ?? .none, .torch, function: function, parameter: parameter)
    }

    /// `device=` / `.to(device)`: only the CPU.
    static func checkDevice(_ device: Value?, _ context: any Context) throws {
        guard let device, !device.isNone else { return }
        let name = try context.str(device)
        guard name == "cpu" else {
            throw PyError.unsupported("device '\(name)' is not available: Quill runs tensors on the CPU (use 'cpu')")
        }
    }

    /// `t.to(dtype)`, `t.to("cpu")`, `t.to(device, dtype)`, `t.to(dtype=..., device=...)`.
    static func to(_ t: PyArray, _ args: Arguments, _ context: any Context) throws -> Value {
        var dtype: PyArray.DType?
        for value in args.positional + args.keywords.map(\.value) {
            if case .object(let d as ArrayDTypeObject) = value { dtype = d.dtype } else { try checkDevice(value, context) }
        }
        return .object(dtype.map { t.converted(to: $0) } ?? t)
    }

    static func topk(_ t: PyArray, _ args: Arguments, _ context: any Context) throws -> Value {
        let s = try Signature("topk", ["k", "dim", "largest", "sorted"], required: 1).bind(args)
        let k = try ArrayArguments.integer(s[0] ?? .none)
        let largest = try s[2].map { try context.truth($0) } ?? true
        let (values, indices) = try t.topk(k, axis: ArrayArguments.axis(s[1]) ?? -1, largest: largest)
        return .object(TorchReturnPair("topk", values: values, indices: indices))
    }

    static func sort(_ t: PyArray, _ args: Arguments, _ context: any Context) throws -> Value {
        let s = try Signature("sort", ["dim", "descending"], required: 0, keywordOnly: ["stable"]).bind(args)
        let (values, indices) = try t.sort(axis: ArrayArguments.axis(s[0]) ?? -1, descending: ArrayArguments.flag(s[1], context))
        return .object(TorchReturnPair("sort", values: values, indices: indices))
    }

    static func argsort(_ t: PyArray, _ args: Arguments, _ context: any Context) throws -> Value {
        let s = try Signature("argsort", ["dim", "descending"], required: 0, keywordOnly: ["stable"]).bind(args)
        return .object(try t.argsort(axis: ArrayArguments.axis(s[0]) ?? -1, descending: ArrayArguments.flag(s[1], context)))
    }
}

/// `torch.no_grad()` and `torch.inference_mode()`: context managers for `with` that change nothing here (Quill
/// never records gradients).
final class GradientMode: PyAttributes, PyRepresentable {
    let name: String

    init(_ name: String) { self.name = name }

    var typeName: String { name }
    var attributeNames: [String] { ["__enter__", "__exit__"] }

    func attribute(_ attribute: String, _ context: any Context) throws -> Value? {
        switch attribute {
        case "__enter__": return BuiltinFunction.value("__enter__") { _, _ in .none }
        case "__exit__": return BuiltinFunction.value("__exit__") { _, _ in .bool(false) }
        default: return nil
        }
    }

    func repr(_ context: any Context) throws -> String {
        "<torch.autograd.grad_mode.\(name) object>"
    }
}
