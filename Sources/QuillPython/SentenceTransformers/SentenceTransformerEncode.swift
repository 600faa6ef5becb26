// SentenceTransformer.encode, encode_query and encode_document with sentence-transformers 6.2's rules: one string
// gives a vector and a list or tuple a matrix; numpy float32 by default, a torch tensor with convert_to_tensor, a
// list of tensors when both conversions are off; [] gives np.array([]) (float64) or tensor([]). Prompts come from
// prompt, prompt_name or default_prompt_name and are prepended to each text; max_seq_length sets the truncation;
// truncate_dim keeps the first dimensions (before normalize_embeddings). What Quill cannot compute (token
// embeddings, quantized precisions, multimodal inputs) is an error, never ignored.

struct SentenceTransformerEncode {
    static let parameters = ["self", "inputs", "prompt_name", "prompt", "batch_size", "show_progress_bar",
                             "output_value", "precision", "convert_to_numpy", "convert_to_tensor", "device",
                             "normalize_embeddings", "truncate_dim", "pool", "chunk_size"]
    static let precisions = ["float32", "int8", "uint8", "binary", "ubinary"]

    let owner: SentenceTransformerObject
    let method: String
    let b: BoundArguments
    let context: any Context

    init(_ owner: SentenceTransformerObject, _ method: String, _ arguments: Arguments, _ context: any Context) throws {
        self.owner = owner
        self.method = method
        self.context = context
        b = try BoundArguments(Signature("SentenceTransformer.\(method)", Self.parameters, required: 2), arguments,
                               method: true, extraKeywords: true, renamed: ["sentences": "inputs"])
    }

    func run() throws -> Value {
        let convertToTensor = try b.flag("convert_to_tensor", false, context)
        let convertToNumpy = convertToTensor ? false : try b.flag("convert_to_numpy", true, context)
        if let output = b["output_value"], !isString(output, "sentence_embedding") {
            throw PyError.unsupported("encode(output_value=\(try context.repr(output))) is not supported in Quill cells: "
                                      + "only sentence embeddings ('sentence_embedding')")
        }
        let batchSize = try b.int("batch_size", 32, context)
        guard batchSize > 0 else { throw PyError.value("batch_size must be a positive integer, got \(batchSize).") }
        let (texts, singular) = try inputs()
        try checkKeywords()
        try checkPrecision()
        let prompt = try resolvedPrompt()
        if let prompt, !prompt.isEmpty, (owner.model as? any BiEncoderSavedSettings)?.poolingIncludesPrompt == false {
            throw PyError.unsupported("prompts are not supported in Quill cells for this model: its Pooling leaves the "
                                      + "prompt's tokens out (include_prompt=false), which Quill's engine does not")
        }
        let truncateDim = try b.optionalInt("truncate_dim") ?? (try BoundArguments.optional(owner.truncateDim, "truncate_dim"))
        let normalize = try b.flag("normalize_embeddings", false, context)

        var rows: [[Double]] = []
        if !texts.isEmpty {
            try context.reserve(texts.count * owner.model.dimension)
            let maxLength = try maxSequenceLength()
            let prompted = prompt.map { p in texts.map { p + $0 } } ?? texts
            let embeddings = try hostCall { try owner.model.encode(prompted, maxSequenceLength: maxLength,
                                                                   normalize: normalize && truncateDim == nil) }
            rows = embeddings.map { $0.map(Double.init) }
            if let truncateDim {
                rows = rows.map { Array($0.prefix(max(0, truncateDim))) }
                if normalize {
                    let t = try ScoreKernels.normalize(TensorOperand(dtype: .float32, shape: [rows.count, rows.first?.count ?? 0],
                                                                     values: rows.flatMap { $0 }))
                    let width = rows.first?.count ?? 0
                    rows = (0..<rows.count).map { Array(t.values[$0 * width..<($0 + 1) * width]) }
                }
            }
        }
        return convert(rows, singular: singular, tensor: convertToTensor, numpy: convertToNumpy)
    }

    /// The texts, and whether the call passed one input rather than a batch (is_singular_input).
    private func inputs() throws -> ([String], Bool) {
        let value = b["inputs"] ?? .none
        switch value {
        case .str(let s): return ([s], true)
        case .list(let l): return (try l.items.map(text), false)
        case .tuple(let t): return (try t.map(text), false)
        default: return ([try text(value)], true)
        }
    }

    private func text(_ value: Value) throws -> String {
        switch value {
        case .str(let s): return s
        case .dict, .object(is PyArray):
            throw PyError.unsupported("encode() of \(value.typeName) inputs (images, audio, messages) is not supported in "
                                      + "Quill cells: only text")
        default:
            throw PyError.value("Unsupported input type: \(value.typeName). Expected one of: str, dict, PIL.Image.Image, "
                                + "np.ndarray, torch.Tensor")
        }
    }

