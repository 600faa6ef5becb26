// A sentence-transformers bi-encoder: Transformer -> Pooling -> (Dense) -> (Normalize), as the folder's
// modules.json says. Mirrors SentenceTransformer.encode (sentence-transformers 6.2): truncation to max_seq_length
// (longest_first), padding-free here, input order kept.
import Foundation
import QuillTensors
import QuillTokenizers

/// A loaded bi-encoder. Immutable once loaded, so one instance may serve many threads at once.
public final class BiEncoder: Sendable {
    public let directory: URL
    public let config: TransformerConfig
    public let tokenizer: Tokenizer
    /// Tokens per sentence, special tokens included; longer inputs are truncated.
    public let maxSequenceLength: Int
    /// Whether the model's own pipeline ends in Normalize (unit-length embeddings).
    public let normalizesOutput: Bool
    /// Width of the embeddings.
    public let dimension: Int
    /// Named prompts, default prompt and similarity function from config_sentence_transformers.json.
    public let settings: SentenceTransformersConfig
    /// Tokens the tokenizer adds to one text ([CLS] and [SEP]: 2).
    let specialTokenCount: Int
    /// Whether the Pooling module pools a prompt's tokens too (its include_prompt; true without a Pooling config).
    public var poolingIncludesPrompt: Bool { pooling.includePrompt }

    let encoder: Encoder
    let pooling: Pooling
    let steps: [VectorStep]

    enum VectorStep: Sendable {
        case dense(DenseModule)
        case normalize
    }

    /// Loads a model folder (sentence-transformers or plain transformers layout).
    /// - Throws: `LoadError` naming the file (and tensor) that is missing, malformed or unsupported.
    public init(directory: URL) throws(LoadError) {
        try requireDirectory(directory)
        self.directory = directory
        let modules = try PipelineModule.read(directory: directory)
            ?? [.transformer(path: ""), .pooling(path: "")]  // the reference's default: mean pooling
        guard case .transformer(let transformerPath) = modules[0] else { preconditionFailure("checked in read") }
        let transformerDir = transformerPath.isEmpty ? directory : directory.appendingPathComponent(transformerPath)
        let config = try TransformerConfig.load(transformerDir.appendingPathComponent("config.json"))
        self.config = config
        let weights = try Weights.open(directory: transformerDir)
        encoder = try Encoder(weights.encoderScope(), config)
        tokenizer = try loadTokenizer(transformerDir)
        specialTokenCount = tokenizer.encode("", maxLength: nil).ids.count
        settings = try SentenceTransformersConfig.read(directory: directory)

        // max_seq_length: sentence_bert_config.json if it says, else the tokenizer's model_max_length capped by
        // max_position_embeddings (what the reference's Transformer module does). Never past the position table.
        let sbert = try SentenceBertConfig.read(directory: transformerDir)
        var maxLength = sbert.maxSeqLength ?? min(tokenizer.modelMaxLength ?? Int.max, config.maxPositionEmbeddings)
        maxLength = min(maxLength, config.maxTokens)
        maxSequenceLength = maxLength
        guard !sbert.doLowerCase else {
            throw .unsupported(what: "do_lower_case", value: "true", file: transformerDir.appendingPathComponent("sentence_bert_config.json").path,
                               supported: ["false (the tokenizer's own normalizer lowercases where the model needs it)"])
        }

        var pooling = Pooling(modes: [.mean], dimension: config.hiddenSize)
        var steps: [VectorStep] = []
        var width = config.hiddenSize
        var normalizes = false
        for module in modules.dropFirst() {
            switch module {
            case .transformer:
                throw .invalidConfig(file: directory.appendingPathComponent("modules.json").path, reason: "more than one Transformer module")
            case .pooling(let path):
                if !path.isEmpty {
                    pooling = try Pooling.load(directory.appendingPathComponent(path).appendingPathComponent("config.json"),
                                               dimension: config.hiddenSize)
                }
                width = pooling.outputDimension
                normalizes = false
            case .dense(let path):
                let dense = try DenseModule.load(directory: directory.appendingPathComponent(path))
                guard dense.linear.inFeatures == width else {
                    throw .invalidConfig(file: directory.appendingPathComponent(path).appendingPathComponent("config.json").path,
                                         reason: "in_features \(dense.linear.inFeatures) does not match the previous module's output \(width)")
                }
                width = dense.linear.outFeatures
                steps.append(.dense(dense))
                normalizes = false
            case .normalize:
                steps.append(.normalize)
                normalizes = true
            }
        }
        self.pooling = pooling
        self.steps = steps
        self.dimension = width
        self.normalizesOutput = normalizes
    }

