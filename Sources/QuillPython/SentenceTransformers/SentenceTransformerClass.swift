// The SentenceTransformer class: calling it loads a model through the session's host, with sentence-transformers
// 6.2's constructor (the name or path positional, everything else keyword-only). Prompts are the defaults
// {'query': '', 'document': ''} updated by the prompts argument, then filled from the model's configuration;
// similarity_fn_name comes from the argument, else the configuration, else cosine on first use. Arguments that
// only steer hardware or loading (device, trust_remote_code, local_files_only, backend) are accepted; those Quill
// cannot honour are errors.

final class SentenceTransformerClass: PyCallable, PyRepresentable {
    static let signature = Signature("SentenceTransformer.__init__", ["self", "model_name_or_path"], required: 1,
        keywordOnly: ["modules", "device", "prompts", "default_prompt_name", "cache_folder", "trust_remote_code",
                      "revision", "local_files_only", "token", "use_auth_token", "model_kwargs", "processor_kwargs",
                      "config_kwargs", "model_card_data", "backend", "similarity_fn_name", "truncate_dim"])

    var typeName: String { "type" }

    func repr(_ context: any Context) throws -> String {
        "<class 'sentence_transformers.sentence_transformer.model.SentenceTransformer'>"
    }

    func call(_ arguments: Arguments, _ context: any Context) throws -> Value {
        let b = try BoundArguments(Self.signature, arguments, method: true, renamed: ["tokenizer_kwargs": "processor_kwargs"])
        try ModelArguments.rejectUnsupported(b, ["modules", "cache_folder", "revision", "token", "use_auth_token",
                                                 "model_kwargs", "processor_kwargs", "config_kwargs", "model_card_data"],
                                             className: "SentenceTransformer", context)
        try ModelArguments.checkBackend(b, context)
        guard case .str(let name)? = b.given("model_name_or_path") else {
            if let other = b.given("model_name_or_path") {
                throw PyError.type("stat: path should be string, bytes, os.PathLike or integer, not \(other.typeName)")
            }
            throw PyError.unsupported("SentenceTransformer() without a model name or path is not supported in Quill cells")
        }
        // The setter's validation runs before anything is loaded, as in the original.
        let userPrompts = try ModelArguments.prompts(b.given("prompts"), context)
        let model = try hostCall(failure: "OSError") { try context.host.loadBiEncoder(name) }
        let object = SentenceTransformerObject(model: model, prompts: PyDict())
        if let fn = b.given("similarity_fn_name") { try object.setSimilarityFunctionName(fn, context) }
        if object.similarityFunctionName == nil, let saved = model.similarityFunctionName,
           SentenceTransformerObject.supportedSimilarities.contains(saved) {
            object.similarityFunctionName = saved
        }
        let saved = model as? any BiEncoderSavedSettings
        if let dim = b.given("truncate_dim") {
            object.truncateDim = .int(try BoundArguments.integer(dim, "truncate_dim"))
        } else if let dim = saved?.truncateDimension {
            object.truncateDim = .int(dim)
        }

        // Prompts: defaults, then the argument's, then the model's for keys still unset; None becomes ''.
        var prompts: [(key: Value, value: Value)] = [(.str("query"), .none), (.str("document"), .none)]
        for (key, value) in userPrompts {
            if let i = prompts.firstIndex(where: { HashKey.keyEquals($0.key, key) }) { prompts[i].value = value }
            else { prompts.append((key, value)) }
        }
        for key in model.prompts.keys.sorted(by: { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }) {
            let text = model.prompts[key] ?? ""
            if let i = prompts.firstIndex(where: { HashKey.keyEquals($0.key, .str(key)) }) {
                if case .none = prompts[i].value { prompts[i].value = .str(text) }
            } else {
                prompts.append((.str(key), .str(text)))
            }
        }
        for (key, value) in prompts {
            object.prompts.storage[try HashKey(key)] = { if case .none = value { return .str("") } else { return value } }()
        }
        object.defaultPromptName = b.given("default_prompt_name") ?? saved?.defaultPromptName.map(Value.str) ?? .none
        if case .none = object.defaultPromptName {} else if object.prompts.storage[try HashKey(object.defaultPromptName)] == nil {
            let keys = try context.repr(.list(PyList(object.prompts.storage.keys.map(\.value))))
            throw PyError.value("Default prompt name '\(try context.str(object.defaultPromptName))' not found in the "
                                + "configured prompts dictionary with keys \(keys).")
        }
        return .object(object)
    }
}
