// The tokenizer: added-token extraction -> normalizer -> pre-tokenizer -> model -> truncation -> post-processor,
// the order of Hugging Face's Rust `tokenizers` (tokenizers/src/tokenizer/mod.rs, encode_single_sequence and
// post_process). Its output is plain ids; it never traps on any String.

import Foundation
import QuillJSON

/// A text tokenizer loaded from a Hugging Face model folder, producing the same ids as the Rust `tokenizers`.
public final class Tokenizer: Sendable {
    private let rawMatcher: AddedTokenMatcher
    private let normalizedMatcher: AddedTokenMatcher
    private let normalizer: Normalizer?
    private let preTokenizer: PreTokenizer?
    private let model: Model
    private let postProcessor: PostProcessor

    /// The id used to pad batches (tokenizer_config's pad_token, else tokenizer.json's padding pad_id, else
    /// "[PAD]" or "<pad>" when in the vocabulary, else 0).
    public let padTokenId: Int32
    /// tokenizer_config.json's model_max_length when present and sane (< 1e9), else nil.
    public let modelMaxLength: Int?
    /// One more than the largest id of the model vocabulary and the added tokens (`len(tokenizer)` in transformers).
    public let vocabularySize: Int

    /// Loads from a model folder: tokenizer.json first; else vocab.txt (BERT WordPiece, settings from
    /// tokenizer_config.json) or vocab.json + merges.txt (RoBERTa byte-level BPE). tokenizer_config.json and
    /// special_tokens_map.json are read when present.
    /// - Throws: `TokenizerError` naming the file at fault.
    public convenience init(directory: URL) throws {
        let fm = FileManager.default
        let json = directory.appendingPathComponent("tokenizer.json")
        if fm.fileExists(atPath: json.path) {
            try self.init(tokenizerJSON: json)
            return
        }
        let config = try TokenizerConfig.load(directory: directory)
        if fm.fileExists(atPath: directory.appendingPathComponent("vocab.txt").path) {
            self.init(components: try LegacyFiles.bert(directory: directory, config: config), config: config)
        } else if fm.fileExists(atPath: directory.appendingPathComponent("vocab.json").path),
                  fm.fileExists(atPath: directory.appendingPathComponent("merges.txt").path) {
            self.init(components: try LegacyFiles.roberta(directory: directory, config: config), config: config)
        } else {
            throw TokenizerError.noTokenizerFiles(directory: directory.path)
        }
    }

    /// Loads a tokenizer.json (its `truncation` and `padding` sections are ignored). tokenizer_config.json and
    /// special_tokens_map.json beside it are read when present.
    /// - Throws: `TokenizerError` naming the file at fault.
    public convenience init(tokenizerJSON url: URL) throws {
        let components = try TokenizerFile.decode(try readJSONFile(url), file: url.path)
        let config = try TokenizerConfig.load(directory: url.deletingLastPathComponent())
        self.init(components: components, config: config)
    }

    init(components c: TokenizerComponents, config: TokenizerConfig) {
        normalizer = c.normalizer
        preTokenizer = c.preTokenizer
        model = c.model
        postProcessor = c.postProcessor ?? .none
        var vocab = c.model.vocab
        // An added token whose text the model's vocabulary already holds takes the model's id, as in Hugging Face's
        // tokenizers (the added_tokens entry's id is not used): one text, one id, every id inside vocabularySize.
        let added = c.addedTokens.map { token in
            var token = token
            if let id = vocab[token.content.utf8Bytes] { token.id = id }
            return token
        }
        let raw = added.filter { !$0.normalized }
        rawMatcher = AddedTokenMatcher(tokens: raw, patterns: raw.map(\.content))
        let normalized = added.filter(\.normalized)
        normalizedMatcher = AddedTokenMatcher(
            tokens: normalized, patterns: normalized.map { c.normalizer?.normalize($0.content) ?? $0.content })

        for token in added { vocab[token.content.utf8Bytes] = token.id }
        vocabularySize = Int(vocab.values.max() ?? -1) + 1
        modelMaxLength = config.modelMaxLength
        if let pad = config.token("pad_token"), let id = vocab[Array(pad.utf8)] {
            padTokenId = id
        } else if let id = c.filePadId {
            padTokenId = id
        } else {
            padTokenId = vocab[Array("[PAD]".utf8)] ?? vocab[Array("<pad>".utf8)] ?? 0
        }
    }

    /// One sequence with its special tokens, truncated (longest_first) so the total including them is at most
    /// `maxLength`. When `maxLength` is smaller than the number of special tokens, only the special tokens remain.
    public func encode(_ text: String, maxLength: Int?) -> Encoding {
        let budget = maxLength.map { $0 - postProcessor.addedTokenCount(pair: false) }
        var first = tokenize(text, limit: budget.map { max(0, $0) })
        var none: [Int32]? = nil
        if let budget { Truncation.truncate(&first, &none, budget: budget) }
        return postProcessor.process(first, nil)
    }

    /// A pair: BERT `[CLS] A [SEP] B [SEP]` (type ids 0…0 1…1) or RoBERTa `<s> A </s></s> B </s>` (all 0),
    /// truncated with Rust's longest_first rule on `maxLength` minus the special tokens.
    public func encode(_ first: String, _ second: String, maxLength: Int?) -> Encoding {
        let budget = maxLength.map { $0 - postProcessor.addedTokenCount(pair: true) }
        // No early stop here: with an odd budget, which side is longer decides who gets the extra token.
        var a = tokenize(first)
        var b: [Int32]? = tokenize(second)
        if let budget { Truncation.truncate(&a, &b, budget: budget) }
        return postProcessor.process(a, b ?? [])
    }

    /// The model ids of one text, without special tokens added by the post-processor.
    ///
    /// With a `limit`, tokenization stops once that many ids exist (it may return a few more). Words are tokenized
    /// left to right independently, so the first `limit` ids are the same as without it: a single sequence truncated
    /// to `limit` comes out unchanged while a long input costs less.
    func tokenize(_ text: String, limit: Int? = nil) -> [Int32] {
        let limit = limit ?? Int.max
        var ids: [Int32] = []
        for (index, segment) in rawMatcher.split(Array(text.unicodeScalars)).enumerated() {
            switch segment {
            case .token(let id):
                ids.append(id)
                if ids.count >= limit { return ids }
            case .text(let raw):
                guard !raw.isEmpty else { continue }
                let normalized = normalizer?.normalize(raw) ?? raw
                for (innerIndex, inner) in normalizedMatcher.split(normalized).enumerated() {
                    switch inner {
                    case .token(let id):
                        ids.append(id)
                        if ids.count >= limit { return ids }
                    case .text(let piece):
                        guard !piece.isEmpty else { continue }
                        // Metaspace's prepend_scheme "first" needs to know whether the piece starts the input.
                        let atStart = index == 0 && innerIndex == 0
                        let words = preTokenizer?.preTokenize([piece], firstAtTextStart: atStart) ?? [piece]
                        for word in words where !word.isEmpty {
                            model.tokenize(word, into: &ids)
                            if ids.count >= limit { return ids }
                        }
                    }
                }
            }
        }
        return ids
    }
}
