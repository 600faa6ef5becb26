// Metadata read through the project's JSON parser (errors name the file and position, nothing is swallowed) and
// the cache's completeness check through the engine's safetensors header validator.

import Foundation
import Testing
@testable import QuillHub

@Suite("Model metadata")
struct MetadataTests {
    @Test("a malformed modules.json from the hub is an error naming the file, line and column")
    func malformedModules() throws {
        let scratch = try Scratch()
        var repo = try tinyRepo()
        repo.files["modules.json"] = Data("[{\"type\": \"sentence_transformers.models.Transformer\",\n  \"path\": }]".utf8)
        let server = try LocalHubServer(repos: [repo])
        defer { server.stop() }
        expectHubError({ () throws(HubError) in try ModelResolver(environment: scratch.environment(server)).resolve("tiny-model") }) {
            guard case let .invalidMetadata(file, reason) = $0 else { return false }
            return file == "sentence-transformers/tiny-model/modules.json" && reason.contains("line 2, column")
        }
    }

    @Test("wrongly typed modules.json and index entries are named", arguments: [
        (#"{"type": "x"}"#, "expected a JSON array"),
        (#"[1]"#, "module 0 is a JSON number"),
        (#"[{"path": ""}]"#, "module 0 has no \"type\""),
        (#"[{"type": "t", "path": 3}]"#, "module 0: \"path\" is a JSON number"),
    ])
    func badModules(_ text: String, _ message: String) {
        expectHubError({ () throws(HubError) in
            _ = try ModelFiles.modules(from: Data(text.utf8), file: "m.json")
            return URL(fileURLWithPath: "/")
        }) {
            if case let .invalidMetadata(file, reason) = $0 { return file == "m.json" && reason.hasPrefix(message) }
            return false
        }
    }

    @Test("shard index: weight_map must map names to safe file names")
    func badIndex() throws {
        #expect(throws: HubError.invalidMetadata(file: "i.json", reason: "no \"weight_map\" object")) {
            try ModelFiles.shards(from: Data(#"{"weight_map": []}"#.utf8), file: "i.json")
        }
        #expect(throws: HubError.invalidMetadata(file: "i.json", reason: "weight_map[\"a\"] is not a string")) {
            try ModelFiles.shards(from: Data(#"{"weight_map": {"a": 1}}"#.utf8), file: "i.json")
        }
        #expect(throws: HubError.self) { try ModelFiles.shards(from: Data(#"{"weight_map": {"a": "../x"}}"#.utf8), file: "i.json") }
        #expect(try ModelFiles.shards(from: Data(#"{"weight_map": {"a": "s2", "b": "s1", "c": "s2"}}"#.utf8), file: "i.json")
                == ["s1", "s2"])
    }

    @Test("a cached snapshot with a corrupt modules.json is not complete; offline that is an error, not a crash")
    func corruptCachedModules() throws {
        let scratch = try Scratch()
        let snapshot = try buildPythonCache(at: scratch.cache, id: "sentence-transformers/tiny-model")
        #expect(ModelFiles.isComplete(snapshot))
        let blob = snapshot.appendingPathComponent("modules.json").resolvingSymlinksInPath()
        try Data("[{".utf8).write(to: blob)
        #expect(!ModelFiles.isComplete(snapshot))
        #expect(throws: HubError.self) { try ModelFiles.transformerPrefix(in: snapshot) }
        let offline = ModelResolver(environment: scratch.environment(nil, ["HF_HUB_OFFLINE": "1"]))
        expectHubError({ () throws(HubError) in try offline.resolve("tiny-model") }) {
            if case .offline = $0 { return true } else { return false }
        }
    }

    @Test("the safetensors check is the engine's: truncated or padded weights are not whole")
    func safetensorsWhole() throws {
        let scratch = try Scratch()
        let file = scratch.url.appendingPathComponent("model.safetensors")
        let good = safetensors(bytes: 1000)
        try good.write(to: file)
        #expect(ModelFiles.safetensorsIsWhole(file))
        try good.prefix(good.count - 1).write(to: file)
        #expect(!ModelFiles.safetensorsIsWhole(file))
        try (good + Data([0])).write(to: file)
        #expect(!ModelFiles.safetensorsIsWhole(file))
        try Data([0x80, 0x02, 0x7d, 0x71]).write(to: file)
        #expect(!ModelFiles.safetensorsIsWhole(file))
    }
}
