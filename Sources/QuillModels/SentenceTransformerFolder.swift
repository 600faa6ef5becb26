// The sentence-transformers folder layout: modules.json lists the pipeline (Transformer, Pooling, Dense,
// Normalize); sentence_bert_config.json holds max_seq_length and do_lower_case. Without modules.json a folder is a
// plain transformers model, and the reference uses Transformer + mean pooling.
import Foundation
import QuillJSON

/// One entry of modules.json, reduced to what Quill runs.
enum PipelineModule: Sendable, Equatable {
    case transformer(path: String)
    case pooling(path: String)
    case dense(path: String)
    case normalize

    static let supported = ["Transformer", "Pooling", "Dense", "Normalize"]

    /// Reads modules.json; nil when the folder has none.
    static func read(directory: URL) throws(LoadError) -> [PipelineModule]? {
        guard let f = try ConfigFile.readIfPresent(directory.appendingPathComponent("modules.json")) else { return nil }
        guard let entries = f.root.arrayValue else { throw .invalidConfig(file: f.path, reason: "must be a JSON array") }
        var modules: [PipelineModule] = []
        for (i, e) in entries.enumerated() {
            guard let type = e["type"]?.stringValue else {
                throw .invalidConfig(file: f.path, reason: "entry \(i) has no 'type' string")
            }
            let path = e["path"]?.stringValue ?? ""
            guard isSafeRelativePath(path) else {
                throw .invalidConfig(file: f.path, reason: "entry \(i) has path '\(path)', which leaves the model folder")
            }
            switch type.split(separator: ".").last.map(String.init) ?? type {
            case "Transformer": modules.append(.transformer(path: path))
            case "Pooling": modules.append(.pooling(path: path))
            case "Dense": modules.append(.dense(path: path))
            case "Normalize": modules.append(.normalize)
            default:
                throw .unsupported(what: "module type", value: type, file: f.path, supported: supported)
            }
        }
        guard case .transformer = modules.first else {
            throw .invalidConfig(file: f.path, reason: "the first module must be a Transformer")
        }
        return modules
    }
}

/// sentence_bert_config.json (or its legacy siblings).
struct SentenceBertConfig: Sendable {
    var maxSeqLength: Int?
    var doLowerCase: Bool

    static let fileNames = ["sentence_bert_config.json", "sentence_roberta_config.json", "sentence_distilbert_config.json",
                            "sentence_camembert_config.json", "sentence_albert_config.json",
                            "sentence_xlm-roberta_config.json", "sentence_xlnet_config.json"]

    static func read(directory: URL) throws(LoadError) -> SentenceBertConfig {
        for name in fileNames {
            if let f = try ConfigFile.readIfPresent(directory.appendingPathComponent(name)) {
                let maxLen = try f.int("max_seq_length")
                if let maxLen, maxLen <= 0 { throw .invalidConfig(file: f.path, reason: "max_seq_length must be positive") }
                return SentenceBertConfig(maxSeqLength: maxLen, doLowerCase: try f.bool("do_lower_case") ?? false)
            }
        }
        return SentenceBertConfig(maxSeqLength: nil, doLowerCase: false)
    }
}

/// A relative path that stays inside its folder: no absolute paths, no "..".
func isSafeRelativePath(_ path: String) -> Bool {
    if path.hasPrefix("/") || path.hasPrefix("\\") || path.contains("\0") { return false }
    return !path.split(whereSeparator: { $0 == "/" || $0 == "\\" }).contains("..")
}

/// Checks that `directory` exists and is a folder, with a clear error otherwise.
func requireDirectory(_ directory: URL) throws(LoadError) {
    var isDir: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDir) else {
        throw .missingFile(directory.path, hint: "no such model folder")
    }
    guard isDir.boolValue else { throw .invalidConfig(file: directory.path, reason: "is not a folder") }
    guard FileManager.default.isReadableFile(atPath: directory.path) else {
        throw .unreadable(file: directory.path, reason: "permission denied")
    }
}
