// Decoding of tokenizer.json (the Hugging Face `tokenizers` serialization) into this module's components.
// Read with the strict JSON module: keys stay byte-exact, so vocabularies keep canonically equivalent tokens apart.
// The file's `truncation` and `padding` sections are ignored on purpose: truncation comes only from the caller's
// maxLength (all-MiniLM-L6-v2 bakes in max_length 128, which sentence-transformers does not use).

import Foundation
import QuillJSON

/// The parts of a tokenizer, as decoded from a file or built from legacy vocab files.
struct TokenizerComponents: Sendable {
    var addedTokens: [AddedToken]
    var normalizer: Normalizer?
    var preTokenizer: PreTokenizer?
    var model: Model
    var postProcessor: PostProcessor?
    /// The padding section's pad id, a last resort for `padTokenId`.
    var filePadId: Int32?
}

/// The tokenization model.
enum Model: Sendable {
    case wordPiece(WordPiece)
    case bpe(BPE)
    case unigram(Unigram)

    static let supportedTypes = ["WordPiece", "BPE", "Unigram"]

    func tokenize(_ word: [Unicode.Scalar], into ids: inout [Int32]) {
        switch self {
        case .wordPiece(let m): m.tokenize(word, into: &ids)
        case .bpe(let m): m.tokenize(word, into: &ids)
        case .unigram(let m): m.tokenize(word, into: &ids)
        }
    }

    var vocab: [[UInt8]: Int32] {
        switch self {
        case .wordPiece(let m): m.vocab
        case .bpe(let m): m.vocab
        case .unigram(let m): m.vocab
        }
    }
}

/// Reads a JSON file, naming the file in every error.
func readJSONFile(_ url: URL) throws(TokenizerError) -> JSONValue {
    let data: Data
    do { data = try Data(contentsOf: url) } catch {
        throw .unreadableFile(file: url.path, reason: "\(error.localizedDescription)")
    }
    do { return try JSONParser.parse(data) } catch {
        throw .invalidJSON(file: url.path, reason: error.description)
    }
}

/// Typed access to JSON fields with errors that name the file and the field path.
struct FieldReader {
    let file: String

    func object(_ v: JSONValue?, _ field: String) throws(TokenizerError) -> JSONObject {
        guard let o = v?.objectValue else { throw .invalidField(file: file, field: field, reason: "expected an object, found \(v?.kindName ?? "nothing")") }
        return o
    }
    func array(_ v: JSONValue?, _ field: String) throws(TokenizerError) -> [JSONValue] {
        guard let a = v?.arrayValue else { throw .invalidField(file: file, field: field, reason: "expected an array, found \(v?.kindName ?? "nothing")") }
        return a
    }
    func string(_ v: JSONValue?, _ field: String) throws(TokenizerError) -> String {
        guard let s = v?.stringValue else { throw .invalidField(file: file, field: field, reason: "expected a string, found \(v?.kindName ?? "nothing")") }
        return s
    }
    func int(_ v: JSONValue?, _ field: String) throws(TokenizerError) -> Int {
        guard let i = v?.intValue else { throw .invalidField(file: file, field: field, reason: "expected an integer, found \(v?.kindName ?? "nothing")") }
        return i
    }
    func id(_ v: JSONValue?, _ field: String) throws(TokenizerError) -> Int32 {
        let i = try int(v, field)
        guard i >= 0, i <= Int(Int32.max) else { throw .invalidField(file: file, field: field, reason: "id \(i) out of range") }
        return Int32(i)
    }
    /// A boolean that may be absent or null (then `default`).
    func bool(_ v: JSONValue?, _ field: String, default d: Bool) throws(TokenizerError) -> Bool {
        guard let v, !v.isNull else { return d }
        guard let b = v.boolValue else { throw .invalidField(file: file, field: field, reason: "expected a boolean, found \(v.kindName)") }
        return b
    }
    func optionalString(_ v: JSONValue?, _ field: String) throws(TokenizerError) -> String? {
        guard let v, !v.isNull else { return nil }
        return try string(v, field)
    }
}

