// Reliability cases, group F of docs/reliability-cases.md: broken files give typed errors naming the file,
// unsupported component types list the supported ones, and huge inputs finish in linear time.

import Foundation
import Testing
@testable import QuillTokenizers

/// A scratch folder removed when the test ends.
final class ScratchFolder {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("quill-tok-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }

    func write(_ name: String, _ bytes: [UInt8]) throws { try Data(bytes).write(to: url.appendingPathComponent(name)) }
    func write(_ name: String, _ text: String) throws { try write(name, Array(text.utf8)) }
}

/// Runs `body`, expecting a TokenizerError whose description contains every fragment.
func expectTokenizerError(_ fragments: [String], sourceLocation: SourceLocation = #_sourceLocation,
                          _ body: () throws -> Void) {
    do {
        try body()
        Issue.record("expected a TokenizerError mentioning \(fragments)", sourceLocation: sourceLocation)
    } catch let error as TokenizerError {
        for f in fragments {
            #expect(error.description.contains(f), "\(error.description) lacks '\(f)'", sourceLocation: sourceLocation)
        }
    } catch {
        Issue.record("expected a TokenizerError, got \(error)", sourceLocation: sourceLocation)
    }
}

/// A minimal tokenizer.json with the given components (JSON fragments).
func tokenizerJSON(model: String = #"{"type":"WordPiece","unk_token":"[UNK]","vocab":{"[UNK]":0,"a":1}}"#,
                   normalizer: String = "null", preTokenizer: String = "null", postProcessor: String = "null") -> String {
    #"{"version":"1.0","added_tokens":[],"normalizer":\#(normalizer),"pre_tokenizer":\#(preTokenizer),"post_processor":\#(postProcessor),"model":\#(model)}"#
}

@Suite struct ReliabilityTests {
    // F1: truncated or corrupted tokenizer.json.
    @Test func truncatedAndCorruptedTokenizerJSON() throws {
        let original = try Data(contentsOf: try Fixtures.directory.appendingPathComponent("bert-uncased/tokenizer.json"))
        let scratch = try ScratchFolder()
        try scratch.write("tokenizer.json", Array(original.prefix(original.count / 2)))
        expectTokenizerError(["tokenizer.json", "not valid JSON", "re-download"]) {
            _ = try Tokenizer(directory: scratch.url)
        }
        var corrupted = [UInt8](original)
        corrupted[min(16 * 1024, corrupted.count - 1)] = 0xFF
        try scratch.write("tokenizer.json", corrupted)
        expectTokenizerError(["tokenizer.json", "not valid JSON"]) { _ = try Tokenizer(directory: scratch.url) }
        try scratch.write("tokenizer.json", "[1, 2, 3]")
        expectTokenizerError(["tokenizer.json", "expected an object"]) { _ = try Tokenizer(directory: scratch.url) }
    }

    @Test func emptyFolder() throws {
        let scratch = try ScratchFolder()
        expectTokenizerError([scratch.url.path, "no tokenizer.json"]) { _ = try Tokenizer(directory: scratch.url) }
    }

    // F2: vocab.txt edge cases.
    @Test func vocabTxtWithoutUnknownToken() throws {
        let scratch = try ScratchFolder()
        try scratch.write("vocab.txt", "[PAD]\n[CLS]\n[SEP]\nhello\n")
        expectTokenizerError(["vocab.txt", "[UNK]", "MissingUnkToken"]) { _ = try Tokenizer(directory: scratch.url) }
    }

    @Test func vocabTxtWithBOMCRLFAndDuplicates() throws {
        let scratch = try ScratchFolder()
        try scratch.write("vocab.txt", [0xEF, 0xBB, 0xBF] + Array("[PAD]\r\n[UNK]\r\n[CLS]\r\n[SEP]\r\nhello\r\n##s\r\nhello\r\n".utf8))
        let tokenizer = try Tokenizer(directory: scratch.url)
        // "hello" appears on lines 5 and 7: the later id wins, as in Python and Rust; "[PAD]" is a special token.
        #expect(tokenizer.encode("hellos [PAD]", maxLength: nil).ids == [2, 6, 5, 0, 3])
        try scratch.write("vocab.txt", Array("[UNK]\n[CLS]\n[SEP]\n".utf8) + [0x61, 0xFF, 0x0A])
        expectTokenizerError(["vocab.txt", "line 4", "UTF-8"]) { _ = try Tokenizer(directory: scratch.url) }
    }

