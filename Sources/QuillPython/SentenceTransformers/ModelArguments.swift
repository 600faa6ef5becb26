// Constructor arguments shared by SentenceTransformer and CrossEncoder: which ones Quill rejects, the prompts
// dict and the backend (loading goes through hostCall, SentenceTransformerEncode.swift). Also the optional
// capability a host's bi-encoder may add beyond the BiEncoderModel contract.

/// What a host's bi-encoder may tell beyond the BiEncoderModel contract; hosts that conform get
/// sentence-transformers' behaviour for these settings too (without it: none of them).
public protocol BiEncoderSavedSettings {
    /// config_sentence_transformers.json's default_prompt_name: the prompt encode applies when given none.
    var defaultPromptName: String? { get }
    /// Its truncate_dim: the embedding width encode keeps, unless the cell sets truncate_dim.
    var truncateDimension: Int? { get }
    /// The Pooling module's include_prompt. When false the original leaves a prompt's tokens out of the pooled
    /// vector, which the host's model does not: encode then refuses prompts rather than give other numbers.
    var poolingIncludesPrompt: Bool { get }
}

enum ModelArguments {
    /// Errors for the arguments in `names` that are given (not None, not an empty dict): Quill cannot honour them.
    static func rejectUnsupported(_ b: BoundArguments, _ names: [String], className: String, _ context: any Context) throws {
        for name in names {
            guard let value = b.given(name) else { continue }
            if case .dict(let d) = value, d.storage.isEmpty { continue }
            throw PyError.unsupported("\(className)(\(name)=...) is not supported in Quill cells")
        }
    }

    /// backend='torch' (the default), 'onnx' or 'openvino': each only chooses a runtime, and Quill has its own.
    static func checkBackend(_ b: BoundArguments, _ context: any Context) throws {
        guard let backend = b.given("backend") else { return }
        guard case .str(let s) = backend, ["torch", "onnx", "openvino"].contains(s) else {
            throw PyError.value("Unsupported backend \(try context.repr(backend)). Please use one of 'torch', 'onnx', or 'openvino'.")
        }
    }

    /// The prompts argument: a dict of str names to str (or None) prompts, in order.
    static func prompts(_ value: Value?, _ context: any Context) throws -> [(key: Value, value: Value)] {
        guard let value else { return [] }
        guard case .dict(let dict) = value else {
            throw PyError.type("prompts must be a dict of prompt names to prompts, not \(value.typeName)")
        }
        return try dict.storage.map { key, prompt in
            guard case .str = key.value else { throw PyError.type("prompt names must be str, not \(key.value.typeName)") }
            switch prompt {
            case .str, .none: return (key.value, prompt)
            default: throw PyError.type("prompts must be str, not \(prompt.typeName)")
            }
        }
    }
}
