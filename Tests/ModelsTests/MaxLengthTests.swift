// Truncation to a maximum length other than the folder's (sentence-transformers' `model.max_seq_length = n` and
// `CrossEncoder(..., max_length=n)`), against the reference (Tests/Fixtures/generate/st_models.py): shorter,
// longer (within the position table) and below the special tokens' count, where transformers truncates nothing.
// Also the settings read from config_sentence_transformers.json.
import Foundation
import QuillJSON
import Testing
@testable import QuillModels

@Suite struct MaxLengthTests {
    static func expected() throws -> JSONValue {
        try JSONParser.parse(try Data(contentsOf: Fixtures.root.appendingPathComponent("max-length-expected.json")))
    }

    @Test(arguments: ["bert-mean-normalize", "roberta-mean"])
    func biEncoderTruncatesAsTheReference(_ name: String) throws {
        let model = try BiEncoder(directory: Fixtures.model(name))
        let expected = try Self.expected()
        let sentences = expected["sentences"]!.strings
        let cases = try #require(expected[name]?.arrayValue)
        #expect(!cases.isEmpty)
        for c in cases {
            let length = try #require(c["max_seq_length"]?.intValue)
            let limit = truncation(length, specialTokens: model.specialTokenCount)
            let ids = sentences.map { model.tokenizer.encode($0, maxLength: limit).ids }
            #expect(ids == c["token_ids"]!.intMatrix, "\(name) max_seq_length \(length)")
            let embeddings = try model.encode(sentences, batchSize: 2, maxLength: length)
            expectClose(embeddings, c["embeddings"]!.floatMatrix, atol: 1e-5, label: "\(name) max_seq_length \(length)")
        }
        // Without maxLength the folder's own length applies, as before.
        #expect(try model.encode(sentences) == model.encode(sentences, maxLength: model.maxSequenceLength))
    }

    @Test(arguments: ["ce-bert-1", "ce-roberta-1"])
    func crossEncoderTruncatesAsTheReference(_ name: String) throws {
        let model = try CrossEncoder(directory: Fixtures.model(name))
        let expected = try Self.expected()
        let pairs = (expected["pairs"]?.arrayValue ?? []).map { ($0.strings[0], $0.strings[1]) }
        let cases = try #require(expected[name]?.arrayValue)
        for c in cases {
            let length = try #require(c["max_length"]?.intValue)
            let scores = try model.predict(pairs, maxLength: length)
            let want = (c["scores"]?.arrayValue ?? []).map { [Float($0.doubleValue ?? .nan)] }
            expectClose(scores, want, atol: 1e-5, label: "\(name) max_length \(length)")
        }
    }

    @Test func realModelWithMaxSeqLength8() throws {
        guard let dir = Fixtures.realModel() else { return }
        let model = try BiEncoder(directory: dir)
        let expected = try JSONParser.parse(try Data(contentsOf: Fixtures.root.appendingPathComponent("minilm-maxlen8.json")))
        let sentences = expected["sentences"]!.strings
        #expect(sentences.map { model.tokenizer.encode($0, maxLength: 8).ids } == expected["token_ids"]!.intMatrix)
        expectClose(try model.encode(sentences, maxLength: 8), expected["embeddings"]!.floatMatrix, atol: 1e-5,
                    label: "all-MiniLM-L6-v2 max_seq_length 8")
    }

    @Test func textsLongerThanThePositionsAreAnError() throws {
        let model = try BiEncoder(directory: Fixtures.model("bert-mean-normalize"))  // 64 positions
        let long = Array(repeating: "word", count: 100).joined(separator: " ")
        #expect(throws: EngineError.self) { try model.encode([long], maxLength: 1000) }
        let tokens = model.tokenizer.encode(long, maxLength: nil).ids.count
        do { _ = try model.encode(["short", long], maxLength: 1000) } catch {
            #expect("\(error)".hasPrefix("an input of \(tokens) tokens is longer than the model's 64 positions"), "\(error)")
        }
        // Within the positions a longer maximum is fine; the folder's own maximum still truncates.
        #expect(try model.encode([long]).count == 1)
    }

    @Test func settingsComeFromConfigSentenceTransformers() throws {
        let v6 = try BiEncoder(directory: Fixtures.model("bert-f16-v6"))
        #expect(v6.settings == SentenceTransformersConfig(prompts: ["query": "", "document": ""], similarityFunctionName: "cosine"))
        #expect(try BiEncoder(directory: Fixtures.model("bert-mean-normalize")).settings == SentenceTransformersConfig())

        let copy = try Fixtures.scratchCopy("bert-f16-v6")
        defer { try? FileManager.default.removeItem(at: copy.deletingLastPathComponent()) }
        let file = copy.appendingPathComponent("config_sentence_transformers.json")
        try #"{"prompts": {"query": "query: ", "passage": null}, "default_prompt_name": "query", "similarity_fn_name": "dot", "truncate_dim": 8}"#
            .write(to: file, atomically: true, encoding: .utf8)
        #expect(try BiEncoder(directory: copy).settings
                == SentenceTransformersConfig(prompts: ["query": "query: ", "passage": ""], defaultPromptName: "query",
                                              similarityFunctionName: "dot", truncateDim: 8))
        #expect(try BiEncoder(directory: copy).poolingIncludesPrompt)
        let pooling = copy.appendingPathComponent("1_Pooling/config.json")
        let poolingText = try String(contentsOf: pooling, encoding: .utf8)
        try poolingText.replacingOccurrences(of: "\"include_prompt\": true", with: "\"include_prompt\": false")
            .write(to: pooling, atomically: true, encoding: .utf8)
        #expect(try BiEncoder(directory: copy).poolingIncludesPrompt == false)
        try #"{"prompts": {"query": 3}}"#.write(to: file, atomically: true, encoding: .utf8)
        #expect(throws: LoadError.self) { try BiEncoder(directory: copy) }
        do { _ = try BiEncoder(directory: copy) } catch {
            #expect("\(error)".hasSuffix("config_sentence_transformers.json: prompt 'query' must be a string, not number"), "\(error)")
        }
    }
}
