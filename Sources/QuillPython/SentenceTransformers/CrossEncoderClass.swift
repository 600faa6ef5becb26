// The CrossEncoder class and its loaded objects, with sentence-transformers 6.2's constructor: the name or path
// positional; num_labels, max_length, activation_fn and device also accepted positionally (deprecated there, still
// honoured) and the old keyword names mapped to the new. max_length sets the truncation of pairs (max_seq_length,
// and its deprecated alias max_length, read and set it later). Quill scores with the model's own head and
// activation, so a different num_labels or an activation_fn is an error.

final class CrossEncoderClass: PyCallable, PyRepresentable {
    static let keywordParameters = ["modules", "device", "prompts", "default_prompt_name", "cache_folder",
                                    "trust_remote_code", "revision", "local_files_only", "token", "model_kwargs",
                                    "processor_kwargs", "config_kwargs", "model_card_data", "backend", "num_labels",
                                    "max_length", "activation_fn", "keep_in_fp32_modules"]
    static let signature = Signature("CrossEncoder.__init__", ["self", "model_name_or_path"], required: 1,
                                     keywordOnly: keywordParameters)
    static let legacyPositional = ["num_labels", "max_length", "activation_fn", "device"]
    static let renamed = ["model_name": "model_name_or_path", "automodel_args": "model_kwargs",
                          "tokenizer_args": "processor_kwargs", "tokenizer_kwargs": "processor_kwargs",
                          "config_args": "config_kwargs", "cache_dir": "cache_folder",
                          "default_activation_function": "activation_fn"]

    var typeName: String { "type" }

    func repr(_ context: any Context) throws -> String { "<class 'sentence_transformers.cross_encoder.model.CrossEncoder'>" }

    func call(_ arguments: Arguments, _ context: any Context) throws -> Value {
        // The original's decorator turns positional arguments after the name into keywords (extra ones are dropped).
        var keywords = arguments.keywords
        for (i, value) in arguments.positional.dropFirst().prefix(Self.legacyPositional.count).enumerated()
        where !keywords.contains(where: { $0.name == Self.legacyPositional[i] }) {
            keywords.append((Self.legacyPositional[i], value))
        }
        let b = try BoundArguments(Self.signature, Arguments(Array(arguments.positional.prefix(1)), keywords: keywords),
                                   method: true, renamed: Self.renamed)
        try ModelArguments.rejectUnsupported(b, ["modules", "prompts", "default_prompt_name", "cache_folder", "revision",
                                                 "token", "model_kwargs", "processor_kwargs", "config_kwargs",
                                                 "model_card_data", "activation_fn", "keep_in_fp32_modules"],
                                             className: "CrossEncoder", context)
        try ModelArguments.checkBackend(b, context)
        guard case .str(let name)? = b.given("model_name_or_path") else {
            throw PyError.unsupported("CrossEncoder() without a model name or path is not supported in Quill cells")
        }
        let model = try hostCall(failure: "OSError") { try context.host.loadCrossEncoder(name) }
        if let labels = try b.optionalInt("num_labels"), labels != model.labelCount {
            throw PyError.unsupported("CrossEncoder(num_labels=\(labels)) is not supported in Quill cells: the model has "
                                      + "\(model.labelCount) label\(model.labelCount == 1 ? "" : "s"), and Quill does not "
                                      + "replace its classifier")
        }
        let object = CrossEncoderObject(model: model)
        if let maxLength = b.given("max_length") { object.maxSeqLength = maxLength }
        return .object(object)
    }
}

final class CrossEncoderObject: PyAttributes, PyRepresentable {
    let model: any CrossEncoderModel
    /// Any value may be assigned; predict requires an int, as the tokenizer does.
    var maxSeqLength: Value

    init(model: any CrossEncoderModel) {
        self.model = model
        self.maxSeqLength = .int(model.maxLength)
    }

    var typeName: String { "CrossEncoder" }

    static let methods = ["predict", "rank", "to", "cpu", "eval"]
    static let unsupported = ["tokenizer", "processor", "model", "config", "activation_fn", "fit", "save",
                              "save_pretrained", "push_to_hub", "tokenize", "start_multi_process_pool", "half", "train",
                              "forward", "compile", "modules", "parameters", "state_dict", "default_activation_function"]

    var attributeNames: [String] { Self.methods + ["max_length", "max_seq_length", "num_labels", "device"] }

    func attribute(_ name: String, _ context: any Context) throws -> Value? {
        switch name {
        case "max_length", "max_seq_length": return maxSeqLength
        case "num_labels": return .int(model.labelCount)
        case "device": return .object(TorchDevice())
        default: break
        }
        if Self.methods.contains(name) {
            return .object(LibraryFunction(method: name, of: "CrossEncoder", repr: { [unowned self] in try self.repr($0) }) {
                [unowned self] arguments, context in
                switch name {
                case "predict": return try CrossEncoderPredict(self, arguments, context).run()
                case "rank": return try CrossEncoderRank.run(self, arguments, context)
                default: return .object(self)  // to(device), cpu(), eval(): placement and mode only
                }
            })
        }
        if Self.unsupported.contains(name) {
            throw PyError.unsupported("CrossEncoder.\(name) is not supported in Quill cells")
        }
        return nil
    }

    func setAttribute(_ name: String, _ value: Value, _ context: any Context) throws -> Bool {
        guard name == "max_length" || name == "max_seq_length" else { return false }
        maxSeqLength = value
        return true
    }

    func repr(_ context: any Context) throws -> String {
        if let modules = (model as? any ModelModules)?.modules {
            return try ModelRepr.text(className: "CrossEncoder", modules, context)
        }
        // A summary: this host does not describe the modules that sentence-transformers prints.
        return "CrossEncoder(\(try context.repr(.str(model.name))), num_labels=\(model.labelCount), "
            + "max_length=\(try context.repr(maxSeqLength)))"
    }

    /// The truncation length for predict.
    func maxLength() throws -> Int {
        guard case .int(let n) = maxSeqLength else {
            throw PyError.type("'>' not supported between instances of '\(maxSeqLength.typeName)' and 'int'")
        }
        return n
    }
}
