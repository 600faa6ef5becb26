// Regression tests for what the fuzz targets found (docs/reliability.md, "G. Fuzzing"): each tokenizer.json in
// Fixtures/fuzz-findings.json is a finding reduced by hand to its cause, with Hugging Face's ids for some texts
// (written by Tests/Fixtures/generate/fuzz_findings.py, tokenizers 0.23.3). Quill must give the same ids, and
// every id must lie inside `vocabularySize`, the property FuzzTokenizerFile checks.

import Foundation
import QuillJSON
import Testing
@testable import QuillTokenizers

@Suite struct FuzzFindingTests {
    /// FuzzTokenizerFile, 2026-11-30: an added token that reuses a model token's text with another id ("[UNK]":
    /// model id 5, added as id 1) kept its own id, so `vocabularySize` (2) left out the model's unknown id 5.
    @Test func tokenizerFilesFoundByFuzzingMatchTheReference() throws {
        let url = try Fixtures.directory.appendingPathComponent("fuzz-findings.json")
        let findings = try #require(try JSONParser.parse(Array(try Data(contentsOf: url))).arrayValue)
        #expect(findings.count == 1)
        for finding in findings {
            let name = finding["name"]?.stringValue ?? "?"
            let spec = try #require(finding["tokenizer"])
            let components = try TokenizerFile.decode(spec, file: "\(name)/tokenizer.json")
            let tokenizer = Tokenizer(components: components, config: TokenizerConfig())
            let cases = try #require(finding["cases"]?.arrayValue)
            #expect(!cases.isEmpty)
            for c in cases {
                let text = try #require(c["text"]?.stringValue)
                let want = try #require(c["ids"]?.arrayValue).compactMap(\.intValue).map(Int32.init)
                let ids = tokenizer.encode(text, maxLength: nil).ids
                #expect(ids == want, "\(name): \(text)")
                #expect(ids.allSatisfy { $0 >= 0 && Int($0) < tokenizer.vocabularySize }, "\(name): \(text): \(ids)")
            }
        }
    }
}
