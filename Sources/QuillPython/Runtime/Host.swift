// The models a session can use. Quill's notebook runner adapts its inference engine to these protocols (in the
// CLI); tests use a deterministic fake. Loading by name or path resolves as sentence-transformers does.

public protocol ModelHost: Sendable {
    func loadBiEncoder(_ reference: String) throws -> any BiEncoderModel
    func loadCrossEncoder(_ reference: String) throws -> any CrossEncoderModel
}

public protocol BiEncoderModel: Sendable {
    /// The folder or name it was loaded from, for repr.
    var name: String { get }
    /// `get_sentence_embedding_dimension()`.
    var dimension: Int { get }
    /// The folder's `max_seq_length` (sentence_bert_config.json), the default of `.max_seq_length`.
    var maxSequenceLength: Int { get }
    /// `similarity_fn_name` from config_sentence_transformers.json; nil means sentence-transformers' default, cosine.
    var similarityFunctionName: String? { get }
    /// Named prompts from config_sentence_transformers.json ("query", "document", ...).
    var prompts: [String: String] { get }
    /// One row per sentence, through the model's whole pipeline (pooling, Dense, Normalize), truncated to
    /// `maxSequenceLength` tokens; `normalize`: L2-normalise afterwards (normalize_embeddings=True).
    func encode(_ sentences: [String], maxSequenceLength: Int, normalize: Bool) throws -> [[Float]]
}

public protocol CrossEncoderModel: Sendable {
    var name: String { get }
    var labelCount: Int { get }
    /// The default of `max_length`.
    var maxLength: Int { get }
    /// One row per pair: the model's activated scores (its configured activation), softmax over labels on request.
    func predict(_ pairs: [(String, String)], maxLength: Int, softmax: Bool) throws -> [[Float]]
}

/// Thrown by a host when a model cannot be had at all (not in a local folder or the cache, no download allowed):
/// the notebook runner then reports the notebook as not run, with where it looked and how to provide the model.
public struct ModelUnavailable: Error, Sendable, Equatable, CustomStringConvertible {
    public var model: String
    public var searched: [String]
    public var hint: String?

    public init(model: String, searched: [String] = [], hint: String? = nil) {
        self.model = model
        self.searched = searched
        self.hint = hint
    }

    public var description: String {
        var reasons: [String] = []
        if !searched.isEmpty { reasons.append("searched " + searched.joined(separator: ", ")) }
        if let hint { reasons.append(hint) }
        return "model \(model) unavailable" + (reasons.isEmpty ? "" : " (" + reasons.joined(separator: "; ") + ")")
    }
}

/// Calls that must reach the engine itself, never a cache in front of it: `throughput` sets `bypassCache` while it
/// times a model, since a cached answer would measure the cache.
public enum HostCalls {
    @TaskLocal public static var bypassCache = false
}
