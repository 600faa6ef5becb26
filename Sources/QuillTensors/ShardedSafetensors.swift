// A checkpoint split over several safetensors files, described by `model.safetensors.index.json`
// (the transformers convention: {"metadata": {...}, "weight_map": {tensor: shard file name}}).
// Shard names are confined to the index's folder by name (no "..", no absolute paths), as huggingface_hub confines
// repository file names (PR #4540). Symlinks are followed, because the hub cache stores snapshot files as links.
import Foundation
import QuillJSON

/// A merged, read-only view over the shards of a sharded checkpoint. Every shard is mapped and fully validated, and
/// every tensor the index names is checked to exist in its shard, before `init` returns.
public final class ShardedSafetensors: Sendable {
    public let indexURL: URL
    /// The tensors the index maps, by name. Each `byteRange` is an offset into that tensor's own shard file.
    public let tensors: [String: TensorInfo]
    /// The index's `metadata` object: strings as they are, numbers as their JSON text (`total_size`); other kinds are
    /// skipped.
    public let metadata: [String: String]
    /// The opened shards, keyed by the file name written in the index.
    public let shards: [String: SafetensorsFile]
    private let shardOfTensor: [String: String]

    /// Reads the index and opens every shard it names.
    /// - Throws: `.invalidIndex`, `.unsafeShardPath`, `.missingShard`, `.tensorNotInShard`, `.io` naming the index;
    ///   any shard's own `SafetensorsError`, naming the shard.
    public init(indexURL: URL) throws(SafetensorsError) {
        let path = indexURL.path
        self.indexURL = indexURL
        let root = try Self.readIndex(indexURL)
        guard let weightMap = root["weight_map"]?.objectValue else {
            throw .invalidIndex(file: path, reason: "missing \"weight_map\" object")
        }
        var metadata: [String: String] = [:]
        for member in root["metadata"]?.objectValue?.members ?? [] {
            switch member.value {
            case .string(let s), .number(let s): metadata[member.key] = s
            default: continue
            }
        }

        let folder = indexURL.deletingLastPathComponent()
        var shards: [String: SafetensorsFile] = [:]
        var shardOfTensor: [String: String] = [:]
        var tensors: [String: TensorInfo] = [:]
        for member in weightMap.members {
            let name = member.key
            guard let shard = member.value.stringValue else {
                throw .invalidIndex(file: path, reason: "weight_map value for '\(name)' is a JSON \(member.value.kindName), not a file name")
            }
            guard Self.isConfined(shard) else { throw .unsafeShardPath(file: path, tensor: name, shard: shard) }
            let file: SafetensorsFile
            if let open = shards[shard] {
                file = open
            } else {
                let url = folder.appendingPathComponent(shard)
                guard FileManager.default.fileExists(atPath: url.path) else {
                    throw .missingShard(file: path, tensor: name, shard: shard)
                }
                file = try SafetensorsFile(url: url)
                shards[shard] = file
            }
            guard let info = file.info(name) else { throw .tensorNotInShard(file: path, tensor: name, shard: shard) }
            guard tensors.updateValue(info, forKey: name) == nil else {
                throw .invalidIndex(file: path, reason: "tensor names equivalent to '\(name)' appear twice in weight_map")
            }
            shardOfTensor[name] = shard
        }
        self.tensors = tensors
        self.metadata = metadata
        self.shards = shards
        self.shardOfTensor = shardOfTensor
    }

    /// The tensor's dtype, shape and byte range within its shard, or nil.
    public func info(_ name: String) -> TensorInfo? { tensors[name] }

    /// The shard that holds the tensor, or nil.
    public func file(containing name: String) -> SafetensorsFile? { shardOfTensor[name].flatMap { shards[$0] } }

    /// A Float32 copy of a tensor, read from its shard (see `SafetensorsFile.tensor(_:)`).
    /// - Throws: `.tensorNotFound` naming the index, or the shard's error.
    public func tensor(_ name: String) throws(SafetensorsError) -> Tensor {
        guard let file = file(containing: name) else { throw .tensorNotFound(file: indexURL.path, tensor: name) }
        return try file.tensor(name)
    }

    /// Largest index accepted; real indexes are tens of kilobytes.
    static let maxIndexSize = 100_000_000

    private static func readIndex(_ url: URL) throws(SafetensorsError) -> JSONObject {
        let path = url.path
        guard url.isFileURL else { throw .io(file: path, reason: "not a file URL") }
        let size: Int
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            guard attributes[.type] as? FileAttributeType == .typeRegular else {
                throw SafetensorsError.io(file: path, reason: "not a regular file")
            }
            size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        } catch let error as SafetensorsError {
            throw error
        } catch {
            throw .io(file: path, reason: SafetensorsFile.reason(error))
        }
        guard size <= maxIndexSize else { throw .invalidIndex(file: path, reason: "\(size) bytes is too large for an index") }
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw .io(file: path, reason: SafetensorsFile.reason(error)) }
        let value: JSONValue
        do { value = try JSONParser.parse(data, maxDepth: 64) } catch {
            throw .invalidIndex(file: path, reason: "not valid JSON: \(error.description)")
        }
        guard let root = value.objectValue else {
            throw .invalidIndex(file: path, reason: "the index is a JSON \(value.kindName), not an object")
        }
        return root
    }

    /// A relative path of plain components: not empty, not absolute, no "." or ".." component, no backslash
    /// (a Windows separator), no colon (a drive letter), no NUL.
    static func isConfined(_ shard: String) -> Bool {
        guard !shard.isEmpty, !shard.hasPrefix("/") else { return false }
        guard !shard.contains(where: { $0 == "\\" || $0 == ":" || $0 == "\0" }) else { return false }
        return shard.split(separator: "/", omittingEmptySubsequences: false).allSatisfy {
            !$0.isEmpty && $0 != "." && $0 != ".."
        }
    }
}
