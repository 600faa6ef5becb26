// Golden parity with Hugging Face's Rust tokenizers: the ids in Fixtures/expected-*.json were written by
// Tests/Fixtures/generate/tokenizers.py (tokenizers 0.23.3) and must match exactly, special tokens and type ids
// included, with and without truncation.

import Foundation
import QuillJSON
import Testing
@testable import QuillTokenizers

/// One expected encoding from a fixture file.
struct GoldenCase {
    var text: String
    var pair: String?
    var maxLength: Int?
    var ids: [Int32]
    var typeIds: [Int32]?
}

enum Fixtures {
    static var directory: URL {
        get throws {
            try #require(Bundle.module.resourceURL).appendingPathComponent("Fixtures")
        }
    }

    /// The package root, found from this file's path (Tests/TokenizersTests/GoldenTests.swift).
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func cases(_ name: String) throws -> [GoldenCase] {
        let data = try Data(contentsOf: try directory.appendingPathComponent("expected-\(name).json"))
        let root = try JSONParser.parse(data)
        let list = try #require(root["cases"]?.arrayValue)
        return try list.map { item in
            GoldenCase(
                text: try #require(item["text"]?.stringValue),
                pair: item["pair"]?.stringValue,
                maxLength: item["max_length"]?.intValue,
                ids: try #require(item["ids"]?.arrayValue).map { Int32(try #require($0.intValue)) },
                typeIds: try item["type_ids"]?.arrayValue.map { try $0.map { Int32(try #require($0.intValue)) } })
        }
    }
}

/// Encodes every case and reports the mismatches (text, expected, actual); returns the number that match.
///
/// One documented divergence: when maxLength is below the number of special tokens, Rust computes
/// `max_length - added` in wrapping usize arithmetic and so does not truncate at all; this module returns only the
/// special tokens instead (never more than the caller allowed plus the specials). Those cases are checked for that.
@discardableResult
func checkGolden(_ tokenizer: Tokenizer, _ cases: [GoldenCase], name: String,
                 sourceLocation: SourceLocation = #_sourceLocation) -> Int {
    var matched = 0
    var reported = 0
    var divergent = 0
    let singleSpecials = tokenizer.encode("", maxLength: nil)
    let pairSpecials = tokenizer.encode("", "", maxLength: nil)
    for c in cases {
        let encoding = c.pair.map { tokenizer.encode(c.text, $0, maxLength: c.maxLength) }
            ?? tokenizer.encode(c.text, maxLength: c.maxLength)
        let specials = c.pair == nil ? singleSpecials : pairSpecials
        if let maxLength = c.maxLength, maxLength < specials.ids.count {
            divergent += 1
            #expect(encoding == specials, "\(name): \(c.text.debugDescription) maxLength=\(maxLength)",
                    sourceLocation: sourceLocation)
            continue
        }
        let expectedTypes = c.typeIds ?? [Int32](repeating: 0, count: c.ids.count)
        if encoding.ids == c.ids && encoding.typeIds == expectedTypes {
            matched += 1
        } else if reported < 15 {
            reported += 1
            let input = c.pair.map { "\(c.text.debugDescription) + \($0.debugDescription)" } ?? c.text.debugDescription
            Issue.record("""
                \(name): mismatch for \(input) maxLength=\(c.maxLength.map(String.init) ?? "nil")
                  expected ids \(c.ids) types \(expectedTypes)
                  actual   ids \(encoding.ids) types \(encoding.typeIds)
                """, sourceLocation: sourceLocation)
        }
    }
    print("\(name): \(matched)/\(cases.count - divergent) golden cases match exactly "
          + "(+\(divergent) with maxLength below the special-token count: specials only, by design)")
    #expect(matched == cases.count - divergent, "\(name): \(cases.count - divergent - matched) cases differ",
            sourceLocation: sourceLocation)
    return matched
}

@Suite struct GoldenTests {
    @Test(arguments: [
        ("bert-uncased", "bert-uncased"), ("bert-cased", "bert-cased"), ("roberta-bpe", "roberta-bpe"),
        // Fallback folders hold the same models as vocab files, so they share the expected ids.
        ("bert-vocab-only", "bert-uncased"), ("roberta-vocab-only", "roberta-bpe"),
    ])
    func trainedTokenizers(folder: String, expected: String) throws {
        let tokenizer = try Tokenizer(directory: try Fixtures.directory.appendingPathComponent(folder))
        checkGolden(tokenizer, try Fixtures.cases(expected), name: folder)
    }

    /// The real all-MiniLM-L6-v2 tokenizer.json (not committed; fetched by scripts/fetch-model.sh).
    @Test func allMiniLML6v2() throws {
        let folder = Fixtures.packageRoot.appendingPathComponent("models/all-MiniLM-L6-v2")
        let file = folder.appendingPathComponent("tokenizer.json")
        try #require(FileManager.default.fileExists(atPath: file.path),
                     "\(file.path) is missing: run scripts/fetch-model.sh to fetch all-MiniLM-L6-v2")
        let tokenizer = try Tokenizer(directory: folder)
        checkGolden(tokenizer, try Fixtures.cases("all-MiniLM-L6-v2"), name: "all-MiniLM-L6-v2")
        #expect(tokenizer.padTokenId == 0)
        #expect(tokenizer.modelMaxLength == 512)
        #expect(tokenizer.vocabularySize == 30522)
    }

    /// bert-uncased's tokenizer.json bakes in truncation max_length 7 and fixed padding: both must be ignored.
    @Test func fileTruncationAndPaddingAreIgnored() throws {
        let tokenizer = try Tokenizer(directory: try Fixtures.directory.appendingPathComponent("bert-uncased"))
        let encoding = tokenizer.encode("the quick brown fox jumps over the lazy dog again and again", maxLength: nil)
        #expect(encoding.ids.count > 12)
        #expect(encoding.ids.count == encoding.typeIds.count)
    }

    @Test func configValues() throws {
        let dir = try Fixtures.directory
        let bert = try Tokenizer(directory: dir.appendingPathComponent("bert-uncased"))
        #expect(bert.modelMaxLength == 512)
        #expect(bert.padTokenId == 0)
        let cased = try Tokenizer(directory: dir.appendingPathComponent("bert-cased"))
        #expect(cased.modelMaxLength == nil)  // 1e30 means "no limit"
        let roberta = try Tokenizer(directory: dir.appendingPathComponent("roberta-bpe"))
        #expect(roberta.padTokenId == 1)
        #expect(roberta.vocabularySize == 1009)
    }
}
