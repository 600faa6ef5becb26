// How sentence-transformers 6.2 prints a model: its class name and one line per module, each with the module's
// settings as a Python dict. Hosts that describe their models' modules (ModelModules) get this exact text; for
// others Quill prints a summary of what it knows (name, dimension, maximum length), which is not the original's.

/// One module of a loaded model, as sentence-transformers lists it.
public enum ModelModule: Sendable, Equatable {
    /// The transformers class behind the Transformer module (BertModel, RobertaForSequenceClassification, ...);
    /// `sequenceClassification` for a cross-encoder's.
    case transformer(architecture: String, sequenceClassification: Bool)
    /// Pooling's embedding_dimension, pooling modes ("mean", "cls", ...) and include_prompt.
    case pooling(dimension: Int, modes: [String], includePrompt: Bool)
    /// Dense's in_features, out_features, bias and activation_function (torch's full path).
    case dense(inFeatures: Int, outFeatures: Int, bias: Bool, activation: String)
    case normalize
}

/// A host's model that can list its modules, so that printing it gives sentence-transformers' text.
public protocol ModelModules {
    var modules: [ModelModule] { get }
}

enum ModelRepr {
    /// `SentenceTransformer(\n  (0): Transformer({...})\n  ...\n)`.
    static func text(className: String, _ modules: [ModelModule], _ context: any Context) throws -> String {
        var lines = [className + "("]
        for (i, module) in modules.enumerated() { lines.append("  (\(i)): " + (try line(module, context))) }
        lines.append(")")
        return lines.joined(separator: "\n")
    }

    private static func line(_ module: ModelModule, _ context: any Context) throws -> String {
        let sentenceEmbedding = "'module_input_name': 'sentence_embedding', 'module_output_name': 'sentence_embedding'"
        switch module {
        case .transformer(let architecture, let classification):
            let (task, output, name) = classification ? ("sequence-classification", "logits", "scores")
                                                      : ("feature-extraction", "last_hidden_state", "token_embeddings")
            return "Transformer({'transformer_task': '\(task)', 'modality_config': {'text': {'method': 'forward', "
                + "'method_output_name': '\(output)'}}, 'module_output_name': '\(name)', "
                + "'architecture': \(try context.repr(.str(architecture)))})"
        case .pooling(let dimension, let modes, let includePrompt):
            let mode = modes.count == 1 ? Value.str(modes[0]) : .tuple(modes.map(Value.str))
            return "Pooling({'embedding_dimension': \(dimension), 'pooling_mode': \(try context.repr(mode)), "
                + "'include_prompt': \(includePrompt ? "True" : "False")})"
        case .dense(let inFeatures, let outFeatures, let bias, let activation):
            return "Dense({'in_features': \(inFeatures), 'out_features': \(outFeatures), 'bias': \(bias ? "True" : "False"), "
                + "'activation_function': \(try context.repr(.str(activation))), \(sentenceEmbedding)})"
        case .normalize:
            return "Normalize({\(sentenceEmbedding)})"
        }
    }
}
