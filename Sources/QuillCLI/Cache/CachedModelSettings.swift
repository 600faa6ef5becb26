// What a cell may ask of a model without running it (its width, max length, prompts, similarity function, modules
// for printing, a cross-encoder's labels), cached beside its results under the model's content key: a rerun whose
// inputs all hit the cache then needs neither the weights nor the tokenizer. Stored as JSON (CacheKey.settings).
import Foundation
import QuillPython

/// Settings stored in the cache: what a model's cell may ask without it, and its modules.
protocol StoredModelSettings: Codable {
    var modules: [StoredModule] { get }
}

struct BiEncoderSettings: StoredModelSettings, Equatable {
    var dimension: Int
    var maxSequenceLength: Int
    var similarityFunctionName: String?
    var prompts: [String: String]
    var defaultPromptName: String?
    var truncateDimension: Int?
    var poolingIncludesPrompt: Bool
    var modules: [StoredModule]

    init(_ model: BiEncoderAdapter) {
        dimension = model.dimension
        maxSequenceLength = model.maxSequenceLength
        similarityFunctionName = model.similarityFunctionName
        prompts = model.prompts
        defaultPromptName = model.defaultPromptName
        truncateDimension = model.truncateDimension
        poolingIncludesPrompt = model.poolingIncludesPrompt
        modules = model.modules.map(StoredModule.init)
    }
}

struct CrossEncoderSettings: StoredModelSettings, Equatable {
    var labelCount: Int
    var maxLength: Int
    var modules: [StoredModule]

    init(_ model: CrossEncoderAdapter) {
        labelCount = model.labelCount
        maxLength = model.maxLength
        modules = model.modules.map(StoredModule.init)
    }
}

/// A ModelModule as JSON: its kind and the fields of that kind.
struct StoredModule: Codable, Equatable {
    var kind: String
    var architecture: String?
    var sequenceClassification: Bool?
    var dimension: Int?
    var modes: [String]?
    var includePrompt: Bool?
    var inFeatures: Int?
    var outFeatures: Int?
    var bias: Bool?
    var activation: String?

    init(_ module: ModelModule) {
        switch module {
        case .transformer(let architecture, let sequenceClassification):
            kind = "transformer"
            self.architecture = architecture
            self.sequenceClassification = sequenceClassification
        case .pooling(let dimension, let modes, let includePrompt):
            kind = "pooling"
            self.dimension = dimension
            self.modes = modes
            self.includePrompt = includePrompt
        case .dense(let inFeatures, let outFeatures, let bias, let activation):
            kind = "dense"
            self.inFeatures = inFeatures
            self.outFeatures = outFeatures
            self.bias = bias
            self.activation = activation
        case .normalize:
            kind = "normalize"
        }
    }

    /// The module, or nil when a field of its kind is missing (the settings are then not used).
    var module: ModelModule? {
        switch kind {
        case "transformer":
            guard let architecture, let sequenceClassification else { return nil }
            return .transformer(architecture: architecture, sequenceClassification: sequenceClassification)
        case "pooling":
            guard let dimension, let modes, let includePrompt else { return nil }
            return .pooling(dimension: dimension, modes: modes, includePrompt: includePrompt)
        case "dense":
            guard let inFeatures, let outFeatures, let bias, let activation else { return nil }
            return .dense(inFeatures: inFeatures, outFeatures: outFeatures, bias: bias, activation: activation)
        case "normalize":
            return .normalize
        default:
            return nil
        }
    }
}

extension EmbeddingCache {
    /// The settings stored under `key`, if whole and readable.
    func settings<T: Decodable>(_ type: T.Type, key: [UInt8]) -> T? {
        guard let bytes = bytes(key) else { return nil }
        return try? JSONDecoder().decode(type, from: Data(bytes))
    }

    func storeSettings<T: Encodable>(_ value: T, key: [UInt8]) {
        guard let data = try? JSONEncoder().encode(value) else { return }
        storeBytes([UInt8](data), key: key)
    }
}