    /// Only `task` (which routes nothing in the models Quill loads) may come as an extra keyword.
    private func checkKeywords() throws {
        for (name, value) in b.extraKeywords where name == "processing_kwargs" {
            if case .none = value { continue }
            throw PyError.unsupported("encode(processing_kwargs=...) is not supported in Quill cells; "
                                      + "set max_seq_length on the model instead")
        }
        let unused = b.extraKeywords.map(\.name).filter { $0 != "task" && $0 != "processing_kwargs" }
        guard unused.isEmpty else {
            let list = try context.repr(.list(PyList(unused.map { .str($0) })))
            throw PyError.value("SentenceTransformer.encode() has been called with additional keyword arguments that this "
                                + "model does not use: \(list). As per SentenceTransformer.get_model_kwargs(), this model "
                                + "does not accept any additional keyword arguments.")
        }
    }

    private func checkPrecision() throws {
        guard let precision = b.given("precision") else { return }
        guard case .str(let p) = precision, Self.precisions.contains(p) else {
            throw PyError.value("Precision \(try context.repr(precision)) is not supported, must be one of "
                                + "{'float32', 'int8', 'uint8', 'binary', 'ubinary'}")
        }
        guard p == "float32" else {
            throw PyError.unsupported("encode(precision='\(p)') is not supported in Quill cells: only 'float32'")
        }
    }

    /// _resolve_prompt, after encode_query / encode_document pick their prompt names.
    private func resolvedPrompt() throws -> String? {
        if let prompt = b.given("prompt") {
            guard case .str(let s) = prompt else { throw PyError.type("can only concatenate str (not \"\(prompt.typeName)\") to str") }
            return s
        }
        var name = b.given("prompt_name")
        if name == nil && method != "encode" {
            let candidates = method == "encode_query" ? ["query"] : ["document", "passage", "corpus"]
            name = candidates.first { (try? HashKey(.str($0))).flatMap { owner.prompts.storage[$0] } != nil }.map(Value.str)
        }
        if let name {
            guard let key = try? HashKey(name), let prompt = owner.prompts.storage[key] else {
                let keys = try context.repr(.list(PyList(owner.prompts.storage.keys.map(\.value))))
                throw PyError.value("Prompt name \(try context.str(name).quotedForMessage) not found in the configured "
                                    + "prompts dictionary with keys \(keys).")
            }
            return try promptText(prompt)
        }
        if case .none = owner.defaultPromptName { return nil }
        guard let key = try? HashKey(owner.defaultPromptName), let prompt = owner.prompts.storage[key] else { return nil }
        return try promptText(prompt)
    }

    private func promptText(_ prompt: Value) throws -> String? {
        switch prompt {
        case .none: return nil
        case .str(let s): return s
        default: throw PyError.type("can only concatenate str (not \"\(prompt.typeName)\") to str")
        }
    }

    private func maxSequenceLength() throws -> Int {
        guard case .int(let n) = owner.maxSeqLength else {
            throw PyError.type("'>' not supported between instances of '\(owner.maxSeqLength.typeName)' and 'int'")
        }
        return n
    }

    private func isString(_ value: Value, _ s: String) -> Bool {
        if case .str(let v) = value { return v.utf8.elementsEqual(s.utf8) }
        return false
    }

    /// The embeddings in the form the flags ask for.
    private func convert(_ rows: [[Double]], singular: Bool, tensor: Bool, numpy: Bool) -> Value {
        let width = rows.first?.count ?? 0
        if rows.isEmpty {
            if tensor { return .object(PyArray(library: .torch, dtype: .float32, shape: [0], scalars: [])) }
            if numpy { return .object(PyArray(library: .numpy, dtype: .float64, shape: [0], scalars: [])) }
            return .list(PyList())
        }
        if !tensor && !numpy {
            let vectors = rows.map { Value.object(PyArray(library: .torch, dtype: .float32, shape: [width], scalars: $0)) }
            return singular ? vectors[0] : .list(PyList(vectors))
        }
        let library: PyArray.Library = tensor ? .torch : .numpy
        if singular { return .object(PyArray(library: library, dtype: .float32, shape: [width], scalars: rows[0])) }
        return .object(PyArray(library: library, dtype: .float32, shape: [rows.count, width], scalars: rows.flatMap { $0 }))
    }
}

extension BoundArguments {
    /// An int setting that may be None.
    static func optional(_ value: Value, _ name: String) throws -> Int? {
        if case .none = value { return nil }
        return try integer(value, name)
    }
}

/// Calls the host, passing Python errors and unavailable models through (the session reports the latter as a
/// notebook that could not run) and reporting anything else as the Python exception `failure` (RuntimeError when
/// encoding or scoring; loading raises OSError, as the original's does) with the host's description.
func hostCall<T>(failure: String = "RuntimeError", _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as PyError {
        throw error
    } catch let error as ModelUnavailable {
        throw error
    } catch {
        throw PyError(.exception(failure), "\(error)")
    }
}

private extension String {
    /// How an f-string's `'{name}'` shows a prompt name in sentence-transformers' message.
    var quotedForMessage: String { "'" + self + "'" }
}
