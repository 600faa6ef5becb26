// Which files a sentence-transformers model needs, and whether a folder already has them.
//
// modules.json lists the modules; the Transformer module (path "" in current models, "0_Transformer" in old ones)
// holds config.json, tokenizer files and the weights; other modules hold their config.json and, for Dense,
// their own weights. A repository without modules.json is a plain transformers model (the engine adds mean
// pooling). Only safetensors weights are ever fetched; pickle (`pytorch_model.bin`) is refused.

import Foundation

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

    /// Parses modules.json; every path is checked so that it stays inside the model folder.
    static func modules(from data: Data, file: String) throws(HubError) -> [ModuleEntry] {
        guard let array = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]] else {
            throw .invalidMetadata(file: file, reason: "expected a JSON array of modules")
        }
        var result: [ModuleEntry] = []
        for item in array {
            guard let type = item["type"] as? String else {
                throw .invalidMetadata(file: file, reason: "a module has no \"type\"")
            }
            var path = (item["path"] as? String) ?? ""
            while path.hasSuffix("/") { path.removeLast() }
            if !path.isEmpty { try SafeName.checkFile(path) }
            result.append(ModuleEntry(path: path, type: type))
        }
        return result
    }

    /// Shard names of a `model.safetensors.index.json`, checked (A19/E8).
    static func shards(from data: Data, file: String) throws(HubError) -> [String] {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let map = object["weight_map"] as? [String: Any]
        else { throw .invalidMetadata(file: file, reason: "no \"weight_map\" object") }
        var names = Set<String>()
        for value in map.values {
            guard let name = value as? String else {
                throw .invalidMetadata(file: file, reason: "a weight_map value is not a string")
            }
            try SafeName.checkFile(name)
            names.insert(name)
        }
        return names.sorted()
    }

    enum Weights: Equatable { case safetensors, pickleOnly([String]), missing }

    /// Where the Transformer module lives in a local folder ("" when there is no modules.json).
    static func transformerPrefix(in folder: URL) -> String {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent("modules.json")),
            let modules = try? modules(from: data, file: "modules.json"),
            let transformer = modules.first(where: { $0.isTransformer })
        else { return "" }
        return transformer.path
    }

    static func weights(in folder: URL) -> Weights {
        let dir = transformerPrefix(in: folder)
        let base = dir.isEmpty ? folder : folder.appendingPathComponent(dir, isDirectory: true)
        if FileSystem.fileSize(base.appendingPathComponent("model.safetensors")) != nil { return .safetensors }
        let index = base.appendingPathComponent("model.safetensors.index.json")
        if let data = try? Data(contentsOf: index) {
            guard let shards = try? shards(from: data, file: index.path) else { return .missing }
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
    /// not truncated (E5: a dangling link or a short blob sends the resolver back to the hub, or to an error).
    static func isComplete(_ folder: URL) -> Bool {
        guard looksLikeModel(folder), weights(in: folder) == .safetensors else { return false }
        let dir = transformerPrefix(in: folder)
        let file = (dir.isEmpty ? folder : folder.appendingPathComponent(dir)).appendingPathComponent("model.safetensors")
        if FileSystem.fileSize(file) != nil { return safetensorsLengthMatches(file) }
        return true
    }

    /// Cheap truncation check: the header's largest data offset must end exactly at the end of the file.
    static func safetensorsLengthMatches(_ url: URL) -> Bool {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return false }
        defer { try? handle.close() }
        guard let prefix = try? handle.read(upToCount: 8), prefix.count == 8 else { return false }
        let headerLength = prefix.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
        guard headerLength <= 100_000_000, let size = FileSystem.fileSize(url), UInt64(size) >= 8 + headerLength,
            let header = try? handle.read(upToCount: Int(headerLength)), header.count == Int(headerLength),
            let object = try? JSONSerialization.jsonObject(with: header) as? [String: Any]
        else { return false }
        var end: UInt64 = 0
        for (key, value) in object where key != "__metadata__" {
            guard let entry = value as? [String: Any], let offsets = entry["data_offsets"] as? [NSNumber],
                offsets.count == 2
            else { return false }
            end = max(end, offsets[1].uint64Value)
        }
        return 8 + headerLength + end == UInt64(size)
    }
}