enum TokenizerFile {
    static func decode(_ root: JSONValue, file: String) throws(TokenizerError) -> TokenizerComponents {
        let r = FieldReader(file: file)
        let top = try r.object(root, "(root)")
        var added: [AddedToken] = []
        if let list = top["added_tokens"], !list.isNull {
            for (i, item) in try r.array(list, "added_tokens").enumerated() {
                let f = "added_tokens[\(i)]"
                let o = try r.object(item, f)
                added.append(AddedToken(
                    id: try r.id(o["id"], f + ".id"),
                    content: Array(try r.string(o["content"], f + ".content").unicodeScalars),
                    singleWord: try r.bool(o["single_word"], f + ".single_word", default: false),
                    leftStrip: try r.bool(o["lstrip"], f + ".lstrip", default: false),
                    rightStrip: try r.bool(o["rstrip"], f + ".rstrip", default: false),
                    normalized: try r.bool(o["normalized"], f + ".normalized", default: true),
                    special: try r.bool(o["special"], f + ".special", default: false)))
            }
        }
        let normalizer = try decodeNormalizer(top["normalizer"], "normalizer", r)
        let preTokenizer = try decodePreTokenizer(top["pre_tokenizer"], "pre_tokenizer", r)
        let model = try decodeModel(top["model"], r)
        var vocab = model.vocab
        for token in added { vocab[token.content.utf8Bytes] = token.id }
        let post = try decodePostProcessor(top["post_processor"], "post_processor", r, vocab: vocab)
        var padId: Int32?
        if let padding = top["padding"]?.objectValue, let p = padding["pad_id"]?.intValue, p >= 0, p <= Int(Int32.max) {
            padId = Int32(p)
        }
        return TokenizerComponents(addedTokens: added, normalizer: normalizer, preTokenizer: preTokenizer,
                                   model: model, postProcessor: post, filePadId: padId)
    }

    static func decodeNormalizer(_ v: JSONValue?, _ field: String, _ r: FieldReader) throws(TokenizerError) -> Normalizer? {
        guard let v, !v.isNull else { return nil }
        let o = try r.object(v, field)
        let type = try r.string(o["type"], field + ".type")
        switch type {
        case "BertNormalizer":
            let lowercase = try r.bool(o["lowercase"], field + ".lowercase", default: true)
            return .bert(cleanText: try r.bool(o["clean_text"], field + ".clean_text", default: true),
                         handleChineseChars: try r.bool(o["handle_chinese_chars"], field + ".handle_chinese_chars", default: true),
                         stripAccents: try r.bool(o["strip_accents"], field + ".strip_accents", default: lowercase),
                         lowercase: lowercase)
        case "Sequence":
            var list: [Normalizer] = []
            for (i, item) in try r.array(o["normalizers"], field + ".normalizers").enumerated() {
                if let n = try decodeNormalizer(item, "\(field).normalizers[\(i)]", r) { list.append(n) }
            }
            return .sequence(list)
        case "NFC": return .nfc
        case "NFD": return .nfd
        case "NFKC": return .nfkc
        case "NFKD": return .nfkd
        case "Lowercase": return .lowercase
        case "StripAccents": return .stripAccents
        case "Strip":
            return .strip(left: try r.bool(o["strip_left"], field + ".strip_left", default: true),
                          right: try r.bool(o["strip_right"], field + ".strip_right", default: true))
        case "Replace":
            let pattern = try r.object(o["pattern"], field + ".pattern")
            if pattern["Regex"] != nil { return try ReplaceRegex.decodeReplace(o, field, r) }
            guard let s = pattern["String"]?.stringValue else {
                throw .unsupportedType(file: r.file, component: "normalizer pattern", type: pattern.keys.first ?? "?",
                                       supported: ["String", "Regex"])
            }
            return .replace(pattern: Array(s.unicodeScalars),
                            content: Array(try r.string(o["content"], field + ".content").unicodeScalars))
        case "Prepend":
            return .prepend(Array(try r.string(o["prepend"], field + ".prepend").unicodeScalars))
        case "Precompiled":
            return .precompiled(try PrecompiledCharsmap.decode(o, field, r))
        default:
            throw .unsupportedType(file: r.file, component: "normalizer", type: type, supported: Normalizer.supportedTypes)
        }
    }

    static func decodePreTokenizer(_ v: JSONValue?, _ field: String, _ r: FieldReader) throws(TokenizerError) -> PreTokenizer? {
        guard let v, !v.isNull else { return nil }
        let o = try r.object(v, field)
        let type = try r.string(o["type"], field + ".type")
        func behavior() throws(TokenizerError) -> SplitBehavior {
            let name = try r.optionalString(o["behavior"], field + ".behavior") ?? "Isolated"
            guard let b = SplitBehavior(rawValue: name) else {
                throw .invalidField(file: r.file, field: field + ".behavior", reason: "unknown behavior '\(name)'")
            }
            return b
        }
        switch type {
        case "BertPreTokenizer": return .bert
        case "ByteLevel":
            return .byteLevel(addPrefixSpace: try r.bool(o["add_prefix_space"], field + ".add_prefix_space", default: true),
                              useRegex: try r.bool(o["use_regex"], field + ".use_regex", default: true))
        case "Whitespace": return .whitespace
        case "WhitespaceSplit": return .whitespaceSplit
        case "Punctuation": return .punctuation(try behavior())
        case "Split":
            let pattern = try r.object(o["pattern"], field + ".pattern")
            guard let s = pattern["String"]?.stringValue else {
                throw .unsupportedType(file: r.file, component: "Split pattern", type: pattern.keys.first ?? "?",
                                       supported: ["String"])
            }
            if try r.bool(o["invert"], field + ".invert", default: false) {
                throw .unsupportedType(file: r.file, component: "pre-tokenizer", type: "Split with invert", supported: PreTokenizer.supportedTypes)
            }
            return .split(pattern: Array(s.unicodeScalars), behavior: try behavior())
        case "Sequence":
            var list: [PreTokenizer] = []
            for (i, item) in try r.array(o["pretokenizers"], field + ".pretokenizers").enumerated() {
                if let p = try decodePreTokenizer(item, "\(field).pretokenizers[\(i)]", r) { list.append(p) }
            }
            return .sequence(list)
        case "Metaspace":
            return .metaspace(try Metaspace.decode(o, field, r))
        default:
            throw .unsupportedType(file: r.file, component: "pre-tokenizer", type: type, supported: PreTokenizer.supportedTypes)
        }
    }

