// A model of an unsupported family or cross-encoder architecture gets the error that names config.json and lists
// everything supported, the new families included.
import Foundation
import Testing
@testable import QuillModels

extension LoadErrorTests {
    @Test func unsupportedModelTypeListsEveryFamily() throws {
        let dir = try Fixtures.scratchCopy("mpnet-mean")
        defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
        try edit(dir.appendingPathComponent("config.json"), "\"model_type\": \"mpnet\"", "\"model_type\": \"t5\"")
        let message = loadError { _ = try BiEncoder(directory: dir) }
        #expect(message.contains("unsupported model_type 't5'"), "\(message)")
        for family in ["bert", "roberta", "xlm-roberta", "mpnet", "distilbert"] {
            #expect(message.contains(family), "\(message)")
        }
        #expect(message.contains("config.json"), "\(message)")
    }

    @Test func unsupportedArchitectureListsTheHeads() throws {
        let dir = try Fixtures.scratchCopy("ce-mpnet-1")
        defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
        try edit(dir.appendingPathComponent("config.json"), "\"MPNetForSequenceClassification\"", "\"MPNetForMaskedLM\"")
        let message = loadError { _ = try CrossEncoder(directory: dir) }
        #expect(message.contains("unsupported cross-encoder architecture 'MPNetForMaskedLM'"), "\(message)")
        for arch in ["MPNetForSequenceClassification", "DistilBertForSequenceClassification",
                     "XLMRobertaForSequenceClassification"] {
            #expect(message.contains(arch), "\(message)")
        }
    }
}
