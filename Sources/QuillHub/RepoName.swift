// Hub names: repository ids, revisions and file names, checked before any of them touches the file system.
//
// A name without '/' means `sentence-transformers/NAME`, except for the original transformers checkpoints that
// predate organisations ("bert-base-uncased", ...), which stay as they are. Verified against
// huggingface/sentence-transformers: SentenceTransformer.__init__ (v3/v4, `basic_transformer_models`) and, on the
// 5.6.0.dev0 line, `BaseModel.__init__` in sentence_transformers/base/model.py (commit c8a3ee90) with the same list
// moved to `sentence_transformers/util/misc.py` as `ORIGINAL_TRANSFORMER_MODELS`, prefixed with the class's
// `default_huggingface_organization` ("sentence-transformers" for SentenceTransformer). The comparison is on the
// lowercased name. A name with a backslash or more than one '/' that is not an existing path is an error there too.
// No 6.x release was found in the sources available; the rule is unchanged up to 5.6.0.dev0.

import Foundation

/// A validated hub repository id (`org/name`, or a bare legacy name).
struct RepoID: Sendable, Hashable, CustomStringConvertible {
    let value: String

    static let defaultOrganization = "sentence-transformers"

    /// Original transformers checkpoints without an organisation, never prefixed (lowercase).
    static let legacyNames: Set<String> = [
        "albert-base-v1", "albert-base-v2", "albert-large-v1", "albert-large-v2", "albert-xlarge-v1",
        "albert-xlarge-v2", "albert-xxlarge-v1", "albert-xxlarge-v2", "bert-base-cased-finetuned-mrpc",
        "bert-base-cased", "bert-base-chinese", "bert-base-german-cased", "bert-base-german-dbmdz-cased",
        "bert-base-german-dbmdz-uncased", "bert-base-multilingual-cased", "bert-base-multilingual-uncased",
        "bert-base-uncased", "bert-large-cased-whole-word-masking-finetuned-squad",
        "bert-large-cased-whole-word-masking", "bert-large-cased",
        "bert-large-uncased-whole-word-masking-finetuned-squad", "bert-large-uncased-whole-word-masking",
        "bert-large-uncased", "camembert-base", "ctrl", "distilbert-base-cased-distilled-squad",
        "distilbert-base-cased", "distilbert-base-german-cased", "distilbert-base-multilingual-cased",
        "distilbert-base-uncased-distilled-squad", "distilbert-base-uncased-finetuned-sst-2-english",
        "distilbert-base-uncased", "distilgpt2", "distilroberta-base", "gpt2-large", "gpt2-medium", "gpt2-xl",
        "gpt2", "openai-gpt", "roberta-base-openai-detector", "roberta-base", "roberta-large-mnli",
        "roberta-large-openai-detector", "roberta-large", "t5-11b", "t5-3b", "t5-base", "t5-large", "t5-small",
        "transfo-xl-wt103", "xlm-clm-ende-1024", "xlm-clm-enfr-1024", "xlm-mlm-100-1280", "xlm-mlm-17-1280",
        "xlm-mlm-en-2048", "xlm-mlm-ende-1024", "xlm-mlm-enfr-1024", "xlm-mlm-enro-1024",
        "xlm-mlm-tlm-xnli15-1024", "xlm-mlm-xnli15-1024", "xlm-roberta-base",
        "xlm-roberta-large-finetuned-conll02-dutch", "xlm-roberta-large-finetuned-conll02-spanish",
        "xlm-roberta-large-finetuned-conll03-english", "xlm-roberta-large-finetuned-conll03-german",
        "xlm-roberta-large", "xlnet-base-cased", "xlnet-large-cased",
    ]

    /// Applies the sentence-transformers naming rule, then validates.
    /// - Throws: `HubError.unsafeName` for ids that could not be hub repositories or would escape the cache.
    init(reference: String) throws(HubError) {
        var id = reference
        if !reference.contains("/") && !RepoID.legacyNames.contains(reference.lowercased()) {
            id = RepoID.defaultOrganization + "/" + reference
        }
        try self.init(exact: id)
    }

