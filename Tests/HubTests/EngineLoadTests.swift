// A model downloaded through the hub code into the shared cache layout loads in the engine and gives the
// reference's embeddings: the fixture bi-encoder and cross-encoder of ModelsTests, served by the local server.
import Foundation
import Testing
@testable import QuillHub
import QuillModels

@Suite("Downloaded models load in the engine")
struct EngineLoadTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("ModelsTests/Fixtures")

    @Test func biEncoderFromTheCache() throws {
        let scratch = try Scratch()
        let source = Self.fixtures.appendingPathComponent("bert-multipool-dense")
        var repo = try FixtureRepo.folder(source, id: "sentence-transformers/tiny-multipool", commit: tinyCommit)
        repo.files["expected.json"] = nil
        let server = try LocalHubServer(repos: [repo])
        defer { server.stop() }
        let folder = try ModelResolver(environment: scratch.environment(server)).resolve("tiny-multipool")
        #expect(folder.path.contains("models--sentence-transformers--tiny-multipool/snapshots/\(tinyCommit)"))
        // The Dense module's own weights came along (modules.json names its folder).
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("2_Dense/model.safetensors").path))

        let fromCache = try BiEncoder(directory: folder)
        let fromSource = try BiEncoder(directory: source)
        let sentences = ["The cat sits outside", "A man is playing guitar"]
        #expect(try fromCache.encode(sentences) == fromSource.encode(sentences))
    }

    @Test func crossEncoderFromTheCacheWithoutModulesJSON() throws {
        let scratch = try Scratch()
        let source = Self.fixtures.appendingPathComponent("ce-roberta-1")
        var repo = try FixtureRepo.folder(source, id: "cross-encoder/tiny-roberta", commit: tinyCommit)
        repo.files["expected.json"] = nil
        let server = try LocalHubServer(repos: [repo])
        defer { server.stop() }
        let folder = try ModelResolver(environment: scratch.environment(server)).resolve("cross-encoder/tiny-roberta")
        let model = try CrossEncoder(directory: folder)
        let reference = try CrossEncoder(directory: source)
        let pairs = [("The cat sits outside", "The dog plays in the garden")]
        #expect(try model.predict(pairs) == reference.predict(pairs))
    }
}
