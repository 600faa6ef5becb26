// A loaded model's modules as sentence-transformers lists them when it prints a model: the transformers class it
// loads for the encoder (by model_type: BertModel, RobertaModel, ...; *ForSequenceClassification for cross-encoders),
// the Pooling, Dense and Normalize modules with their settings. Quill runs the same pipeline (BiEncoder, CrossEncoder).

public enum PipelineDescription: Sendable, Equatable {
    /// `sequenceClassification`: a cross-encoder's transformer, which outputs scores.
    case transformer(architecture: String, sequenceClassification: Bool)
    /// `modes`: sentence-transformers' names ("mean", "cls", ...), in the order they concatenate.
    case pooling(dimension: Int, modes: [String], includePrompt: Bool)
    /// `activation`: the activation's full torch path ("torch.nn.modules.activation.Tanh").
    case dense(inFeatures: Int, outFeatures: Int, bias: Bool, activation: String)
    case normalize

    /// The transformers class AutoModel (or AutoModelForSequenceClassification) loads for a model_type.
    static func architecture(modelType: String, sequenceClassification: Bool) -> String {
        let base = ["bert": "Bert", "roberta": "Roberta", "xlm-roberta": "XLMRoberta", "camembert": "Camembert"][modelType]
            ?? modelType.capitalized
        return base + (sequenceClassification ? "ForSequenceClassification" : "Model")
    }
}

extension ActivationFunction {
    /// The full path sentence-transformers prints (torch's module of the class).
    public var torchPath: String {
        self == .identity ? "torch.nn.modules.linear.Identity" : "torch.nn.modules.activation." + rawValue
    }
}

extension BiEncoder {
    /// Transformer, Pooling, then the Dense and Normalize modules in order.
    public var pipeline: [PipelineDescription] {
        [.transformer(architecture: PipelineDescription.architecture(modelType: config.modelType, sequenceClassification: false),
                      sequenceClassification: false),
         .pooling(dimension: pooling.dimension, modes: pooling.modes.map(\.rawValue), includePrompt: pooling.includePrompt)]
            + steps.map { step in
                switch step {
                case .dense(let d):
                    return .dense(inFeatures: d.linear.inFeatures, outFeatures: d.linear.outFeatures,
                                  bias: d.linear.bias != nil, activation: d.activation.torchPath)
                case .normalize:
                    return .normalize
                }
            }
    }
}

extension CrossEncoder {
    /// The transformer with its classification head: sentence-transformers prints a cross-encoder as that alone.
    public var pipeline: [PipelineDescription] {
        [.transformer(architecture: PipelineDescription.architecture(modelType: config.modelType, sequenceClassification: true),
                      sequenceClassification: true)]
    }
}
