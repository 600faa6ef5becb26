// The real all-mpnet-base-v2 (440 MB, outside git: scripts/fetch-model.sh all-mpnet-base-v2) against
// sentence-transformers 6.2 on the whole string corpus of Tests/Fixtures/real-corpus.json: token ids identical and
// embeddings within 1e-5 per component, the worst case printed. The expected embeddings are
// Fixtures/real-mpnet/embeddings.f32 ([strings x 768] float32 little-endian, row-major) from
// Tests/Fixtures/generate/real_models.py. Skipped visibly when the model is absent; a failure when it is absent
// with QUILL_REQUIRE_MPNET=1 (as QUILL_REQUIRE_MODEL does for all-MiniLM-L6-v2).
import Foundation
import QuillJSON
import Testing
@testable import QuillModels

enum RealMPNet {
    static let directory = Fixtures.packageRoot.appendingPathComponent("models/all-mpnet-base-v2")
    static let isPresent = FileManager.default.fileExists(
        atPath: directory.appendingPathComponent("model.safetensors").path)
    static let isRequired = ProcessInfo.processInfo.environment["QUILL_REQUIRE_MPNET"] == "1"
    static let reason: Comment =
        "models/all-mpnet-base-v2 not found; run scripts/fetch-model.sh all-mpnet-base-v2 (QUILL_REQUIRE_MPNET=1 makes this a failure)"

    /// The corpus shared with TokenizersTests (read from the source tree).
    static func corpus() throws -> [String] {
        let url = Fixtures.packageRoot.appendingPathComponent("Tests/Fixtures/real-corpus.json")
        return try #require(try JSONParser.parse(try Data(contentsOf: url))["strings"]).strings
    }

    /// The expected embeddings, one row per corpus string.
    static func expectedEmbeddings() throws -> [[Float]] {
        let dir = Fixtures.model("real-mpnet")
        let meta = try JSONParser.parse(try Data(contentsOf: dir.appendingPathComponent("meta.json")))
        let rows = try #require(meta["rows"]?.intValue)
        let dim = try #require(meta["dim"]?.intValue)
        let data = try Data(contentsOf: dir.appendingPathComponent("embeddings.f32"))
        try #require(data.count == rows * dim * 4, "embeddings.f32: \(data.count) bytes, expected \(rows) x \(dim) floats")
        let values: [Float] = data.withUnsafeBytes { raw in
            (0..<(rows * dim)).map { Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self))) }
        }
        return (0..<rows).map { Array(values[($0 * dim)..<(($0 + 1) * dim)]) }
    }

    /// The loaded model, or a recorded issue when QUILL_REQUIRE_MPNET=1 and the model is missing.
    static func load() throws -> BiEncoder {
        try #require(isPresent, "QUILL_REQUIRE_MPNET=1 but \(directory.path) is missing: run scripts/fetch-model.sh all-mpnet-base-v2")
        return try BiEncoder(directory: directory)
    }
}

@Suite(.serialized) struct RealMPNetTests {
    @Test(.enabled(if: RealMPNet.isPresent || RealMPNet.isRequired, RealMPNet.reason))
    func pipelineAndTokenIds() throws {
        let model = try RealMPNet.load()
        #expect(model.maxSequenceLength == 384)
        #expect(model.normalizesOutput)
        let corpus = try RealMPNet.corpus()
        let url = Fixtures.packageRoot.appendingPathComponent("Tests/TokenizersTests/Fixtures/expected-corpus-all-mpnet-base-v2.json")
        let expected = try #require(try JSONParser.parse(try Data(contentsOf: url))["truncated"]).intMatrix
        try #require(expected.count == corpus.count)
        var differ = 0
        for (text, ids) in zip(corpus, expected) where model.tokenize(text) != ids {
            differ += 1
            if differ <= 5 { Issue.record("all-mpnet-base-v2 ids differ for \(text.debugDescription)") }
        }
        #expect(differ == 0, "\(differ) of \(corpus.count) corpus strings tokenize differently")
    }

    @Test(.enabled(if: RealMPNet.isPresent || RealMPNet.isRequired, RealMPNet.reason))
    func embeddingsMatchSentenceTransformers() throws {
        let model = try RealMPNet.load()
        let corpus = try RealMPNet.corpus()
        let expected = try RealMPNet.expectedEmbeddings()
        try #require(expected.count == corpus.count, "the fixture has \(expected.count) rows for \(corpus.count) strings")
        let actual = try model.encode(corpus, batchSize: 16)
        var worst: (delta: Float, row: Int) = (0, 0)
        for (i, (a, e)) in zip(actual, expected).enumerated() {
            for (x, y) in zip(a, e) where !(abs(x - y) <= worst.delta) { worst = (abs(x - y), i) }
        }
        print("all-mpnet-base-v2 on \(corpus.count) corpus strings: worst |Δ| = \(worst.delta) at string \(worst.row) "
              + corpus[worst.row].debugDescription.prefix(80))
        expectClose(actual, expected, atol: 1e-5, label: "all-mpnet-base-v2 corpus")
    }
}
