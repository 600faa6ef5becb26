// Cache keys: SHA-256 of every input that decides a result, each field length-prefixed so that no two inputs run
// together into the same bytes. The parts: the format version, the engine (CacheEngine.identity), the model's
// content (ModelFingerprint), the kind of result, the options that change it, and the exact text.
//
// What the options are, and why no others: the host's encode receives the texts with any prompt already prepended
// (prompt and prompt_name are part of the text), the truncation length and whether to normalise. truncate_dim and
// precision act on the returned rows afterwards, in QuillPython, so the rows cached here are the same for any of
// them. Batch size and batch composition change nothing (the engine packs each sentence alone; BiEncoder.encode).
import Crypto
import Foundation

enum CacheKey {
    static let formatVersion = "quill-cache/1"

    /// The key of one sentence's embedding.
    static func embedding(model: String, text: String, maxLength: Int, normalize: Bool) -> [UInt8] {
        digest(["embedding", model, String(maxLength), normalize ? "normalize" : "raw", text])
    }

    /// The key of one pair's cross-encoder scores.
    /// `activate` false: raw logits (`quill score --logits`).
    static func scores(model: String, first: String, second: String, maxLength: Int, softmax: Bool,
                       activate: Bool = true) -> [UInt8] {
        digest(["scores", model, String(maxLength), (activate ? "activated" : "logits") + (softmax ? "+softmax" : ""),
                first, second])
    }

    /// The key of a model's settings (what a cell can ask of it without running it; CachedModelSettings).
    static func settings(model: String, kind: String) -> [UInt8] {
        digest(["settings", kind, model])
    }

    static func digest(_ fields: [String]) -> [UInt8] {
        var hasher = SHA256()
        for field in [formatVersion, CacheEngine.identity] + fields {
            let bytes = Array(field.utf8)
            hasher.update(data: Array("\(bytes.count):".utf8))
            hasher.update(data: bytes)
        }
        return Array(hasher.finalize())
    }

    /// Lowercase hex, two digits a byte (file names and fingerprints).
    static func hex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        bytes.map { pairs[Int($0)] }.joined()
    }

    private static let pairs: [String] = (0..<256).map { String($0 >> 4, radix: 16) + String($0 & 15, radix: 16) }
}
