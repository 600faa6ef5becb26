// The modules a loaded model reports (what sentence-transformers prints for it), against the reference's module
// objects for every fixture model (Tests/Fixtures/generate/st_models.py, "pipelines").
import Foundation
import QuillJSON
import Testing
@testable import QuillModels

@Suite struct PipelineDescriptionTests {
    /// The reference's list in PipelineDescription's terms.
    static func expected(_ name: String) throws -> [PipelineDescription] {
        let all = try MaxLengthTests.expected()["pipelines"]
        let entries = try #require(all?[name]?.arrayValue, "\(name) missing")
        let classification = name.hasPrefix("ce-")
        return try entries.map { e in
            if e.stringValue == "normalize" { return .normalize }
            if let arch = e["transformer"]?.stringValue { return .transformer(architecture: arch, sequenceClassification: classification) }
            if let p = e["pooling"] {
                return .pooling(dimension: p["dimension"]?.intValue ?? -1, modes: p["modes"]?.strings ?? [],
                                includePrompt: p["include_prompt"]?.boolValue ?? false)
            }
            let d = try #require(e["dense"], "unknown entry in \(name)")
            return .dense(inFeatures: d["in_features"]?.intValue ?? -1, outFeatures: d["out_features"]?.intValue ?? -1,
                          bias: d["bias"]?.boolValue ?? false, activation: d["activation"]?.stringValue ?? "")
        }
    }

    @Test(arguments: ["bert-mean-normalize", "roberta-mean", "bert-multipool-dense", "bert-f16-v6", "bert-plain-bf16"])
    func biEncoderModules(_ name: String) throws {
        #expect(try BiEncoder(directory: Fixtures.model(name)).pipeline == Self.expected(name))
    }

    @Test(arguments: ["ce-bert-1", "ce-roberta-1", "ce-bert-3-legacy-sigmoid"])
    func crossEncoderModules(_ name: String) throws {
        #expect(try CrossEncoder(directory: Fixtures.model(name)).pipeline == Self.expected(name))
    }
}
