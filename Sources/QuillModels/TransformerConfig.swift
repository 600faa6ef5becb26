// config.json of a BERT-family encoder (BERT, RoBERTa, XLM-RoBERTa, CamemBERT, MPNet, DistilBERT), as transformers
// reads it. RoBERTa is configuration, not a separate model: positions start after pad_token_id and there is one
// token type. MPNet is RoBERTa's positions without token types, plus a relative position bias; DistilBERT is BERT
// without token types, under its own config names (dim, hidden_dim, n_layers, n_heads, activation).
import Foundation

/// The encoder family, which decides position ids, weight names and the classification head.
public enum EncoderFamily: String, Sendable {
    case bert
    case roberta
    case mpnet
    case distilbert

    static let supportedModelTypes = ["bert", "roberta", "xlm-roberta", "camembert", "mpnet", "distilbert"]

    init(modelType: String, file: String) throws(LoadError) {
        switch modelType {
        case "bert": self = .bert
        case "roberta", "xlm-roberta", "camembert": self = .roberta
        case "mpnet": self = .mpnet
        case "distilbert": self = .distilbert
        default:
            throw .unsupported(what: "model_type", value: modelType, file: file, supported: Self.supportedModelTypes)
        }
    }

    /// Whether the embeddings add a token-type row (BERT, RoBERTa); MPNet and DistilBERT have none.
    var hasTokenTypes: Bool { self == .bert || self == .roberta }

    /// The padding index that position ids count from (RoBERTa: pad_token_id; MPNet: always 1, as transformers
    /// hard-codes it), or nil where positions are 0..<L.
    func positionPaddingIndex(padTokenId: Int) -> Int? {
        switch self {
        case .bert, .distilbert: nil
        case .roberta: padTokenId
        case .mpnet: 1
        }
    }
}

/// The activation inside the feed-forward block (`hidden_act`).
public enum HiddenActivation: String, Sendable {
    case gelu            // exact erf form, transformers' "gelu"
    case geluTanh        // "gelu_new", "gelu_pytorch_tanh", "gelu_fast"
    case relu
    static let supported = ["gelu", "gelu_new", "gelu_pytorch_tanh", "gelu_fast", "relu"]
}

/// Hyperparameters of the encoder, read from config.json.
public struct TransformerConfig: Sendable {
    public var family: EncoderFamily
    public var modelType: String
    public var architectures: [String]
    public var vocabSize: Int
    public var hiddenSize: Int
    public var layerCount: Int
    public var headCount: Int
    public var intermediateSize: Int
    public var hiddenActivation: HiddenActivation
    public var layerNormEps: Float
    public var maxPositionEmbeddings: Int
    public var typeVocabSize: Int
    public var padTokenId: Int
    /// MPNet's relative position buckets (`relative_attention_num_buckets`, rows of the bias table); 0 elsewhere.
    public var relativeAttentionBuckets: Int
    /// DistilBERT's `sinusoidal_pos_embds`: the position table is sinusoids (stored in the checkpoint all the same).
    public var sinusoidalPositions: Bool
    /// Number of classifier outputs (from `id2label` or `num_labels`; 2 is transformers' default).
    public var labelCount: Int
    /// The cross-encoder activation named in the config, if any (`sentence_transformers.activation_fn`, or the
    /// legacy `sbert_ce_default_activation_function`).
    public var activationFunctionPath: String?

    public var headSize: Int { hiddenSize / headCount }

    /// Largest number of tokens a sequence may have without running off the position table.
    public var maxTokens: Int {
        family.positionPaddingIndex(padTokenId: padTokenId).map { maxPositionEmbeddings - $0 - 1 } ?? maxPositionEmbeddings
    }

