// The methods of numpy arrays and of torch tensors that tutorials use, by name: each takes the receiver, the
// call's arguments (bound with the library's parameter names: `axis` for numpy, `dim` for torch, which also
// accepts `axis`) and the context.

enum ArrayMethods {
    typealias Method = @Sendable (PyArray, Arguments, any Context) throws -> Value

    static let numpy: [String: Method] = [
        "item": { a, args, _ in _ = try Signature("item", []).bind(args); return try a.onlyItem() },
        "tolist": { a, args, _ in _ = try Signature("tolist", []).bind(args); return a.toList() },
        "argmax": { a, args, c in try numpyReduce(.argmax, a, args, c) },
        "argmin": { a, args, c in try numpyReduce(.argmin, a, args, c) },
        "max": { a, args, c in try numpyReduce(.max, a, args, c) },
        "min": { a, args, c in try numpyReduce(.min, a, args, c) },
        "sum": { a, args, c in try numpyReduce(.sum, a, args, c) },
        "mean": { a, args, c in try numpyReduce(.mean, a, args, c) },
        "reshape": { a, args, _ in .object(try a.reshaped(ArrayArguments.shape(args.positional))) },
        "flatten": { a, args, _ in _ = try Signature("flatten", []).bind(args); return .object(a.flattened()) },
        "squeeze": { a, args, _ in
            let s = try Signature("squeeze", ["axis"], required: 0).bind(args)
            return .object(try a.squeezed(axis: ArrayArguments.axis(s[0])))
        },
        "astype": { a, args, c in
            let s = try Signature("astype", ["dtype"]).bind(args)
            return .object(a.converted(to: try ArrayArguments.dtype(s[0] ?? .none, c)))
        },
        "argsort": { a, args, _ in
            let s = try Signature("argsort", ["axis"], required: 0).bind(args)
            return .object(try a.argsort(axis: s[0] == nil ? -1 : ArrayArguments.axis(s[0])))
        },
        "round": { a, args, _ in
            let s = try Signature("round", ["decimals"], required: 0).bind(args)
            return .object(a.rounded(decimals: try s[0].map { try ArrayArguments.integer($0) } ?? 0))
        },
        "copy": { a, args, _ in _ = try Signature("copy", []).bind(args); return .object(a.converted(to: a.dtype)) },
        "any": { a, args, _ in _ = try Signature("any", []).bind(args); return .object(a.anyAll(false)) },
        "all": { a, args, _ in _ = try Signature("all", []).bind(args); return .object(a.anyAll(true)) },
        "dot": { a, args, _ in
            let s = try Signature("dot", ["b"]).bind(args)
            return .object(try ArrayMatmul.numpyDot(a, ArrayArguments.array(s[0] ?? .none, .numpy, function: "dot")))
        },
    ]