    @Test func unsupportedTypesListTheSupportedOnes() throws {
        let scratch = try ScratchFolder()
        let cases: [(String, [String])] = [
            (tokenizerJSON(model: #"{"type":"WordLevel","unk_token":"<unk>","vocab":{"<unk>":0}}"#),
             ["model", "WordLevel", "WordPiece, BPE, Unigram"]),
            (tokenizerJSON(normalizer: #"{"type":"Nmt"}"#), ["normalizer", "Nmt", "BertNormalizer", "Precompiled"]),
            (tokenizerJSON(preTokenizer: #"{"type":"Digits","individual_digits":true}"#),
             ["pre-tokenizer", "Digits", "ByteLevel", "Metaspace"]),
            (tokenizerJSON(postProcessor: #"{"type":"Weird"}"#), ["post-processor", "Weird", "TemplateProcessing"]),
            // F10: a regex Split pattern (e.g. a catastrophic "(a+)+") is rejected at load, not run.
            (tokenizerJSON(preTokenizer: #"{"type":"Split","pattern":{"Regex":"(a+)+"},"behavior":"Isolated","invert":false}"#),
             ["Split pattern", "Regex", "String"]),
        ]
        for (json, fragments) in cases {
            try scratch.write("tokenizer.json", json)
            expectTokenizerError(["tokenizer.json"] + fragments) { _ = try Tokenizer(directory: scratch.url) }
        }
    }

    @Test func bpeMergeWithUnknownToken() throws {
        let scratch = try ScratchFolder()
        try scratch.write("tokenizer.json", tokenizerJSON(model: #"{"type":"BPE","vocab":{"a":0,"b":1},"merges":["a b"]}"#))
        expectTokenizerError(["tokenizer.json", "'ab' is not in the vocabulary"]) { _ = try Tokenizer(directory: scratch.url) }
    }

    // F5: a WordPiece word over 100 chars is one [UNK].
    @Test func longWordIsOneUnknown() throws {
        let tokenizer = try Tokenizer(directory: try Fixtures.directory.appendingPathComponent("bert-uncased"))
        #expect(tokenizer.encode(String(repeating: "a", count: 101), maxLength: nil).ids == [2, 1, 3])
    }

    // F6: truncation caps the length whatever the input.
    @Test func truncationCapsLength() throws {
        let tokenizer = try Tokenizer(directory: try Fixtures.directory.appendingPathComponent("roberta-bpe"))
        let long = String(repeating: "hello world ", count: 5000)
        #expect(tokenizer.encode(long, maxLength: 512).ids.count == 512)
        #expect(tokenizer.encode(long, long, maxLength: 512).ids.count == 512)
        #expect(tokenizer.encode(long, maxLength: 1).ids == [0, 2])  // below the special-token count: specials only
    }

    // F4: 1,000,000-character inputs finish within a loose budget (generous for a debug build on 2 shared cores;
    // release takes 0.05-0.7 s each), untruncated so that the whole pipeline runs.
    @Test(arguments: ["bert-uncased", "roberta-bpe"])
    func millionCharacterInputs(folder: String) throws {
        let tokenizer = try Tokenizer(directory: try Fixtures.directory.appendingPathComponent(folder))
        let inputs = [
            String(repeating: "a", count: 1_000_000),
            String(repeating: " ", count: 1_000_000),
            String(repeating: "ab1!", count: 250_000),
            String(repeating: "<mask>[SEP]", count: 90_000),
        ]
        for input in inputs {
            let clock = ContinuousClock()
            let start = clock.now
            let encoding = tokenizer.encode(input, maxLength: nil)
            let elapsed = clock.now - start
            #expect(encoding.ids.count >= 2)
            #expect(tokenizer.encode(input, maxLength: 256).ids.count <= 256)
            #expect(elapsed < .seconds(30), "\(folder): \(input.prefix(8).debugDescription)… took \(elapsed)")
            print("\(folder): 1M-char input \(input.prefix(4).debugDescription)… encoded in \(elapsed)")
        }
    }

    // Encode never traps, whatever the String.
    @Test func oddStringsDoNotTrap() throws {
        let dir = try Fixtures.directory
        let odd = ["", "\u{0}", "\u{FFFD}", "\u{10FFFF}", "'", "''s", " '", "\u{301}", "\r\n", "<mask", "[SEP",
                   String(repeating: "\u{200D}", count: 500), "a\u{0}b", "\u{E000}"]
        for folder in ["bert-uncased", "bert-cased", "roberta-bpe"] {
            let tokenizer = try Tokenizer(directory: dir.appendingPathComponent(folder))
            for s in odd {
                for maxLength in [nil, 0, 1, 2, 3, 4] as [Int?] {
                    let e = tokenizer.encode(s, maxLength: maxLength)
                    #expect(e.ids.count == e.typeIds.count)
                    let p = tokenizer.encode(s, s, maxLength: maxLength)
                    #expect(p.ids.count == p.typeIds.count)
                }
            }
        }
    }
}
