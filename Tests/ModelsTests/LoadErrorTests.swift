// Bad model folders: each gives a LoadError that names the file (and the tensor), never a crash
// (reliability-cases.md groups A18, B1, B3, F1).
import Foundation
import Testing
@testable import QuillModels

@Suite struct LoadErrorTests {
    func loadError(_ body: () throws -> Void) -> String {
        do {
            try body()
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    @Test func missingFolder() {
        let message = loadError { _ = try BiEncoder(directory: URL(fileURLWithPath: "/nonexistent/model")) }
        #expect(message.contains("/nonexistent/model"))
    }

    @Test func missingTensorIsNamed() throws {
        // A config that asks for one more layer than the weights hold.
        let dir = try Fixtures.scratchCopy("bert-mean-normalize")
        defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
        try edit(dir.appendingPathComponent("config.json"), "\"num_hidden_layers\": 2", "\"num_hidden_layers\": 3")
        let message = loadError { _ = try BiEncoder(directory: dir) }
        #expect(message.contains("encoder.layer.2.attention.self.query.weight"), "\(message)")
        #expect(message.contains("model.safetensors"), "\(message)")
    }

    @Test func wrongShapeIsNamed() throws {
        let dir = try Fixtures.scratchCopy("bert-mean-normalize")
        defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
        try edit(dir.appendingPathComponent("config.json"), "\"intermediate_size\": 64", "\"intermediate_size\": 65")
        let message = loadError { _ = try BiEncoder(directory: dir) }
        #expect(message.contains("intermediate.dense.weight"), "\(message)")
        #expect(message.contains("[64, 32]") && message.contains("[65, 32]"), "\(message)")
    }

    @Test func pickleOnlyIsRefused() throws {
        let dir = try Fixtures.scratchCopy("bert-plain-bf16")
        defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
        try FileManager.default.removeItem(at: dir.appendingPathComponent("model.safetensors"))
        try Data([0x80, 0x02, 0x7D]).write(to: dir.appendingPathComponent("pytorch_model.bin"))
        let message = loadError { _ = try BiEncoder(directory: dir) }
        #expect(message.contains("pytorch_model.bin") && message.contains("never unpickles"), "\(message)")
    }

    @Test func pickleRenamedToSafetensorsGetsAHeaderError() throws {
        let dir = try Fixtures.scratchCopy("bert-plain-bf16")
        defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
        try Data([0x80, 0x02, 0x7D, 0x71, 0x00, 0x28, 0x58, 0x01, 0x00, 0x00, 0x00, 0x61]).write(to: dir.appendingPathComponent("model.safetensors"))
        let message = loadError { _ = try BiEncoder(directory: dir) }
        #expect(message.contains("model.safetensors"), "\(message)")
    }

    @Test func unsupportedArchitectureListsSupported() throws {
        let dir = try Fixtures.scratchCopy("bert-plain-bf16")
        defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
        try edit(dir.appendingPathComponent("config.json"), "\"model_type\": \"bert\"", "\"model_type\": \"gpt2\"")
        let message = loadError { _ = try BiEncoder(directory: dir) }
        #expect(message.contains("gpt2") && message.contains("roberta"), "\(message)")
        let ce = loadError { _ = try CrossEncoder(directory: Fixtures.model("bert-mean-normalize")) }
        #expect(ce.contains("BertForSequenceClassification"), "\(ce)")
    }

    @Test func corruptTokenizerNamesTheFile() throws {
        let dir = try Fixtures.scratchCopy("bert-mean-normalize")
        defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
        let url = dir.appendingPathComponent("tokenizer.json")
        var data = try Data(contentsOf: url)
        data = data.prefix(data.count / 2)
        try data.write(to: url)
        let message = loadError { _ = try BiEncoder(directory: dir) }
        #expect(message.contains("tokenizer.json"), "\(message)")
    }

    @Test func corruptConfigNamesTheFile() throws {
        let dir = try Fixtures.scratchCopy("bert-mean-normalize")
        defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
        try Data("{\"hidden_size\": ".utf8).write(to: dir.appendingPathComponent("config.json"))
        let message = loadError { _ = try BiEncoder(directory: dir) }
        #expect(message.contains("config.json"), "\(message)")
    }

    @Test func remoteCodeIsIgnored() throws {
        let dir = try Fixtures.scratchCopy("bert-mean-normalize")
        defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
        try edit(dir.appendingPathComponent("config.json"), "\"model_type\": \"bert\"",
                 "\"model_type\": \"bert\", \"auto_map\": {\"AutoModel\": \"evil.Model\"}, \"trust_remote_code\": true")
        _ = try BiEncoder(directory: dir)
    }

    @Test func modulesJSONPathsStayInside() throws {
        let dir = try Fixtures.scratchCopy("bert-mean-normalize")
        defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
        try edit(dir.appendingPathComponent("modules.json"), "\"1_Pooling\"", "\"../../etc\"")
        let message = loadError { _ = try BiEncoder(directory: dir) }
        #expect(message.contains("leaves the model folder"), "\(message)")
    }

    func edit(_ url: URL, _ old: String, _ new: String) throws {
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains(old), "fixture \(url.lastPathComponent) lacks \(old)")
        try text.replacingOccurrences(of: old, with: new).write(to: url, atomically: true, encoding: .utf8)
    }
}
