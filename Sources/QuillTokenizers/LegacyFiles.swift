// Folders without tokenizer.json: BERT's vocab.txt, or RoBERTa's vocab.json + merges.txt. Built the way
// transformers' convert_slow_tokenizer does (BertConverter, RobertaConverter).

import Foundation
import QuillJSON

enum LegacyFiles {
    /// Special-token settings in the order transformers adds them.
    static let specialKeys = ["unk_token", "sep_token", "pad_token", "cls_token", "mask_token", "bos_token", "eos_token"]

    /// vocab.txt: one token per line, id = line number. A leading BOM is dropped, CRLF accepted, a later duplicate
    /// wins (as in Python's dict and Rust's HashMap), invalid UTF-8 is an error naming the line.
    static func readVocabTxt(_ url: URL) throws(TokenizerError) -> [[UInt8]: Int32] {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw .unreadableFile(file: url.path, reason: error.localizedDescription)
        }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        var vocab: [[UInt8]: Int32] = [:]
        for (i, line) in lines.enumerated() {
            var token = Array(line)
            if token.last == 0x0D { token.removeLast() }
            guard String(validating: token, as: UTF8.self) != nil else {
                throw .invalidField(file: url.path, field: "line \(i + 1)", reason: "not valid UTF-8")
            }
            vocab[token] = Int32(i)
        }
        return vocab
    }

    static func bert(directory: URL, config: TokenizerConfig) throws(TokenizerError) -> TokenizerComponents {
        let url = directory.appendingPathComponent("vocab.txt")
        let vocab = try readVocabTxt(url)
        let lowercase = config.bool("do_lower_case") ?? true
        let unk = config.token("unk_token") ?? "[UNK]"
        let model = try WordPiece(vocab: vocab, unknownToken: unk, continuingSubwordPrefix: "##",
                                  maxInputCharsPerWord: 100, file: url.path)
        let cls = config.token("cls_token") ?? "[CLS]"
        let sep = config.token("sep_token") ?? "[SEP]"
        guard let clsId = vocab[Array(cls.utf8)] else { throw .unknownToken(file: url.path, token: cls) }
        guard let sepId = vocab[Array(sep.utf8)] else { throw .unknownToken(file: url.path, token: sep) }
        return TokenizerComponents(
            addedTokens: specialTokens(config: config, vocab: vocab, maskLeftStrip: false, defaults: [
                "unk_token": "[UNK]", "sep_token": "[SEP]", "pad_token": "[PAD]", "cls_token": "[CLS]", "mask_token": "[MASK]"]),
            normalizer: .bert(cleanText: true, handleChineseChars: config.bool("tokenize_chinese_chars") ?? true,
                              stripAccents: config.bool("strip_accents") ?? lowercase, lowercase: lowercase),
            preTokenizer: .bert, model: .wordPiece(model), postProcessor: .bert(cls: clsId, sep: sepId), filePadId: nil)
    }

    static func roberta(directory: URL, config: TokenizerConfig) throws(TokenizerError) -> TokenizerComponents {
        let vocabURL = directory.appendingPathComponent("vocab.json")
        let mergesURL = directory.appendingPathComponent("merges.txt")
        let vocab = try TokenizerFile.decodeVocab(try readJSONFile(vocabURL), "(root)", FieldReader(file: vocabURL.path))
        let text: String
        do { text = try String(contentsOf: mergesURL, encoding: .utf8) } catch {
            throw .unreadableFile(file: mergesURL.path, reason: error.localizedDescription)
        }
        var pairs: [(String, String)] = []
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = line.hasSuffix("\r") ? line.dropLast() : line
            if line.isEmpty || line.hasPrefix("#version") { continue }
            let parts = line.split(separator: " ", omittingEmptySubsequences: false)
            guard parts.count == 2 else {
                throw .invalidField(file: mergesURL.path, field: "line \(i + 1)", reason: "'\(line)' is not two tokens separated by one space")
            }
            pairs.append((String(parts[0]), String(parts[1])))
        }
        let bpe = try TokenizerFile.makeBPE(vocab: vocab, merges: pairs, unknownToken: nil, continuingSubwordPrefix: "",
                                            endOfWordSuffix: "", ignoreMerges: false, file: mergesURL.path)
        let cls = config.token("cls_token") ?? "<s>"
        let sep = config.token("sep_token") ?? "</s>"
        guard let clsId = vocab[Array(cls.utf8)] else { throw .unknownToken(file: vocabURL.path, token: cls) }
        guard let sepId = vocab[Array(sep.utf8)] else { throw .unknownToken(file: vocabURL.path, token: sep) }
        return TokenizerComponents(
            addedTokens: specialTokens(config: config, vocab: vocab, maskLeftStrip: true, defaults: [
                "unk_token": "<unk>", "sep_token": "</s>", "pad_token": "<pad>", "cls_token": "<s>", "mask_token": "<mask>",
                "bos_token": "<s>", "eos_token": "</s>"]),
            normalizer: nil, preTokenizer: .byteLevel(addPrefixSpace: config.bool("add_prefix_space") ?? false, useRegex: true),
            model: .bpe(bpe), postProcessor: .roberta(cls: clsId, sep: sepId), filePadId: nil)
    }

    /// The special tokens as added tokens: from added_tokens_decoder when the config has it, else from the
    /// *_token settings (RoBERTa's mask token strips spaces on its left, as RobertaTokenizer declares it).
    static func specialTokens(config: TokenizerConfig, vocab: [[UInt8]: Int32], maskLeftStrip: Bool,
                              defaults: [String: String]) -> [AddedToken] {
        let decoded = config.addedTokensDecoder
        if !decoded.isEmpty { return decoded }
        var tokens: [AddedToken] = []
        for key in specialKeys {
            guard let content = config.token(key) ?? defaults[key], let id = vocab[Array(content.utf8)],
                  !tokens.contains(where: { $0.id == id }) else { continue }
            tokens.append(AddedToken(id: id, content: Array(content.unicodeScalars),
                                     leftStrip: key == "mask_token" && maskLeftStrip, normalized: false, special: true))
        }
        return tokens
    }
}
