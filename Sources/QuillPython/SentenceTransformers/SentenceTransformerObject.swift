// A loaded SentenceTransformer: the Python object a cell holds. Its settings (similarity_fn_name, max_seq_length,
// prompts, default_prompt_name, truncate_dim) are attributes a cell may read and set, and encode follows them as
// sentence-transformers 6.2 does; the embeddings themselves come from the host's model.

final class SentenceTransformerObject: PyAttributes, PyRepresentable {
    let model: any BiEncoderModel
    /// nil until first read (then "cosine"), as the original's lazy default.
    var similarityFunctionName: String?
    /// Any value may be assigned; encode requires an int, as the tokenizer does.
    var maxSeqLength: Value
    /// The prompts dict the cell sees (mutations are seen by encode).
    let prompts: PyDict
    var defaultPromptName: Value = .none
    var truncateDim: Value = .none

    static let supportedSimilarities = ["cosine", "dot", "euclidean", "manhattan"]

    init(model: any BiEncoderModel, prompts: PyDict) {
        self.model = model
        self.maxSeqLength = .int(model.maxSequenceLength)
        self.prompts = prompts
    }

    var typeName: String { "SentenceTransformer" }

    static let methods = ["encode", "encode_query", "encode_document", "similarity", "similarity_pairwise",
                          "get_sentence_embedding_dimension", "get_embedding_dimension", "get_max_seq_length", "to",
                          "cpu", "eval"]
    static let properties = ["similarity_fn_name", "max_seq_length", "prompts", "default_prompt_name", "truncate_dim",
                             "device"]
    /// Members of the original that Quill has no counterpart for: reading them is a clear error, not AttributeError.
    static let unsupported = ["tokenizer", "processor", "fit", "save", "save_pretrained", "push_to_hub", "tokenize",
                              "start_multi_process_pool", "stop_multi_process_pool", "encode_multi_process", "half",
                              "train", "forward", "compile", "modules", "parameters", "named_parameters", "state_dict",
                              "transformers_model", "config", "dtype", "truncate_embeddings", "evaluate"]

    var attributeNames: [String] { Self.methods + Self.properties }

    func attribute(_ name: String, _ context: any Context) throws -> Value? {
        switch name {
        case "similarity_fn_name": return .str(resolvedSimilarityName())
        case "max_seq_length": return maxSeqLength
        case "prompts": return .dict(prompts)
        case "default_prompt_name": return defaultPromptName
        case "truncate_dim": return truncateDim
        case "device": return .object(TorchDevice())
        default: break
        }
        if Self.methods.contains(name) { return .object(method(name)) }
        if Self.unsupported.contains(name) {
            throw PyError.unsupported("SentenceTransformer.\(name) is not supported in Quill cells")
        }
        return nil
    }

    func setAttribute(_ name: String, _ value: Value, _ context: any Context) throws -> Bool {
        switch name {
        case "similarity_fn_name": try setSimilarityFunctionName(value, context)
        case "max_seq_length": maxSeqLength = value
        case "default_prompt_name": defaultPromptName = value
        case "truncate_dim": truncateDim = value
        default: return false
        }
        return true
    }

    /// The name, defaulting it to cosine on first use.
    func resolvedSimilarityName() -> String {
        if similarityFunctionName == nil { similarityFunctionName = "cosine" }
        return similarityFunctionName ?? "cosine"
    }

    /// The similarity_fn_name setter: a supported name, a SimilarityFunction member, or None.
    func setSimilarityFunctionName(_ value: Value, _ context: any Context) throws {
        let name: String?
        switch value {
        case .none:
            similarityFunctionName = nil
            return
        case .object(let m as SimilarityFunctionMember): name = m.value
        case .str(let s): name = s
        default: name = nil
        }
        if let name, Self.supportedSimilarities.contains(name) {
            similarityFunctionName = name
            return
        }
        let shown = try context.repr(name.map(Value.str) ?? value)
        let hint = name == "maxsim" ? " Use MultiVectorEncoder for MaxSim late-interaction scoring." : ""
        throw PyError.value("SentenceTransformer only supports similarity_fn_name in ('cosine', 'dot', 'euclidean', "
                            + "'manhattan'), got \(shown).\(hint)")
    }

    func repr(_ context: any Context) throws -> String {
        if let modules = (model as? any ModelModules)?.modules {
            return try ModelRepr.text(className: "SentenceTransformer", modules, context)
        }
        // A summary: this host does not describe the modules that sentence-transformers prints.
        return "SentenceTransformer(\(try context.repr(.str(model.name))), dimension=\(model.dimension), "
            + "max_seq_length=\(try context.repr(maxSeqLength)))"
    }

    private func method(_ name: String) -> LibraryFunction {
        LibraryFunction(method: name, of: "SentenceTransformer", repr: { [unowned self] in try self.repr($0) }) {
            [unowned self] arguments, context in
            try self.call(name, arguments, context)
        }
    }

    private func call(_ name: String, _ arguments: Arguments, _ context: any Context) throws -> Value {
        switch name {
        case "encode", "encode_query", "encode_document":
            return try SentenceTransformerEncode(self, name, arguments, context).run()
        case "similarity", "similarity_pairwise":
            let b = try BoundArguments(Signature("SentenceTransformer.\(name)", ["self", "embeddings1", "embeddings2"]),
                                       arguments, method: true)
            let kind = Self.scoreKind(resolvedSimilarityName())
            let (x, y) = (b["embeddings1"] ?? .none, b["embeddings2"] ?? .none)
            return try ScoreFunctions.tensor(name == "similarity" ? try ScoreFunctions.scores(kind, x, y, context)
                                                                  : try ScoreFunctions.pairwiseScores(kind, x, y, context))
        case "get_sentence_embedding_dimension", "get_embedding_dimension":
            _ = try BoundArguments(Signature("SentenceTransformer.\(name)", ["self"]), arguments, method: true)
            if case .int(let d) = truncateDim { return .int(min(d, model.dimension)) }
            return .int(model.dimension)
        case "get_max_seq_length":
            _ = try BoundArguments(Signature("SentenceTransformer.get_max_seq_length", ["self"]), arguments, method: true)
            return maxSeqLength
        default:  // to(device), cpu(), eval(): placement and mode only; the model stays as it is.
            return .object(self)
        }
    }

    static func scoreKind(_ name: String) -> LibraryFunction.ScoreKind {
        switch name {
        case "dot": return .dot
        case "euclidean": return .euclidean
        case "manhattan": return .manhattan
        default: return .cosine
        }
    }
}

/// torch.device('cpu'): where Quill computes, whatever device a cell asks for.
final class TorchDevice: PyAttributes, PyRepresentable {
    var typeName: String { "device" }
    var attributeNames: [String] { ["type", "index"] }
    func attribute(_ name: String, _ context: any Context) throws -> Value? {
        switch name {
        case "type": return .str("cpu")
        case "index": return Value.none
        default: return nil
        }
    }
    func repr(_ context: any Context) throws -> String { "device(type='cpu')" }
    func str(_ context: any Context) throws -> String { "cpu" }
}
