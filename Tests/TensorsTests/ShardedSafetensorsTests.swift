// Reliability row A19: a sharded index may only name shards inside its own folder, and every shard it names must exist
// and hold the tensors mapped to it.
import Foundation
import Testing
@testable import QuillTensors

@Suite struct ShardedSafetensorsTests {
    static let shardA = "model-00001-of-00002.safetensors", shardB = "model-00002-of-00002.safetensors"

    /// A fresh folder holding copies of the golden shards and the given index text.
    func folder(index: String) throws -> URL {
        let folder = try ST.temporaryFolder()
        for shard in [Self.shardA, Self.shardB] {
            try FileManager.default.copyItem(at: ST.fixture("sharded/\(shard)"), to: folder.appendingPathComponent(shard))
        }
        let url = folder.appendingPathComponent("model.safetensors.index.json")
        try Data(index.utf8).write(to: url)
        return url
    }

    func expectIndexError(_ index: String, tensor: String? = nil, sourceLocation: SourceLocation = #_sourceLocation,
                          _ matches: (SafetensorsError) -> Bool) throws {
        let url = try folder(index: index)
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        do {
            _ = try ShardedSafetensors(indexURL: url)
            Issue.record("expected an error for \(index)", sourceLocation: sourceLocation)
        } catch {
            expectError(error, matches: matches(error), names: "model.safetensors.index.json", tensor: tensor, sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: ["../x.safetensors", "/etc/passwd", "sub/../../x", "./model-00001-of-00002.safetensors", "",
                      "a//b", "..\\x", "C:\\x.safetensors", "dir/", "x\u{0}y"])
    func shardsAreConfinedToTheFolder(shard: String) throws {
        let escaped = shard.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\u{0}", with: "\\u0000")
        try expectIndexError(#"{"weight_map":{"embeddings.weight":"\#(escaped)"}}"#, tensor: "embeddings.weight") {
            if case .unsafeShardPath(_, "embeddings.weight", shard) = $0 { true } else { false }
        }
    }

    @Test func missingShardAndMisplacedTensor() throws {
        try expectIndexError(#"{"weight_map":{"embeddings.weight":"model-00003-of-00003.safetensors"}}"#, tensor: "embeddings.weight") {
            if case .missingShard = $0 { true } else { false }
        }
        try expectIndexError(#"{"weight_map":{"embeddings.weight":"\#(Self.shardB)"}}"#, tensor: "embeddings.weight") {
            if case .tensorNotInShard(_, _, Self.shardB) = $0 { true } else { false }
        }
    }

    @Test(arguments: ["{}", #"{"weight_map":[]}"#, #"{"weight_map":{"a":1}}"#, "[]", "{", #"{"weight_map":{"a":"x","a":"y"}}"#])
    func malformedIndex(index: String) throws {
        try expectIndexError(index) { if case .invalidIndex = $0 { true } else { false } }
    }

    @Test func shardErrorsNameTheShard() throws {
        let url = try folder(index: #"{"weight_map":{"embeddings.weight":"\#(Self.shardA)"}}"#)
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let shard = url.deletingLastPathComponent().appendingPathComponent(Self.shardA)
        try Data([0x80, 0x02, 0x4E]).write(to: shard)  // a pickle where a shard should be
        #expect {
            _ = try ShardedSafetensors(indexURL: url)
        } throws: { error in
            guard let error = error as? SafetensorsError, case .headerTooSmall = error else { return false }
            return error.description.contains(Self.shardA)
        }
    }

    @Test func subsetIndexAndMissingIndex() throws {
        let url = try folder(index: #"{"metadata":{"total_size":24,"nested":{}},"weight_map":{"embeddings.weight":"\#(Self.shardA)"}}"#)
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let sharded = try ShardedSafetensors(indexURL: url)
        #expect(Array(sharded.tensors.keys) == ["embeddings.weight"])
        #expect(sharded.metadata == ["total_size": "24"])
        #expect(try sharded.tensor("embeddings.weight") == Tensor(shape: [2, 3], scalars: [0, 1, 2, 3, 4, 5]))
        #expect {
            _ = try ShardedSafetensors(indexURL: url.deletingLastPathComponent().appendingPathComponent("none.index.json"))
        } throws: { error in
            guard let error = error as? SafetensorsError, case .io = error else { return false }
            return error.description.contains("none.index.json")
        }
    }
}
