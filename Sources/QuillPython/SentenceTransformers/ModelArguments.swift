// Constructor arguments shared by SentenceTransformer and CrossEncoder: which ones Quill rejects, the prompts
// dict, the backend, and loading through the host with its errors mapped to Python's. Also the optional
// capability a host's bi-encoder may add beyond the BiEncoderModel contract.

/// A bi-encoder whose configuration names a default prompt (config_sentence_transformers.json's
/// default_prompt_name), which encode then applies when no prompt is given. Hosts may conform.
public protocol BiEncoderDefaultPrompt {
    var defaultPromptName: String? { get }
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

    /// Loads through the host: an unavailable model and Python errors pass through (the session reports the
    /// former as a notebook that could not run); other failures are OSError, as the original's loading raises.
    static func load<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as PyError {
            throw error
        } catch let error as ModelUnavailable {
            throw error
        } catch {
            throw PyError(.exception("OSError"), "\(error)")
        }
    }
}