    /// Validates an id as given (the hub's rules: `[A-Za-z0-9_.-]` parts, at most one '/', no `--` or `..`).
    init(exact id: String) throws(HubError) {
        let parts = id.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2 else {
            throw .unsafeName(id, reason: "a repository id is 'name' or 'org/name'")
        }
        for part in parts {
            guard !part.isEmpty, part.count <= 96 else {
                throw .unsafeName(id, reason: "empty or overlong part in repository id")
            }
            guard part.unicodeScalars.allSatisfy({ RepoID.allowed.contains($0) }) else {
                throw .unsafeName(id, reason: "repository ids use only letters, digits, '-', '_' and '.'")
            }
            guard !part.contains(".."), !part.contains("--"), part.first != ".", part.first != "-",
                part.last != ".", part.last != "-"
            else {
                throw .unsafeName(id, reason: "'--', '..' and leading or trailing '.' or '-' are not allowed")
            }
        }
        value = id
    }

    private static let allowed = CharacterSet(charactersIn:
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")

    /// `sentence-transformers`, or nil for a bare legacy name.
    var organization: String? { value.contains("/") ? value.split(separator: "/").first.map(String.init) : nil }
    /// The part after '/'.
    var name: String { value.split(separator: "/").last.map(String.init) ?? value }
    /// huggingface_hub's folder name: `models--ORG--NAME`.
    var cacheFolderName: String { "models--" + value.replacingOccurrences(of: "/", with: "--") }
    var description: String { value }
}

enum SafeName {
    /// A repository-relative file name: relative, '/'-separated, no `..`, `.`, empty parts, backslashes, drive
    /// letters or control characters (reliability case E8).
    static func checkFile(_ name: String) throws(HubError) {
        guard !name.isEmpty, name.utf8.count <= 1024 else { throw .unsafeName(name, reason: "empty or overlong file name") }
        guard !name.hasPrefix("/") else { throw .unsafeName(name, reason: "absolute path") }
        guard !name.contains("\\") else { throw .unsafeName(name, reason: "backslash in file name") }
        guard !name.contains(":") else { throw .unsafeName(name, reason: "':' (drive letter or stream) in file name") }
        guard !name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7f }) else {
            throw .unsafeName(name, reason: "control character in file name")
        }
        for part in name.split(separator: "/", omittingEmptySubsequences: false) {
            guard !part.isEmpty, part != ".", part != ".." else {
                throw .unsafeName(name, reason: "'..', '.' or empty path component")
            }
        }
    }

    /// A revision (branch, tag, `refs/pr/N` or commit); it becomes a path under `refs/` (E9).
    static func checkRevision(_ revision: String) throws(HubError) {
        guard revision.utf8.count <= 255 else { throw .unsafeName(revision, reason: "overlong revision") }
        do { try checkFile(revision) } catch { throw .unsafeName(revision, reason: "revision: " + reason(of: error)) }
    }

    /// A single path component received from the server (commit hash, etag).
    static func checkComponent(_ value: String, what: String) throws(HubError) {
        let ok = !value.isEmpty && value.count <= 256 && value != "." && value != ".."
            && value.unicodeScalars.allSatisfy { allowedComponent.contains($0) }
        guard ok else { throw .unsafeName(value, reason: "\(what) from the server is not a plain name") }
    }

    static func isCommitHash(_ value: String) -> Bool {
        value.utf8.count == 40 && value.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }

    static func isSHA256(_ value: String) -> Bool {
        value.utf8.count == 64 && value.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }

    private static let allowedComponent = CharacterSet(charactersIn:
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")

    private static func reason(of error: HubError) -> String {
        if case let .unsafeName(_, reason) = error { return reason }
        return error.description
    }
}
