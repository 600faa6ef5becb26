// tokenizer_config.json and special_tokens_map.json: the settings transformers keeps beside the tokenizer files.

import Foundation
import QuillJSON

/// What this module reads from tokenizer_config.json (first) and special_tokens_map.json (fallback).
struct TokenizerConfig: Sendable {
    var values: [JSONObject] = []
    var file: String = "tokenizer_config.json"

    /// Loads whichever of the two files exist in `directory`; missing files are fine, broken ones are errors.
    static func load(directory: URL) throws(TokenizerError) -> TokenizerConfig {
        var config = TokenizerConfig()
        for name in ["tokenizer_config.json", "special_tokens_map.json"] {
            let url = directory.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: url.path) else { continue }
            let r = FieldReader(file: url.path)
            config.values.append(try r.object(try readJSONFile(url), "(root)"))
        }
        return config
    }

    func value(_ key: String) -> JSONValue? {
        for o in values { if let v = o[key], !v.isNull { return v } }
        return nil
    }

    func bool(_ key: String) -> Bool? { value(key)?.boolValue }

    /// A token setting, written either as a string or as an AddedToken object with "content".
    func token(_ key: String) -> String? {
        guard let v = value(key) else { return nil }
        return v.stringValue ?? v["content"]?.stringValue
    }

    /// model_max_length when sane (transformers writes 1e30 for "no limit").
    var modelMaxLength: Int? {
        guard let d = value("model_max_length")?.doubleValue, d >= 1, d < 1e9 else { return nil }
        return Int(d)
    }

    /// added_tokens_decoder entries (id -> flags), as transformers saves them.
    var addedTokensDecoder: [AddedToken] {
        guard let map = value("added_tokens_decoder")?.objectValue else { return [] }
        var tokens: [AddedToken] = []
        for m in map.members {
            guard let id = Int32(m.key), let o = m.value.objectValue, let content = o["content"]?.stringValue else { continue }
            tokens.append(AddedToken(id: id, content: Array(content.unicodeScalars),
                                     singleWord: o["single_word"]?.boolValue ?? false,
                                     leftStrip: o["lstrip"]?.boolValue ?? false,
                                     rightStrip: o["rstrip"]?.boolValue ?? false,
                                     normalized: o["normalized"]?.boolValue ?? false,
                                     special: o["special"]?.boolValue ?? true))
        }
        return tokens
    }
}
