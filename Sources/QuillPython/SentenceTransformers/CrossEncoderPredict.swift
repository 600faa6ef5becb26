// CrossEncoder.predict and CrossEncoder.rank as in sentence-transformers 6.2. predict: one pair (a list or tuple
// whose first item is not itself a list or tuple) gives one score (np.float32, or a vector for several labels),
// a list of pairs gives float32 scores (n) or (n, labels), [] gives np.array([]); convert_to_tensor gives torch,
// both conversions off a list of tensors. apply_softmax applies for several labels. rank: the scores of
// (query, document) pairs as Python floats, sorted descending (stable: ties keep document order), cut to top_k.

struct CrossEncoderPredict {
    static let parameters = ["self", "inputs", "prompt_name", "prompt", "batch_size", "show_progress_bar",
                             "activation_fn", "apply_softmax", "convert_to_numpy", "convert_to_tensor", "device", "pool",
                             "chunk_size"]

    let owner: CrossEncoderObject
    let b: BoundArguments
    let context: any Context

    init(_ owner: CrossEncoderObject, _ arguments: Arguments, _ context: any Context) throws {
        self.owner = owner
        self.context = context
        var arguments = arguments
        arguments.keywords.removeAll { $0.name == "num_workers" }  // deprecated there, without effect
        b = try BoundArguments(Signature("CrossEncoder.predict", Self.parameters, required: 2), arguments, method: true,
                               extraKeywords: true, renamed: ["sentences": "inputs", "activation_fct": "activation_fn"])
    }

    func run() throws -> Value {
        let batchSize = try b.int("batch_size", 32, context)
        guard batchSize > 0 else { throw PyError.value("batch_size must be a positive integer, got \(batchSize).") }
        let (pairs, singular) = try Self.pairs(b["inputs"] ?? .none)
        try Self.rejectUnsupported(b)
        let tensor = try b.flag("convert_to_tensor", false, context)
        let numpy = try b.flag("convert_to_numpy", true, context)
        let scores = try Self.scores(owner, pairs, softmax: try b.flag("apply_softmax", false, context), context)
        return Self.convert(scores, labels: owner.model.labelCount, singular: singular, tensor: tensor, numpy: numpy)
    }

    /// Arguments Quill cannot honour: prompts, another activation, extra keywords.
    static func rejectUnsupported(_ b: BoundArguments) throws {
        for name in ["prompt_name", "prompt", "activation_fn"] where b.given(name) != nil {
            throw PyError.unsupported("CrossEncoder(\(name)=...) is not supported in Quill cells: the model's own "
                                      + "activation scores each pair as it is")
        }
        if let extra = b.extraKeywords.first {
            throw PyError.unsupported("CrossEncoder.predict(\(extra.name)=...) is not supported in Quill cells")
        }
    }

    /// The pairs, and whether one pair was passed rather than a list of them.
    static func pairs(_ value: Value) throws -> ([(String, String)], Bool) {
        let items: [Value]
        switch value {
        case .list(let l): items = l.items
        case .tuple(let t): items = t
        case .str: throw PyError.unsupported("CrossEncoder.predict() of single texts is not supported in Quill cells: pass (text, text) pairs")
        default: throw PyError.value("Unsupported input type: \(value.typeName). Expected one of: str, dict, PIL.Image.Image, np.ndarray, torch.Tensor")
        }
        let singular = !items.isEmpty && !isSequence(items[0])
        return (try (singular ? [value] : items).map(pair), singular)
    }

    private static func isSequence(_ v: Value) -> Bool {
        switch v {
        case .list, .tuple: return true
        default: return false
        }
    }

    private static func pair(_ value: Value) throws -> (String, String) {
        let items: [Value]
        switch value {
        case .list(let l): items = l.items
        case .tuple(let t): items = t
        default: throw PyError.unsupported("CrossEncoder.predict() of single texts is not supported in Quill cells: pass (text, text) pairs")
        }
        guard items.count == 2, case .str(let a) = items[0], case .str(let b) = items[1] else {
            let bad = items.first { if case .str = $0 { return false } else { return true } }
            throw PyError.value("Unsupported input type: \(items.count == 2 ? (bad?.typeName ?? "tuple") : value.typeName). "
                                + "Expected one of: str, dict, PIL.Image.Image, np.ndarray, torch.Tensor")
        }
        return (a, b)
    }

