// Token-id parity with Hugging Face's Rust tokenizers for the real all-MiniLM-L6-v2 and all-mpnet-base-v2
// tokenizers on one corpus of several hundred strings (Tests/Fixtures/real-corpus.json: Korean, Japanese, mixed
// scripts, emoji, full-width forms, combining marks, control characters, very long words). Expected ids, with and
// without truncation at sentence-transformers' max_seq_length, come from Tests/Fixtures/generate/real_models.py.
//
// all-mpnet-base-v2's tokenizer files are committed (Fixtures/all-mpnet-base-v2-tokenizer, copied from the model
// by the generator), so its parity runs everywhere; all-MiniLM-L6-v2's are read from models/ (scripts/fetch-model.sh)
// like GoldenTests.allMiniLML6v2.

import Foundation
import QuillJSON
import Testing
@testable import QuillTokenizers

/// The corpus and one model's expected ids for it.
struct CorpusExpectation {
    var strings: [String]
    var maxLength: Int
    var ids: [[Int32]]
    var truncated: [[Int32]]

    /// Tests/Fixtures/real-corpus.json, shared with ModelsTests (read from the source tree).
    static func corpus() throws -> [String] {
        let url = Fixtures.packageRoot.appendingPathComponent("Tests/Fixtures/real-corpus.json")
        let root = try JSONParser.parse(try Data(contentsOf: url))
        return try #require(root["strings"]?.arrayValue).map { try #require($0.stringValue) }
    }

    static func load(model: String) throws -> CorpusExpectation {
        let url = try Fixtures.directory.appendingPathComponent("expected-corpus-\(model).json")
        let root = try JSONParser.parse(try Data(contentsOf: url))
        func rows(_ key: String) throws -> [[Int32]] {
            try #require(root[key]?.arrayValue, "\(url.lastPathComponent): no \(key)").map { row in
                try #require(row.arrayValue).map { Int32(try #require($0.intValue)) }
            }
        }
        return CorpusExpectation(strings: try corpus(), maxLength: try #require(root["max_length"]?.intValue),
                                 ids: try rows("ids"), truncated: try rows("truncated"))
    }
}

/// Encodes every corpus string with and without truncation; records the first mismatches (string, index, expected,
/// actual) and prints how many match.
func checkCorpus(_ tokenizer: Tokenizer, _ expected: CorpusExpectation, name: String,
                 sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(expected.ids.count == expected.strings.count, "\(name): fixture rows differ from the corpus",
            sourceLocation: sourceLocation)
    #expect(expected.truncated.count == expected.strings.count, sourceLocation: sourceLocation)
    var matched = 0
    var reported = 0
    for (i, text) in expected.strings.enumerated() where i < min(expected.ids.count, expected.truncated.count) {
        let full = tokenizer.encode(text, maxLength: nil).ids
        let cut = tokenizer.encode(text, maxLength: expected.maxLength).ids
        if full == expected.ids[i] && cut == expected.truncated[i] {
            matched += 1
        } else if reported < 10 {
            reported += 1
            Issue.record("""
                \(name): string \(i) \(text.debugDescription)
                  expected \(expected.ids[i]) (truncated at \(expected.maxLength): \(expected.truncated[i].count) ids)
                  actual   \(full) (truncated: \(cut.count) ids)
                """, sourceLocation: sourceLocation)
        }
    }
    print("\(name): \(matched)/\(expected.strings.count) corpus strings match exactly (untruncated and at "
          + "max_length \(expected.maxLength))")
    #expect(matched == expected.strings.count, "\(name): \(expected.strings.count - matched) strings differ",
            sourceLocation: sourceLocation)
}

@Suite struct RealCorpusTests {
    static let miniLM = Fixtures.packageRoot.appendingPathComponent("models/all-MiniLM-L6-v2")
    static let miniLMPresent = FileManager.default.fileExists(
        atPath: miniLM.appendingPathComponent("tokenizer.json").path)
    static let miniLMRequired = ProcessInfo.processInfo.environment["QUILL_REQUIRE_MODEL"] == "1"

    @Test func corpusCoversTheHardCases() throws {
        let strings = try CorpusExpectation.corpus()
        #expect(strings.count >= 300)
        let scalars = strings.flatMap(\.unicodeScalars)
        #expect(scalars.contains { (0xAC00...0xD7A3).contains($0.value) }, "Korean syllables")
        #expect(scalars.contains { (0x3040...0x30FF).contains($0.value) }, "kana")
        #expect(scalars.contains { (0xFF01...0xFF5E).contains($0.value) }, "full-width forms")
        #expect(scalars.contains { $0.properties.isEmojiPresentation }, "emoji")
        #expect(scalars.contains { $0.properties.generalCategory == .nonspacingMark }, "combining marks")
        #expect(scalars.contains { $0.properties.generalCategory == .control && $0.value != 9 && $0.value != 10 })
        #expect(strings.contains { $0.split(separator: " ").contains { $0.count > 100 } }, "words over 100 characters")
    }

    @Test func allMPNetBaseV2() throws {
        let tokenizer = try Tokenizer(directory: try Fixtures.directory
            .appendingPathComponent("all-mpnet-base-v2-tokenizer"))
        checkCorpus(tokenizer, try CorpusExpectation.load(model: "all-mpnet-base-v2"), name: "all-mpnet-base-v2")
        #expect(tokenizer.padTokenId == 1)
        #expect(tokenizer.vocabularySize == 30527)
    }

    @Test(.enabled(if: miniLMPresent || miniLMRequired,
                   "models/all-MiniLM-L6-v2 not found; run scripts/fetch-model.sh (QUILL_REQUIRE_MODEL=1 makes this a failure)"))
    func allMiniLML6v2() throws {
        try #require(Self.miniLMPresent, "QUILL_REQUIRE_MODEL=1 but \(Self.miniLM.path) is missing: run scripts/fetch-model.sh")
        let tokenizer = try Tokenizer(directory: Self.miniLM)
        checkCorpus(tokenizer, try CorpusExpectation.load(model: "all-MiniLM-L6-v2"), name: "all-MiniLM-L6-v2")
    }
}
