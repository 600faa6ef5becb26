// The inference engine as the notebook sees it. The engine team adapts Quill's models to these protocols;
// tests use a deterministic fake. Score math (cosine, dot, top-k) lives in Scoring.swift, not in the engine.

import Foundation

/// Loads models by name ("all-MiniLM-L6-v2", "cross-encoder/stsb-roberta-base") or by path.
public protocol Engine: Sendable {
    /// - Parameter notebookDirectory: the folder relative paths are resolved against.
    /// - Throws: `ModelUnavailable` when the model cannot be had at all (not cached, offline): the runner then
    ///   reports "notebook not run" instead of a cell error. Any other error becomes a diagnostic on the cell.
    func loadBiEncoder(_ reference: String, notebookDirectory: URL) throws -> any BiEncoderModel
    func loadCrossEncoder(_ reference: String, notebookDirectory: URL) throws -> any CrossEncoderModel
}

public protocol BiEncoderModel: Sendable {
    /// Embeddings, one row per sentence; normalized as the model's own pipeline does unless `normalize` is true.
    func encode(_ sentences: [String], normalize: Bool) throws -> [[Float]]
}

public protocol CrossEncoderModel: Sendable {
    var labelCount: Int { get }
    /// One row per pair: the activated score(s) (sigmoid etc. as the model says); softmax on request.
    func predict(_ pairs: [(String, String)], softmax: Bool) throws -> [[Float]]
}

/// Thrown by an engine when a model cannot be obtained (not in the cache and not downloadable, e.g. offline).
/// The runner skips the whole notebook with "notebook not run: model X unavailable (...)".
public struct ModelUnavailable: Error, Sendable, Equatable, CustomStringConvertible {
    public var model: String
    /// Where the engine looked (cache folders, paths, URLs).
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