    /// One row of labelCount activated scores per pair, from the host.
    static func scores(_ owner: CrossEncoderObject, _ pairs: [(String, String)], softmax: Bool, _ context: any Context) throws -> [[Double]] {
        guard !pairs.isEmpty else { return [] }
        try context.reserve(pairs.count * owner.model.labelCount)
        let maxLength = try owner.maxLength()
        let rows = try hostCall { try owner.model.predict(pairs, maxLength: maxLength, softmax: softmax && owner.model.labelCount > 1) }
        return rows.map { $0.map(Double.init) }
    }

    static func convert(_ rows: [[Double]], labels: Int, singular: Bool, tensor: Bool, numpy: Bool) -> Value {
        if rows.isEmpty {
            if tensor { return .object(PyArray(library: .torch, dtype: .float32, shape: [0], scalars: [])) }
            if numpy { return .object(PyArray(library: .numpy, dtype: .float64, shape: [0], scalars: [])) }
            return .list(PyList())
        }
        let rowShape = labels == 1 ? [Int]() : [labels]
        let library: PyArray.Library = tensor || !numpy ? .torch : .numpy
        func row(_ r: [Double]) -> PyArray {
            PyArray(library: library, dtype: .float32, shape: rowShape, scalars: r, isNumpyScalar: library == .numpy && labels == 1)
        }
        if singular { return .object(row(rows[0])) }
        if !tensor && !numpy { return .list(PyList(rows.map { .object(row($0)) })) }
        return .object(PyArray(library: library, dtype: .float32, shape: [rows.count] + rowShape, scalars: rows.flatMap { $0 }))
    }
}

enum CrossEncoderRank {
    static let signature = Signature("CrossEncoder.rank", ["self", "query", "documents", "top_k", "return_documents",
                                                           "prompt_name", "prompt", "batch_size", "show_progress_bar",
                                                           "activation_fn", "device", "pool", "chunk_size"], required: 3)

    static func run(_ owner: CrossEncoderObject, _ arguments: Arguments, _ context: any Context) throws -> Value {
        var arguments = arguments
        // Deprecated there and without effect.
        arguments.keywords.removeAll { ["num_workers", "apply_softmax", "convert_to_numpy", "convert_to_tensor"].contains($0.name) }
        let b = try BoundArguments(signature, arguments, method: true, renamed: ["activation_fct": "activation_fn"])
        guard owner.model.labelCount == 1 else {
            throw PyError.value("CrossEncoder.rank() only works for models with num_labels=1. Consider using "
                                + "CrossEncoder.predict() with input pairs instead.")
        }
        let batchSize = try b.int("batch_size", 32, context)
        guard batchSize > 0 else { throw PyError.value("batch_size must be a positive integer, got \(batchSize).") }
        try CrossEncoderPredict.rejectUnsupported(b)
        let query = b["query"] ?? .none
        let documents = try context.iterate(b["documents"] ?? .none)
        let pairs = try documents.map { document -> (String, String) in
            guard case .str(let q) = query, case .str(let d) = document else {
                let bad = { if case .str = query { return document } else { return query } }()
                throw PyError.value("Unsupported input type: \(bad.typeName). Expected one of: str, dict, PIL.Image.Image, np.ndarray, torch.Tensor")
            }
            return (q, d)
        }
        let scores = try CrossEncoderPredict.scores(owner, pairs, softmax: false, context).map { $0[0] }
        let returnDocuments = try b.flag("return_documents", false, context)
        var results = PythonSort.sortedDescending(Array(scores.enumerated()), key: \.element)
        if let topK = try b.optionalInt("top_k") {
            // results[:top_k], with Python's slice of a negative bound.
            results = Array(results.prefix(topK >= 0 ? topK : max(0, results.count + topK)))
        }
        return .list(PyList(try results.map { i, score in
            try returnDocuments ? SemanticSearch.hitDict(["corpus_id": .int(i), "score": .float(score), "text": documents[i]])
                                : SemanticSearch.hitDict(["corpus_id": .int(i), "score": .float(score)])
        }))
    }
}
