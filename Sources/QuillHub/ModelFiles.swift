// Which files a sentence-transformers model needs, and whether a folder already has them.
//
// modules.json lists the modules; the Transformer module (path "" in current models, "0_Transformer" in old ones)
// holds config.json, tokenizer files and the weights; other modules hold their config.json and, for Dense,
// their own weights. A repository without modules.json is a plain transformers model (the engine adds mean
// pooling). Only safetensors weights are ever fetched; pickle (`pytorch_model.bin`) is refused.
// JSON is read with the project's parser (errors name the file, line and column); a cached model.safetensors is
// checked with the engine's own header validator (Tensors), so the cache and the loader agree on what is whole.

import Foundation
import QuillJSON
import QuillTensors

struct ModuleEntry: Sendable, Equatable {
    var path: String
    var type: String
    var isTransformer: Bool { type.hasSuffix("Transformer") }
    /// Modules that never carry weights of their own.
    var isWeightless: Bool {
        type.hasSuffix("Pooling") || type.hasSuffix("Normalize")
    }
}

enum ModelFiles {
    /// Files next to a Transformer module's config.json, all optional.
    static let transformerFiles = [
        "sentence_bert_config.json", "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json",
        "vocab.txt", "vocab.json", "merges.txt", "added_tokens.json",
    ]
    /// Optional files at the repository root.
    static let rootFiles = ["config_sentence_transformers.json"]
    static let pickleFiles = ["pytorch_model.bin", "pytorch_model.bin.index.json"]

    static func join(_ prefix: String, _ file: String) -> String { prefix.isEmpty ? file : prefix + "/" + file }

    /// Parses a JSON metadata file; `file` names it in errors.
    static func json(_ data: Data, file: String) throws(HubError) -> JSONValue {
        do { return try JSONParser.parse(data) } catch {
            throw .invalidMetadata(file: file, reason: "not valid JSON: \(error.description)")
        }
    }

    /// Parses modules.json; every path is checked so that it stays inside the model folder.
    static func modules(from data: Data, file: String) throws(HubError) -> [ModuleEntry] {
        guard let array = try json(data, file: file).arrayValue else {
            throw .invalidMetadata(file: file, reason: "expected a JSON array of modules")
        }
        var result: [ModuleEntry] = []
        for (index, item) in array.enumerated() {
            guard item.objectValue != nil else {
                throw .invalidMetadata(file: file, reason: "module \(index) is a JSON \(item.kindName), not an object")
            }
            guard let type = item["type"]?.stringValue else {
                throw .invalidMetadata(file: file, reason: "module \(index) has no \"type\" string")
            }
            var path = ""
            if let value = item["path"], !value.isNull {
                guard let text = value.stringValue else {
                    throw .invalidMetadata(file: file, reason: "module \(index): \"path\" is a JSON \(value.kindName), not a string")
                }
                path = text
            }
            while path.hasSuffix("/") { path.removeLast() }
            if !path.isEmpty { try SafeName.checkFile(path) }
            result.append(ModuleEntry(path: path, type: type))
        }
        return result
    }

    /// Shard names of a `model.safetensors.index.json`, checked (A19/E8).
    static func shards(from data: Data, file: String) throws(HubError) -> [String] {
        guard let map = try json(data, file: file)["weight_map"]?.objectValue else {
            throw .invalidMetadata(file: file, reason: "no \"weight_map\" object")
        }
        var names = Set<String>()
        for member in map.members {
            guard let name = member.value.stringValue else {
                throw .invalidMetadata(file: file, reason: "weight_map[\"\(member.key)\"] is not a string")
            }
            try SafeName.checkFile(name)
            names.insert(name)
        }
        return names.sorted()
    }

    enum Weights: Equatable { case safetensors, pickleOnly([String]), missing }

    /// Where the Transformer module lives in a local folder ("" when there is no modules.json).
    /// - Throws: `.invalidMetadata` or `.io` when modules.json is there but unreadable or malformed.
    static func transformerPrefix(in folder: URL) throws(HubError) -> String {
        let url = folder.appendingPathComponent("modules.json")
        guard FileSystem.fileSize(url) != nil else { return "" }
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw .io(path: url.path, reason: "cannot read: \(error.localizedDescription)")
        }
        return try modules(from: data, file: url.path).first(where: { $0.isTransformer })?.path ?? ""
    }

    /// The weights a folder has. A malformed modules.json or shard index counts as `.missing` (the folder is then
    /// not a usable cache snapshot; a local folder is still handed to the loader, whose error names the file).
    static func weights(in folder: URL) -> Weights {
        let dir: String
        do { dir = try transformerPrefix(in: folder) } catch { return .missing }
        let base = dir.isEmpty ? folder : folder.appendingPathComponent(dir, isDirectory: true)
        if FileSystem.fileSize(base.appendingPathComponent("model.safetensors")) != nil { return .safetensors }
        let index = base.appendingPathComponent("model.safetensors.index.json")
        if FileSystem.fileSize(index) != nil {
            let shards: [String]
            do {
                shards = try ModelFiles.shards(from: Data(contentsOf: index), file: index.path)
            } catch {
                return .missing
            }
            return shards.allSatisfy { FileSystem.fileSize(base.appendingPathComponent($0)) != nil } ? .safetensors : .missing
        }
        let pickles = pickleFiles.filter { FileSystem.fileSize(base.appendingPathComponent($0)) != nil }
        return pickles.isEmpty ? .missing : .pickleOnly(pickles.map { join(dir, $0) })
    }

    /// A folder that looks like a model: modules.json or config.json present (links resolving).
    static func looksLikeModel(_ folder: URL) -> Bool {
        FileSystem.fileSize(folder.appendingPathComponent("modules.json")) != nil
            || FileSystem.fileSize(folder.appendingPathComponent("config.json")) != nil
    }

    /// A cached snapshot that can be used without the network: config present, safetensors weights present and
    /// whole (E5: a dangling link, a short blob or a malformed modules.json sends the resolver back to the hub, or
    /// to an error).
    static func isComplete(_ folder: URL) -> Bool {
        guard looksLikeModel(folder), weights(in: folder) == .safetensors else { return false }
        let dir: String
        do { dir = try transformerPrefix(in: folder) } catch { return false }
        let file = (dir.isEmpty ? folder : folder.appendingPathComponent(dir)).appendingPathComponent("model.safetensors")
        if FileSystem.fileSize(file) != nil { return safetensorsIsWhole(file) }
        return true
    }

    /// The engine's own check: the header parses and its tensors tile the data exactly to the end of the file, so a
    /// truncated (or padded) blob is caught. Only the header is read; the file is mapped, not loaded.
    static func safetensorsIsWhole(_ url: URL) -> Bool {
        do {
            _ = try SafetensorsFile(url: url)
            return true
        } catch {
            return false
        }
    }
}
