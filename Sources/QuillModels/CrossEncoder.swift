// A cross-encoder: both texts through one encoder as a pair, then a classification head on the first token.
// Heads (transformers v5): BertForSequenceClassification = pooler (dense + tanh on [CLS]) -> classifier;
// RobertaForSequenceClassification (and XLM-R's, CamemBERT's, MPNet's) = classifier.dense -> tanh ->
// classifier.out_proj on <s>; DistilBertForSequenceClassification = pre_classifier -> ReLU -> classifier.
// Activation as sentence-transformers 6.2's CrossEncoder chooses it: the config's sentence_transformers.activation_fn
// or legacy sbert_ce_default_activation_function (trusted only under torch.), else Sigmoid for one label and
// Identity for several; softmax on request after it.
import Foundation
import QuillTensors
import QuillTokenizers

public final class CrossEncoder: Sendable {
    public let directory: URL
    public let config: TransformerConfig
    public let tokenizer: Tokenizer
    public let maxLength: Int
    public let labelCount: Int
    public let activation: ActivationFunction
    /// Tokens the tokenizer adds to a pair ([CLS] A [SEP] B [SEP]: 3).
    let specialTokenCount: Int

    let encoder: Encoder
    let head: [Linear]   // applied in order with headActivation between: [pooler/dense, classifier/out_proj]
    let headActivation: HeadActivation

    /// The activation between the head's two layers.
    enum HeadActivation: Sendable {
        case tanh   // BERT's pooler, RoBERTa's classification head
        case relu   // DistilBERT's pre_classifier
    }

    /// Pairs per encoder pass (predict).
    static let pairsPerPass = 4096

    static let supportedArchitectures = ["BertForSequenceClassification", "RobertaForSequenceClassification",
                                         "XLMRobertaForSequenceClassification", "CamembertForSequenceClassification",
                                         "MPNetForSequenceClassification", "DistilBertForSequenceClassification"]

    public init(directory: URL) throws(LoadError) {
        try requireDirectory(directory)
        self.directory = directory
        let configURL = directory.appendingPathComponent("config.json")
        let config = try TransformerConfig.load(configURL)
        self.config = config
        guard let arch = config.architectures.first(where: { Self.supportedArchitectures.contains($0) }) else {
            throw .unsupported(what: "cross-encoder architecture", value: config.architectures.joined(separator: ", "),
                               file: configURL.path, supported: Self.supportedArchitectures)
        }
        let weights = try Weights.open(directory: directory)
        let C = config.hiddenSize
        labelCount = config.labelCount
        switch arch {
        case "BertForSequenceClassification":
            let base = weights.scoped("bert")
            encoder = try Encoder(base, config, firstTokens: true)
            head = [try Linear(base.scoped("pooler.dense"), in: C, out: C),
                    try Linear(weights.scoped("classifier"), in: C, out: config.labelCount)]
            headActivation = .tanh
        case "DistilBertForSequenceClassification":
            encoder = try Encoder(weights.scoped("distilbert"), config, firstTokens: true)
            head = [try Linear(weights.scoped("pre_classifier"), in: C, out: C),
                    try Linear(weights.scoped("classifier"), in: C, out: config.labelCount)]
            headActivation = .relu
        default:
            let prefix = arch == "MPNetForSequenceClassification" ? "mpnet"
                : weights.contains("roberta.embeddings.word_embeddings.weight") ? "roberta" : "xlm-roberta"
            encoder = try Encoder(weights.scoped(prefix), config, firstTokens: true)
            head = [try Linear(weights.scoped("classifier.dense"), in: C, out: C),
                    try Linear(weights.scoped("classifier.out_proj"), in: C, out: config.labelCount)]
            headActivation = .tanh
        }
        tokenizer = try loadTokenizer(directory)
        specialTokenCount = tokenizer.encode("", "", maxLength: nil).ids.count
        maxLength = min(tokenizer.modelMaxLength ?? Int.max, config.maxPositionEmbeddings, config.maxTokens)
        if let path = config.activationFunctionPath, path.hasPrefix("torch."), let f = ActivationFunction(path: path) {
            activation = f
        } else if let path = config.activationFunctionPath, path.hasPrefix("torch.") {
            throw .unsupported(what: "activation function", value: path, file: configURL.path, supported: ActivationFunction.supported)
        } else {
            activation = config.labelCount == 1 ? .sigmoid : .identity
        }
    }

    /// Token ids of a pair as the model sees it.
    public func tokenize(_ first: String, _ second: String) -> [Int32] {
        tokenizer.encode(first, second, maxLength: maxLength).ids
    }

    /// Scores each pair: one row of `labelCount` values, in input order.
    /// - Parameters:
    ///   - batchSize: accepted for sentence-transformers' signature. Quill packs pairs without padding, longest
    ///     first, and the encoder takes them in groups of about `Parallel.groupTokens` tokens per core, so it
    ///     changes neither the scores nor the memory.
    ///   - activate: apply the model's activation (false gives raw logits).
    ///   - softmax: softmax over labels after the activation (only for several labels, as the reference).
    ///   - maxLength: tokens per pair, special tokens included (`CrossEncoder(..., max_length=n)`); nil for the
    ///     model's `maxLength`. Below the special tokens' count it truncates nothing, as transformers' tokenizers.
    /// - Throws: `EngineError.sequenceTooLong` when a pair has more tokens than the model has positions.
    public func predict(_ pairs: [(String, String)], batchSize: Int = 32, activate: Bool = true, softmax: Bool = false,
                        maxLength: Int? = nil) throws(EngineError) -> [[Float]]
    {
        let tokenizer = self.tokenizer
        let limit = truncation(maxLength ?? self.maxLength, specialTokens: specialTokenCount)
        let encodings = Parallel.map(pairs.count) { tokenizer.encode(pairs[$0].0, pairs[$0].1, maxLength: limit) }
        try checkPositions(encodings.map(\.ids.count), maxLength: maxLength ?? self.maxLength, config: config)
        var result = [[Float]](repeating: [], count: pairs.count)
        let order = longestFirst(encodings.map(\.ids.count))
        // Passes of at most `pairsPerPass` pairs: the encoder holds a pass's first-token rows of the last layer
        // together (see Encoder.callAsFunction), so the pass bounds that memory; a pass is still hundreds of groups.
        for start in stride(from: 0, to: order.count, by: Self.pairsPerPass) {
            let pass = order[start..<min(order.count, start + Self.pairsPerPass)]
            var batch = PackedBatch()
            for i in pass { batch.append(encodings[i].ids, typeIds: encodings[i].typeIds) }
            // First token of each sequence: (B, C). Every pair has at least its special tokens.
            let first = try encoder(batch, firstTokensOnly: true)
            let B = batch.sequenceCount
            var x = head[0](first, rows: B)
            x.withUnsafeMutableBufferPointer { x in
                switch headActivation {
                case .tanh: tanhInPlace(x.baseAddress!, count: x.count)
                case .relu: relu(x.baseAddress!, count: x.count)
                }
            }
            var logits = head[1](x, rows: B)
            if activate { activation.apply(&logits, rows: B, width: labelCount) }
            if softmax && labelCount > 1 {
                logits.withUnsafeMutableBufferPointer { softmaxRows($0.baseAddress!, rows: B, columns: labelCount) }
            }
            for (s, i) in pass.enumerated() { result[i] = Array(logits[s * labelCount..<(s + 1) * labelCount]) }
        }
        return result
    }
}
