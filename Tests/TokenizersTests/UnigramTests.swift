// Golden parity for SentencePiece Unigram tokenizers (XLM-RoBERTa family) with Hugging Face's Rust tokenizers:
// the ids in Fixtures/expected-unigram-*.json were written by Tests/Fixtures/generate/unigram.py (tokenizers 0.23.3,
// transformers 5.24.0, sentencepiece 0.2.3) and must match exactly. xlmr-unigram/tokenizer.json is a small model
// trained with nmt_nfkc and converted as transformers converts XLM-R; variants.json holds the other layouts real
// files use (the converter's, the 2020 hub file's, Regex Replace, Metaspace schemes), applied over its sections.

import Foundation
import QuillJSON
import Testing
@testable import QuillTokenizers

enum UnigramFixtures {
    static let variantNames = ["converter", "hub-2020", "replace-space", "metaspace-first", "metaspace-never-nosplit",
                               "sentencepiece"]

    static var folder: URL { get throws { try Fixtures.directory.appendingPathComponent("xlmr-unigram") } }

    /// The base tokenizer.json with one variant's sections in place (its Precompiled charsmaps filled in).
    static func variant(_ name: String) throws -> JSONValue {
        let base = try JSONParser.parse(try Data(contentsOf: try folder.appendingPathComponent("tokenizer.json")))
        let variants = try JSONParser.parse(try Data(contentsOf: try folder.appendingPathComponent("variants.json")))
        let charsmap = try #require(base["normalizer"]?["precompiled_charsmap"])
        var root = try #require(base.objectValue)
        for member in try #require(variants[name]?.objectValue).members {
            let value = fill(member.value, charsmap)
            let i = try #require(root.members.firstIndex { $0.key == member.key }, "tokenizer.json lacks \(member.key)")
            root.members[i].value = value
        }
        return .object(root)
    }

    /// Replaces every "(tokenizer.json)" string by the base file's charsmap.
    private static func fill(_ v: JSONValue, _ charsmap: JSONValue) -> JSONValue {
        switch v {
        case .string("(tokenizer.json)"): return charsmap
        case .array(let a): return .array(a.map { fill($0, charsmap) })
        case .object(var o):
            for i in o.members.indices { o.members[i].value = fill(o.members[i].value, charsmap) }
            return .object(o)
        default: return v
        }
    }
}

@Suite struct UnigramTests {
    /// transformers 5.24's own XLM-R layout: Precompiled, Sequence[WhitespaceSplit, Metaspace].
    @Test func xlmRoberta() throws {
        let tokenizer = try Tokenizer(directory: try UnigramFixtures.folder)
        checkGolden(tokenizer, try Fixtures.cases("unigram-xlmr"), name: "xlmr-unigram")
        #expect(tokenizer.padTokenId == 1)
        #expect(tokenizer.vocabularySize == 1127)
        #expect(tokenizer.modelMaxLength == 512)
    }

    @Test(arguments: UnigramFixtures.variantNames)
    func layouts(name: String) throws {
        let json = try UnigramFixtures.variant(name)
        let components = try TokenizerFile.decode(json, file: "xlmr-unigram/tokenizer.json + variants.json[\(name)]")
        let tokenizer = Tokenizer(components: components, config: try TokenizerConfig.load(directory: UnigramFixtures.folder))
        checkGolden(tokenizer, try Fixtures.cases("unigram-\(name)"), name: "unigram \(name)")
    }

    /// A model trained with byte_fallback: unknown scalars become their UTF-8 bytes as <0xXX> pieces.
    @Test func byteFallback() throws {
        let tokenizer = try Tokenizer(directory: try Fixtures.directory.appendingPathComponent("unigram-byte-fallback"))
        checkGolden(tokenizer, try Fixtures.cases("unigram-byte-fallback"), name: "unigram-byte-fallback")
    }

    /// The example in the Rust crate's documentation of `Unigram::encode`, and unknown fusion.
    @Test func viterbi() throws {
        let pieces: [(String, Double)] = [("<unk>", 0), ("a", 0), ("b", 0), ("c", 0), ("d", 0), ("cd", 1), ("ab", 2),
                                          ("abc", 5), ("abcd", 10)]
        let model = try Unigram(pieces: pieces.map { (Array($0.0.utf8), $0.1) }, unknownId: 0, byteFallback: false,
                                file: "test")
        var ids: [Int32] = []
        model.tokenize(Array("abcdacdxx".unicodeScalars), into: &ids)
        #expect(ids == [8, 1, 5, 0])  // abcd a cd xx: the two unknown x are one <unk>
        ids = []
        model.tokenize(Array("x가b".unicodeScalars), into: &ids)
        #expect(ids == [0, 2])
    }

