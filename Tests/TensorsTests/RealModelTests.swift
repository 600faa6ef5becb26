// The real all-MiniLM-L6-v2 checkpoint (90 MB, outside git: scripts/fetch-model.sh or a `models` link).
// Skipped visibly when absent; a failure when absent with QUILL_REQUIRE_MODEL=1.
import Foundation
import Testing
@testable import QuillTensors

enum RealModel {
    /// <package root>/models/all-MiniLM-L6-v2/model.safetensors, found from this file's path.
    static let url = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("models/all-MiniLM-L6-v2/model.safetensors")
    static let isPresent = FileManager.default.fileExists(atPath: url.path)
    static let isRequired = ProcessInfo.processInfo.environment["QUILL_REQUIRE_MODEL"] == "1"
}

@Suite struct RealModelTests {
    @Test(.enabled(if: RealModel.isPresent || RealModel.isRequired,
                   "models/all-MiniLM-L6-v2/model.safetensors not found; run scripts/fetch-model.sh (QUILL_REQUIRE_MODEL=1 makes this a failure)"))
    func allMiniLML6v2() throws {
        guard RealModel.isPresent else {
            Issue.record("QUILL_REQUIRE_MODEL=1 but \(RealModel.url.path) is missing; run scripts/fetch-model.sh")
            return
        }
        let file = try SafetensorsFile(url: RealModel.url)
        #expect(file.tensors.count == 104)
        #expect(file.metadata == ["format": "pt"])
        let (C, I) = (384, 1536)
        var shapes: [String: [Int]] = [
            "embeddings.word_embeddings.weight": [30522, C], "embeddings.position_embeddings.weight": [512, C],
            "embeddings.token_type_embeddings.weight": [2, C], "embeddings.position_ids": [1, 512],
            "embeddings.LayerNorm.weight": [C], "embeddings.LayerNorm.bias": [C],
            "pooler.dense.weight": [C, C], "pooler.dense.bias": [C],
        ]
        for layer in 0..<6 {
            let p = "encoder.layer.\(layer)."
            for name in ["attention.self.query", "attention.self.key", "attention.self.value", "attention.output.dense"] {
                shapes[p + name + ".weight"] = [C, C]
                shapes[p + name + ".bias"] = [C]
            }
            for norm in ["attention.output.LayerNorm", "output.LayerNorm"] {
                shapes[p + norm + ".weight"] = [C]
                shapes[p + norm + ".bias"] = [C]
            }
            shapes[p + "intermediate.dense.weight"] = [I, C]
            shapes[p + "intermediate.dense.bias"] = [I]
            shapes[p + "output.dense.weight"] = [C, I]
            shapes[p + "output.dense.bias"] = [C]
        }
        #expect(Set(file.tensors.keys) == Set(shapes.keys))
        for (name, shape) in shapes {
            #expect(file.info(name)?.shape == shape, "\(name)")
            #expect(file.info(name)?.dtype == (name == "embeddings.position_ids" ? .I64 : .F32), "\(name)")
        }
        #expect(file.tensors.values.map(\.elementCount).reduce(0, +) == 22_713_728)

        // Convert every float tensor (memcpy speed), and spot-check values against numpy.
        let clock = ContinuousClock()
        let start = clock.now
        var converted = 0
        for name in file.tensors.keys where name != "embeddings.position_ids" {
            converted += try file.tensor(name).count
        }
        let elapsed = clock.now - start
        #expect(converted == 22_713_216)
        #expect(elapsed < .seconds(10), "converting 90 MB took \(elapsed)")
        let words = try file.tensor("embeddings.word_embeddings.weight")
        #expect(Array(words.scalars.prefix(3)) == [-0.019989013671875, -0.0034027099609375, -0.014678955078125])
        let norm = try file.tensor("embeddings.LayerNorm.weight")
        #expect(Array(norm.scalars.prefix(3)) == [Float(0.5989283323287964), Float(0.583594799041748), Float(0.6335410475730896)])
        #expect(abs(norm.scalars.reduce(0.0) { $0 + Double($1) } - 236.85435231029987) < 1e-9)
        #expect(throws: SafetensorsError.self) { try file.tensor("embeddings.position_ids") }
    }
}