    static func decodeVocab(_ v: JSONValue?, _ field: String, _ r: FieldReader) throws(TokenizerError) -> [[UInt8]: Int32] {
        let o = try r.object(v, field)
        var vocab: [[UInt8]: Int32] = [:]
        vocab.reserveCapacity(o.count)
        for m in o.members {
            guard let i = m.value.intValue, i >= 0, i <= Int(Int32.max) else {
                throw .invalidField(file: r.file, field: field, reason: "token '\(m.key)' has no valid id")
            }
            vocab[Array(m.key.utf8)] = Int32(i)
        }
        return vocab
    }

    static func decodeModel(_ v: JSONValue?, _ r: FieldReader) throws(TokenizerError) -> Model {
        let o = try r.object(v, "model")
        // Old files may lack "type": infer it from the fields.
        let type = try r.optionalString(o["type"], "model.type")
            ?? (o["merges"] != nil ? "BPE" : o["vocab"]?.arrayValue != nil ? "Unigram" : "WordPiece")
        switch type {
        case "WordPiece":
            return .wordPiece(try WordPiece(
                vocab: try decodeVocab(o["vocab"], "model.vocab", r),
                unknownToken: try r.optionalString(o["unk_token"], "model.unk_token") ?? "[UNK]",
                continuingSubwordPrefix: try r.optionalString(o["continuing_subword_prefix"], "model.continuing_subword_prefix") ?? "##",
                maxInputCharsPerWord: o["max_input_chars_per_word"].flatMap(\.intValue) ?? 100,
                file: r.file))
        case "BPE":
            let vocab = try decodeVocab(o["vocab"], "model.vocab", r)
            var pairs: [(String, String)] = []
            for (i, item) in try r.array(o["merges"], "model.merges").enumerated() {
                if let s = item.stringValue {
                    let parts = s.split(separator: " ", omittingEmptySubsequences: false)
                    guard parts.count == 2 else {
                        throw .invalidField(file: r.file, field: "model.merges[\(i)]", reason: "'\(s)' is not two tokens separated by one space")
                    }
                    pairs.append((String(parts[0]), String(parts[1])))
                } else if let a = item.arrayValue, a.count == 2, let x = a[0].stringValue, let y = a[1].stringValue {
                    pairs.append((x, y))
                } else {
                    throw .invalidField(file: r.file, field: "model.merges[\(i)]", reason: "expected \"a b\" or [\"a\", \"b\"]")
                }
            }
            let unk = try r.optionalString(o["unk_token"], "model.unk_token")
            return .bpe(try makeBPE(vocab: vocab, merges: pairs, unknownToken: unk,
                                    continuingSubwordPrefix: try r.optionalString(o["continuing_subword_prefix"], "model.continuing_subword_prefix") ?? "",
                                    endOfWordSuffix: try r.optionalString(o["end_of_word_suffix"], "model.end_of_word_suffix") ?? "",
                                    ignoreMerges: try r.bool(o["ignore_merges"], "model.ignore_merges", default: false),
                                    file: r.file))
        case "Unigram":
            return .unigram(try Unigram.decode(o, r))
        default:
            throw .unsupportedType(file: r.file, component: "model", type: type, supported: Model.supportedTypes)
        }
    }