    @Test func replaceRegexSubset() throws {
        let spaces = try ReplaceRegex(" {2,}")
        #expect(spaces.replace(in: Array("a  b c    d".unicodeScalars), with: ["_"]).string == "a_b c_d")
        let ends = try ReplaceRegex(#"\A +| +\z"#)
        #expect(ends.replace(in: Array("  a  b  ".unicodeScalars), with: []).string == "a  b")
        #expect(ends.replace(in: Array("   ".unicodeScalars), with: []).string == "")
        let meta = try ReplaceRegex("\\A\u{2581}")
        #expect(meta.replace(in: Array("\u{2581}a\u{2581}".unicodeScalars), with: ["\u{2581}", "\u{2581}"]).count == 4)
        for bad in ["\\s+", "(a)", "[ab]", "a*", "\\A", "a+?", "^a", "a{2"] {
            #expect(throws: ReplaceRegexError.self, "\(bad)") { _ = try ReplaceRegex(bad) }
        }
    }

    @Test func malformedSentencePieceParts() throws {
        let scratch = try ScratchFolder()
        let unigram = #"{"type":"Unigram","unk_id":0,"vocab":[["<unk>",0.0],["a",-1.5]]}"#
        let cases: [(String, [String])] = [
            (tokenizerJSON(model: #"{"type":"Unigram","unk_id":5,"vocab":[["<unk>",0.0]]}"#), ["model.unk_id", "5"]),
            (tokenizerJSON(model: #"{"type":"Unigram","unk_id":0,"vocab":[["<unk>"]]}"#), ["model.vocab[0]"]),
            (tokenizerJSON(model: #"{"type":"Unigram","unk_id":0,"vocab":[]}"#), ["model.vocab", "empty"]),
            (tokenizerJSON(model: unigram, normalizer: #"{"type":"Precompiled","precompiled_charsmap":"%%%"}"#),
             ["normalizer.precompiled_charsmap", "base64"]),
            (tokenizerJSON(model: unigram, normalizer: #"{"type":"Precompiled","precompiled_charsmap":""}"#),
             ["normalizer.precompiled_charsmap", "shorter"]),
            (tokenizerJSON(model: unigram, normalizer: #"{"type":"Precompiled","precompiled_charsmap":"EAAAAAAAAAA="}"#),
             ["normalizer.precompiled_charsmap", "trie size 16"]),
            (tokenizerJSON(model: unigram, normalizer: #"{"type":"Precompiled","precompiled_charsmap":"BAAAAAAAAAD/"}"#),
             ["normalizer.precompiled_charsmap", "UTF-8"]),
            (tokenizerJSON(model: unigram, normalizer: #"{"type":"Replace","pattern":{"Regex":"\\s+"},"content":" "}"#),
             ["normalizer.pattern.Regex", "\\s"]),
            (tokenizerJSON(model: unigram, preTokenizer: #"{"type":"Metaspace","replacement":"▁","add_prefix_space":false}"#),
             ["pre_tokenizer.add_prefix_space", "always"]),
            (tokenizerJSON(model: unigram, preTokenizer: #"{"type":"Metaspace","replacement":"ab"}"#),
             ["pre_tokenizer.replacement"]),
            (tokenizerJSON(model: unigram, preTokenizer: #"{"type":"Metaspace","replacement":"▁","prepend_scheme":"sometimes"}"#),
             ["pre_tokenizer.prepend_scheme", "sometimes"]),
        ]
        for (json, fragments) in cases {
            try scratch.write("tokenizer.json", json)
            expectTokenizerError(["tokenizer.json"] + fragments) { _ = try Tokenizer(directory: scratch.url) }
        }
        // Legacy add_prefix_space false with prepend_scheme never loads (Rust accepts it), as does a model without
        // unk_id, which drops what it cannot cover (Rust fails the encoding instead).
        try scratch.write("tokenizer.json", tokenizerJSON(
            model: #"{"type":"Unigram","vocab":[["a",-1.0],["▁",-2.0]]}"#,
            preTokenizer: #"{"type":"Metaspace","replacement":"▁","add_prefix_space":false,"prepend_scheme":"never"}"#))
        #expect(try Tokenizer(directory: scratch.url).encode("a b", maxLength: nil).ids == [0, 1])
        #expect(try Tokenizer(directory: scratch.url).encode("axa", maxLength: nil).ids == [0, 0])
    }

    /// Long inputs stay linear: one 200,000-scalar word and 50,000 words.
    @Test func longInputs() throws {
        let tokenizer = try Tokenizer(directory: try UnigramFixtures.folder)
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            #expect(tokenizer.encode(String(repeating: "가나다", count: 70_000), maxLength: nil).ids.count > 2)
            #expect(tokenizer.encode(String(repeating: "문장 임베딩 ", count: 25_000), maxLength: nil).ids.count > 50_000)
            #expect(tokenizer.encode(String(repeating: " ", count: 100_000) + "a", maxLength: 8).ids.count <= 8)
        }
        #expect(elapsed < .seconds(60))  // debug build on a shared 2-core machine
    }
}
