// Quill's engine models as QuillPython's models: a BiEncoder or CrossEncoder folder's settings (max_seq_length,
// config_sentence_transformers.json's prompts, default prompt, similarity function and truncate_dim, Pooling's
// include_prompt) and its module pipeline (what printing a model shows) as the sentence-transformers layer asks
// for them; encode and predict truncate to the length a cell chooses, and run long inputs in batches that check
// the cell's deadline and draw the progress line (ProgressBatches).
import QuillModels
import QuillPython

struct BiEncoderAdapter: BiEncoderModel, BiEncoderSavedSettings, ModelModules {
    let name: String
    let model: BiEncoder
    var batches = ProgressBatches()
    var dimension: Int { model.dimension }
    var maxSequenceLength: Int { model.maxSequenceLength }
    var similarityFunctionName: String? { model.settings.similarityFunctionName }
    var prompts: [String: String] { model.settings.prompts }
    var defaultPromptName: String? { model.settings.defaultPromptName }
    var truncateDimension: Int? { model.settings.truncateDim }
    var poolingIncludesPrompt: Bool { model.poolingIncludesPrompt }
    var modules: [ModelModule] { model.pipeline.map(ModelModule.init) }

    func encode(_ sentences: [String], maxSequenceLength: Int, normalize: Bool) throws -> [[Float]] {
        try batches.run(sentences.count, verb: "encode") {
            try model.encode(Array(sentences[$0]), normalize: normalize, maxLength: maxSequenceLength)
        }
    }
}

struct CrossEncoderAdapter: CrossEncoderModel, ModelModules {
    let name: String
    let model: CrossEncoder
    var batches = ProgressBatches()
    var labelCount: Int { model.labelCount }
    var maxLength: Int { model.maxLength }
    var modules: [ModelModule] { model.pipeline.map(ModelModule.init) }

    func predict(_ pairs: [(String, String)], maxLength: Int, softmax: Bool) throws -> [[Float]] {
        try batches.run(pairs.count, verb: "predict") {
            try model.predict(Array(pairs[$0]), softmax: softmax, maxLength: maxLength)
        }
    }
}

extension ModelModule {
    init(_ step: PipelineDescription) {
        switch step {
        case .transformer(let architecture, let classification):
            self = .transformer(architecture: architecture, sequenceClassification: classification)
        case .pooling(let dimension, let modes, let includePrompt):
            self = .pooling(dimension: dimension, modes: modes, includePrompt: includePrompt)
        case .dense(let inFeatures, let outFeatures, let bias, let activation):
            self = .dense(inFeatures: inFeatures, outFeatures: outFeatures, bias: bias, activation: activation)
        case .normalize:
            self = .normalize
        }
    }
}