    static let torch: [String: Method] = [
        "item": { t, args, _ in _ = try Signature("item", []).bind(args); return try t.onlyItem() },
        "tolist": { t, args, _ in _ = try Signature("tolist", []).bind(args); return t.toList() },
        "argmax": { t, args, c in try torchReduce(.argmax, t, args, c) },
        "argmin": { t, args, c in try torchReduce(.argmin, t, args, c) },
        "max": { t, args, c in try torchReduce(.max, t, args, c) },
        "min": { t, args, c in try torchReduce(.min, t, args, c) },
        "sum": { t, args, c in try torchReduce(.sum, t, args, c) },
        "mean": { t, args, c in try torchReduce(.mean, t, args, c) },
        "reshape": { t, args, _ in .object(try t.reshaped(ArrayArguments.shape(args.positional))) },
        "view": { t, args, _ in .object(try t.reshaped(ArrayArguments.shape(args.positional))) },
        "flatten": { t, args, _ in _ = try Signature("flatten", []).bind(args); return .object(t.flattened()) },
        "squeeze": { t, args, _ in
            let s = try Signature("squeeze", ["dim"], required: 0).bind(args)
            return .object(try t.squeezed(axis: ArrayArguments.axis(s[0])))
        },
        "unsqueeze": { t, args, _ in
            let s = try Signature("unsqueeze", ["dim"]).bind(args)
            return .object(try t.unsqueezed(ArrayArguments.integer(s[0] ?? .none)))
        },
        "numpy": { t, args, _ in
            _ = try Signature("numpy", []).bind(args)
            return .object(PyArray(library: .numpy, dtype: t.dtype, shape: t.shape, scalars: t.scalars))
        },
        "cpu": { t, args, _ in _ = try Signature("cpu", []).bind(args); return .object(t) },
        "detach": { t, args, _ in _ = try Signature("detach", []).bind(args); return .object(t) },
        "clone": { t, args, _ in _ = try Signature("clone", []).bind(args); return .object(t.converted(to: t.dtype)) },
        "to": { t, args, c in try TorchModule.to(t, args, c) },
        "float": { t, args, _ in _ = try Signature("float", []).bind(args); return .object(t.converted(to: .float32)) },
        "double": { t, args, _ in _ = try Signature("double", []).bind(args); return .object(t.converted(to: .float64)) },
        "long": { t, args, _ in _ = try Signature("long", []).bind(args); return .object(t.converted(to: .int64)) },
        "int": { t, args, _ in _ = try Signature("int", []).bind(args); return .object(t.converted(to: .int32)) },
        "bool": { t, args, _ in _ = try Signature("bool", []).bind(args); return .object(t.converted(to: .bool)) },
        "topk": { t, args, c in try TorchModule.topk(t, args, c) },
        "sort": { t, args, c in try TorchModule.sort(t, args, c) },
        "argsort": { t, args, c in try TorchModule.argsort(t, args, c) },
        "round": { t, args, _ in
            let s = try Signature("round", [], keywordOnly: ["decimals"]).bind(args)
            return .object(t.rounded(decimals: try s[0].map { try ArrayArguments.integer($0) } ?? 0))
        },
        "abs": { t, args, _ in _ = try Signature("abs", []).bind(args); return .object(t.absolute()) },
        "any": { t, args, _ in _ = try Signature("any", []).bind(args); return .object(t.anyAll(false)) },
        "all": { t, args, _ in _ = try Signature("all", []).bind(args); return .object(t.anyAll(true)) },
        "dim": { t, args, _ in _ = try Signature("dim", []).bind(args); return .int(t.shape.count) },
        "numel": { t, args, _ in _ = try Signature("numel", []).bind(args); return .int(t.scalars.count) },
        "size": { t, args, _ in
            let s = try Signature("size", ["dim"], required: 0).bind(args)
            guard let dim = try ArrayArguments.axis(s[0]) else { return .object(TorchSize(t.shape)) }
            return .int(t.shape[try t.normalisedAxis(dim)])
        },
        "norm": { t, args, _ in
            let s = try Signature("norm", ["p", "dim"], required: 0).bind(args)
            return .object(try t.norm(axis: ArrayArguments.axis(s[1])))
        },
        "dot": { t, args, _ in
            let s = try Signature("dot", ["other"]).bind(args)
            return .object(try ArrayMatmul.torchDot(t, ArrayArguments.array(s[0] ?? .none, .torch, function: "dot")))
        },
        "matmul": { t, args, _ in
            let s = try Signature("matmul", ["other"]).bind(args)
            return .object(try ArrayMatmul.product(t, ArrayArguments.array(s[0] ?? .none, .torch, function: "matmul")))
        },
    ]

    /// numpy's reductions: (axis=None, out=None, keepdims=False).
    static func numpyReduce(_ kind: PyArray.Reduction, _ a: PyArray, _ args: Arguments, _ c: any Context) throws -> Value {
        let s = try Signature(kind.rawValue, ["axis", "out"], required: 0, keywordOnly: ["keepdims"]).bind(args)
        return .object(try a.reduce(kind, axis: ArrayArguments.axis(s[0]), keepDims: ArrayArguments.flag(s[2], c)))
    }

    /// torch's reductions: (dim=None, keepdim=False); max and min along a dim give (values, indices).
    static func torchReduce(_ kind: PyArray.Reduction, _ t: PyArray, _ args: Arguments, _ c: any Context) throws -> Value {
        let s = try Signature(kind.rawValue, ["dim", "keepdim"], required: 0, keywordOnly: ["axis"]).bind(args)
        let dim = try ArrayArguments.axis(s[0] ?? s[2])
        let keep = try ArrayArguments.flag(s[1], c)
        if let dim, kind == .max || kind == .min {
            let values = try t.reduce(kind, axis: dim, keepDims: keep)
            let indices = try t.reduce(kind == .max ? .argmax : .argmin, axis: dim, keepDims: keep)
            return .object(TorchReturnPair(kind.rawValue, values: values, indices: indices))
        }
        return .object(try t.reduce(kind, axis: dim, keepDims: keep))
    }
}