    /// Token ids of one sentence as the model sees it (special tokens included, truncated).
    public func tokenize(_ text: String) -> [Int32] {
        tokenizer.encode(text, maxLength: maxSequenceLength).ids
    }

    /// Embeds sentences, one row each, in input order.
    /// - Parameters:
    ///   - batchSize: accepted for sentence-transformers' signature. Quill packs sentences without padding, longest
    ///     first, and the encoder takes them in groups of about `Parallel.groupTokens` tokens per core, so neither
    ///     the embeddings nor the memory depend on it.
    ///   - normalize: also scale each embedding to unit length (as `normalize_embeddings=True`).
    ///   - maxLength: tokens per text, special tokens included (sentence-transformers' `model.max_seq_length = n`);
    ///     nil for the folder's `maxSequenceLength`. As transformers' tokenizers, a length below the special tokens'
    ///     count truncates nothing.
    /// - Throws: `EngineError.sequenceTooLong` when a text has more tokens than the model has positions (only
    ///   possible with a `maxLength` above them).
    public func encode(_ sentences: [String], batchSize: Int = 32, normalize: Bool = false, maxLength: Int? = nil)
        throws(EngineError) -> [[Float]]
    {
        let tokenizer = self.tokenizer
        let limit = truncation(maxLength ?? maxSequenceLength, specialTokens: specialTokenCount)
        let encodings = Parallel.map(sentences.count) { tokenizer.encode(sentences[$0], maxLength: limit) }
        try checkPositions(encodings.map(\.ids.count), maxLength: maxLength ?? maxSequenceLength, config: config)
        let order = longestFirst(encodings.map(\.ids.count))
        var batch = PackedBatch()
        for i in order { batch.append(encodings[i].ids, typeIds: encodings[i].typeIds) }
        let width = dimension, C = config.hiddenSize, pooling = self.pooling, steps = self.steps
        let packed = batch
        // Each group is pooled on the core that encoded it, into its sentences' rows (disjoint across groups).
        var flat = [Float](repeating: 0, count: sentences.count * width)   // (N, width)
        var failure: EngineError?
        flat.withUnsafeMutableBufferPointer { fb in
            guard let base = fb.baseAddress else { return }
            let out = SharedPointer(base)
            do throws(EngineError) {
                try encoder.forEachGroup(packed) { group, hidden in
                    let r0 = packed.offsets[group.lowerBound]
                    for s in group {
                        let rows = hidden + (packed.offsets[s] - r0) * C
                        var v = pooling.pool(rows, length: packed.offsets[s + 1] - packed.offsets[s])
                        for step in steps {
                            switch step {
                            case .dense(let d): v = d(v)
                            case .normalize: Similarity.normalize(&v)
                            }
                        }
                        if normalize { Similarity.normalize(&v) }
                        (out.pointer + order[s] * width).update(from: v, count: width)
                    }
                }
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
        return (0..<sentences.count).map { Array(flat[$0 * width..<($0 + 1) * width]) }
    }
}

/// The truncation length for transformers' rule: nil (none) when `maxLength` is below the special tokens' count.
func truncation(_ maxLength: Int, specialTokens: Int) -> Int? {
    maxLength < specialTokens ? nil : maxLength
}

/// Throws when a sequence would run off the model's position table.
func checkPositions(_ lengths: [Int], maxLength: Int, config: TransformerConfig) throws(EngineError) {
    if let longest = lengths.max(), longest > config.maxTokens {
        throw .sequenceTooLong(tokens: longest, positions: config.maxTokens, maxLength: maxLength)
    }
}

func loadTokenizer(_ directory: URL) throws(LoadError) -> Tokenizer {
    do { return try Tokenizer(directory: directory) } catch { throw .tokenizer("\(error)") }
}

extension Weights {
    /// The encoder's weights, wherever the checkpoint put them: at the top (BertModel, as sentence-transformers
    /// saves it) or under the task model's prefix (`bert.`, `roberta.`, `mpnet.`, `distilbert.`).
    func encoderScope() -> Weights {
        for prefix in ["", "bert.", "roberta.", "mpnet.", "distilbert.", "model."] where store.contains(prefix + "embeddings.word_embeddings.weight") {
            return Weights(store: store, file: file, prefix: prefix)
        }
        return self
    }
}