    public static func load(_ url: URL) throws(LoadError) -> TransformerConfig {
        let f = try ConfigFile.read(url)
        guard f.object != nil else { throw .invalidConfig(file: f.path, reason: "must be a JSON object") }
        let modelType = try f.string("model_type") ?? "bert"
        let family = try EncoderFamily(modelType: modelType, file: f.path)
        let distil = family == .distilbert   // DistilBERT's own names; LayerNorm eps fixed at 1e-12 in its code
        let architectures = (f.root["architectures"]?.arrayValue ?? []).compactMap(\.stringValue)
        let act = try f.string(distil ? "activation" : "hidden_act") ?? "gelu"
        let activation: HiddenActivation
        switch act {
        case "gelu": activation = .gelu
        case "gelu_new", "gelu_pytorch_tanh", "gelu_fast": activation = .geluTanh
        case "relu": activation = .relu
        default: throw .unsupported(what: "hidden_act", value: act, file: f.path, supported: HiddenActivation.supported)
        }
        if let pe = try f.string("position_embedding_type"), pe != "absolute" {
            throw .unsupported(what: "position_embedding_type", value: pe, file: f.path, supported: ["absolute"])
        }
        var labels = try f.int("num_labels")
        if let id2label = f.root["id2label"]?.objectValue { labels = id2label.count }

        var activationPath: String?
        if let st = f.root["sentence_transformers"]?.objectValue, let a = st["activation_fn"]?.stringValue {
            activationPath = a
        } else if let legacy = try f.string("sbert_ce_default_activation_function") {
            activationPath = legacy
        }

        let config = TransformerConfig(
            family: family,
            modelType: modelType,
            architectures: architectures,
            vocabSize: try f.requiredInt("vocab_size"),
            hiddenSize: try f.requiredInt(distil ? "dim" : "hidden_size"),
            layerCount: try f.requiredInt(distil ? "n_layers" : "num_hidden_layers"),
            headCount: try f.requiredInt(distil ? "n_heads" : "num_attention_heads"),
            intermediateSize: try f.requiredInt(distil ? "hidden_dim" : "intermediate_size"),
            hiddenActivation: activation,
            layerNormEps: distil ? 1e-12 : Float(try f.double("layer_norm_eps") ?? 1e-12),
            maxPositionEmbeddings: try f.requiredInt("max_position_embeddings"),
            typeVocabSize: family.hasTokenTypes ? try f.int("type_vocab_size") ?? 2 : 1,
            padTokenId: try f.int("pad_token_id") ?? (family == .roberta || family == .mpnet ? 1 : 0),
            relativeAttentionBuckets: family == .mpnet ? try f.int("relative_attention_num_buckets") ?? 32 : 0,
            sinusoidalPositions: distil ? try f.bool("sinusoidal_pos_embds") ?? false : false,
            labelCount: labels ?? 2,
            activationFunctionPath: activationPath)
        try config.validate(file: f.path)
        return config
    }

    func validate(file: String) throws(LoadError) {
        func check(_ ok: Bool, _ reason: String) throws(LoadError) {
            if !ok { throw .invalidConfig(file: file, reason: reason) }
        }
        try check(vocabSize > 0 && vocabSize < 10_000_000, "vocab_size \(vocabSize) out of range")
        try check(hiddenSize > 0 && hiddenSize <= 65536, "hidden_size \(hiddenSize) out of range")
        try check(layerCount >= 0 && layerCount <= 1000, "num_hidden_layers \(layerCount) out of range")
        try check(headCount > 0 && hiddenSize % headCount == 0,
                  "hidden_size \(hiddenSize) is not a multiple of num_attention_heads \(headCount)")
        try check(intermediateSize > 0 && intermediateSize <= 1 << 20, "intermediate_size \(intermediateSize) out of range")
        try check(maxPositionEmbeddings > 0 && maxPositionEmbeddings <= 1 << 20,
                  "max_position_embeddings \(maxPositionEmbeddings) out of range")
        try check(typeVocabSize > 0 && typeVocabSize <= 1024, "type_vocab_size \(typeVocabSize) out of range")
        try check(padTokenId >= 0 && padTokenId < vocabSize, "pad_token_id \(padTokenId) out of range")
        try check(maxTokens > 0, "max_position_embeddings \(maxPositionEmbeddings) leaves no room after pad_token_id")
        try check(labelCount > 0 && labelCount <= 1 << 16, "num_labels \(labelCount) out of range")
        try check(layerNormEps.isFinite && layerNormEps >= 0, "layer_norm_eps must be a finite non-negative number")
        try check(family != .mpnet || relativeAttentionBuckets >= RelativePositionBias.bucketCount,
                  "relative_attention_num_buckets \(relativeAttentionBuckets) is below the \(RelativePositionBias.bucketCount) "
                  + "buckets MPNet's attention reads")
    }
}
