// config_sentence_transformers.json: the settings sentence-transformers keeps beside a model's pipeline. Quill reads
// what changes results: the named prompts ({"query": "query: ", ...}), the default prompt's name, the similarity
// function a model was trained for ("cosine", "dot", "euclidean", "manhattan"; other names are kept as written), and
// the embedding width to truncate to (truncate_dim, for Matryoshka models saved that way).
import Foundation

/// What a model folder's config_sentence_transformers.json says (empty when the file is absent).
public struct SentenceTransformersConfig: Sendable, Equatable {
    public var prompts: [String: String] = [:]
    public var defaultPromptName: String?
    public var similarityFunctionName: String?
    public var truncateDim: Int?

    public init(prompts: [String: String] = [:], defaultPromptName: String? = nil, similarityFunctionName: String? = nil,
                truncateDim: Int? = nil) {
        self.prompts = prompts
        self.defaultPromptName = defaultPromptName
        self.similarityFunctionName = similarityFunctionName
        self.truncateDim = truncateDim
    }

    static let fileName = "config_sentence_transformers.json"

    /// Reads the file in `directory`. A prompt of null counts as "" (sentence-transformers replaces it so). Whether
    /// default_prompt_name names a prompt is for the caller to check, once it has merged its own prompts.
    /// - Throws: `LoadError.invalidConfig` naming the file when a value has the wrong type.
    static func read(directory: URL) throws(LoadError) -> SentenceTransformersConfig {
        guard let f = try ConfigFile.readIfPresent(directory.appendingPathComponent(fileName)) else { return .init() }
        guard f.object != nil else { throw .invalidConfig(file: f.path, reason: "must be a JSON object") }
        var config = SentenceTransformersConfig()
        if let prompts = f.root["prompts"], !prompts.isNull {
            guard let members = prompts.objectValue?.members else {
                throw .invalidConfig(file: f.path, reason: "'prompts' must be an object, not \(prompts.kindName)")
            }
            for member in members {
                if member.value.isNull { config.prompts[member.key] = ""; continue }
                guard let text = member.value.stringValue else {
                    throw .invalidConfig(file: f.path, reason: "prompt '\(member.key)' must be a string, not \(member.value.kindName)")
                }
                config.prompts[member.key] = text
            }
        }
        config.defaultPromptName = try f.string("default_prompt_name")
        config.similarityFunctionName = try f.string("similarity_fn_name")
        config.truncateDim = try f.int("truncate_dim")
        if let d = config.truncateDim, d <= 0 { throw .invalidConfig(file: f.path, reason: "truncate_dim must be positive") }
        return config
    }
}