    static func makeBPE(vocab: [[UInt8]: Int32], merges pairs: [(String, String)], unknownToken: String?,
                        continuingSubwordPrefix: String, endOfWordSuffix: String, ignoreMerges: Bool,
                        file: String) throws(TokenizerError) -> BPE {
        let prefixLength = continuingSubwordPrefix.utf8.count
        var merges: [UInt64: (rank: Int32, id: Int32)] = [:]
        merges.reserveCapacity(pairs.count)
        for (rank, (a, b)) in pairs.enumerated() {
            guard let ia = vocab[Array(a.utf8)] else { throw .unknownToken(file: file, token: a) }
            guard let ib = vocab[Array(b.utf8)] else { throw .unknownToken(file: file, token: b) }
            // The merged token drops the right part's continuation prefix (Rust: b[prefix_len..]).
            let merged = Array(a.utf8) + Array(b.utf8).dropFirst(prefixLength)
            guard let id = vocab[merged] else {
                throw .unknownToken(file: file, token: String(decoding: merged, as: UTF8.self))
            }
            let key = BPE.pairKey(ia, ib)
            if merges[key] == nil { merges[key] = (Int32(rank), id) }
        }
        var unknownId: Int32?
        if let unk = unknownToken {
            guard let id = vocab[Array(unk.utf8)] else { throw .missingUnknownToken(file: file, token: unk) }
            unknownId = id
        }
        return BPE(vocab: vocab, merges: merges, unknownId: unknownId,
                   continuingSubwordPrefix: Array(continuingSubwordPrefix.utf8),
                   endOfWordSuffix: Array(endOfWordSuffix.utf8), ignoreMerges: ignoreMerges)
    }

    /// nil when the file has no post-processor or one that adds no ids (ByteLevel).
    static func decodePostProcessor(_ v: JSONValue?, _ field: String, _ r: FieldReader,
                                    vocab: [[UInt8]: Int32]) throws(TokenizerError) -> PostProcessor? {
        guard let v, !v.isNull else { return nil }
        let o = try r.object(v, field)
        let type = try r.string(o["type"], field + ".type")
        func tokenPair(_ key: String) throws(TokenizerError) -> Int32 {
            let a = try r.array(o[key], "\(field).\(key)")
            guard a.count == 2 else { throw .invalidField(file: r.file, field: "\(field).\(key)", reason: "expected [token, id]") }
            return try r.id(a[1], "\(field).\(key)[1]")
        }
        switch type {
        case "BertProcessing":
            return .bert(cls: try tokenPair("cls"), sep: try tokenPair("sep"))
        case "RobertaProcessing":
            return .roberta(cls: try tokenPair("cls"), sep: try tokenPair("sep"))
        case "ByteLevel":
            return nil
        case "TemplateProcessing":
            var specials: [String: [Int32]] = [:]
            if let map = o["special_tokens"], !map.isNull {
                for m in try r.object(map, field + ".special_tokens").members {
                    let f = "\(field).special_tokens.\(m.key)"
                    let entry = try r.object(m.value, f)
                    var ids: [Int32] = []
                    for (i, idValue) in try r.array(entry["ids"], f + ".ids").enumerated() {
                        ids.append(try r.id(idValue, "\(f).ids[\(i)]"))
                    }
                    specials[m.key] = ids
                }
            }
            func template(_ key: String) throws(TokenizerError) -> [TemplatePiece] {
                var pieces: [TemplatePiece] = []
                for (i, item) in try r.array(o[key], "\(field).\(key)").enumerated() {
                    let f = "\(field).\(key)[\(i)]"
                    let entry = try r.object(item, f)
                    if let s = entry["SpecialToken"] {
                        let so = try r.object(s, f + ".SpecialToken")
                        let name = try r.string(so["id"], f + ".SpecialToken.id")
                        let typeId = Int32(clamping: so["type_id"]?.intValue ?? 0)
                        guard let ids = specials[name] else {
                            throw .invalidField(file: r.file, field: f, reason: "special token '\(name)' is not in special_tokens")
                        }
                        pieces.append(.special(ids: ids, typeId: typeId))
                    } else if let s = entry["Sequence"] {
                        let so = try r.object(s, f + ".Sequence")
                        let name = try r.string(so["id"], f + ".Sequence.id")
                        pieces.append(.sequence(first: name == "A", typeId: Int32(clamping: so["type_id"]?.intValue ?? 0)))
                    } else {
                        throw .invalidField(file: r.file, field: f, reason: "expected SpecialToken or Sequence")
                    }
                }
                return pieces
            }
            return PostProcessor(single: try template("single"), pair: try template("pair"))
        case "Sequence":
            var found: [PostProcessor] = []
            for (i, item) in try r.array(o["processors"], field + ".processors").enumerated() {
                if let p = try decodePostProcessor(item, "\(field).processors[\(i)]", r, vocab: vocab) { found.append(p) }
            }
            guard found.count <= 1 else {
                throw .unsupportedType(file: r.file, component: "post-processor", type: "Sequence of \(found.count) token-adding processors",
                                       supported: PostProcessor.supportedTypes)
            }
            return found.first
        default:
            throw .unsupportedType(file: r.file, component: "post-processor", type: type, supported: PostProcessor.supportedTypes)
        }
    }
}
