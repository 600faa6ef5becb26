// Errors raised while loading a tokenizer. Encoding itself never fails.

/// A tokenizer could not be loaded. Every case names the file and what is wrong with it.
public enum TokenizerError: Error, Sendable, CustomStringConvertible {
    /// The file could not be read at all.
    case unreadableFile(file: String, reason: String)
    /// The file is not valid JSON (truncated or corrupted download).
    case invalidJSON(file: String, reason: String)
    /// A field is missing or has the wrong shape.
    case invalidField(file: String, field: String, reason: String)
    /// A component type (model, normalizer, pre-tokenizer, post-processor) that this module does not implement.
    case unsupportedType(file: String, component: String, type: String, supported: [String])
    /// WordPiece/BPE needs an unknown token that the vocabulary lacks.
    case missingUnknownToken(file: String, token: String)
    /// A special token named by a post-processor or config is not in the vocabulary.
    case unknownToken(file: String, token: String)
    /// The folder holds none of tokenizer.json, vocab.txt, vocab.json + merges.txt.
    case noTokenizerFiles(directory: String)

    public var description: String {
        switch self {
        case .unreadableFile(let file, let reason):
            "\(file): cannot read the file: \(reason)"
        case .invalidJSON(let file, let reason):
            "\(file): not valid JSON (\(reason)); the file may be truncated or corrupted, re-download it or verify the cache"
        case .invalidField(let file, let field, let reason):
            "\(file): field '\(field)': \(reason)"
        case .unsupportedType(let file, let component, let type, let supported):
            "\(file): unsupported \(component) type '\(type)'; supported: \(supported.joined(separator: ", "))"
        case .missingUnknownToken(let file, let token):
            "\(file): the unknown token '\(token)' is not in the vocabulary (MissingUnkToken)"
        case .unknownToken(let file, let token):
            "\(file): the token '\(token)' is not in the vocabulary"
        case .noTokenizerFiles(let directory):
            "\(directory): no tokenizer.json, vocab.txt, or vocab.json + merges.txt found"
        }
    }
}
