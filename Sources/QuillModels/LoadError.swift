// Errors from loading a model folder. Each names the file, and the tensor where there is one.

/// Why a model folder could not be loaded.
public enum LoadError: Error, Sendable, CustomStringConvertible {
    case missingFile(String, hint: String? = nil)
    case unreadable(file: String, reason: String)
    case invalidConfig(file: String, reason: String)
    case unsupported(what: String, value: String, file: String, supported: [String])
    case missingTensor(name: String, file: String)
    case shapeMismatch(name: String, file: String, expected: [Int], actual: [Int])
    case weights(String)
    case tokenizer(String)
    case pickleOnly(directory: String, files: [String])

    public var description: String {
        switch self {
        case .missingFile(let path, let hint):
            return "\(path): file not found" + (hint.map { " (\($0))" } ?? "")
        case .unreadable(let file, let reason):
            return "\(file): cannot read: \(reason)"
        case .invalidConfig(let file, let reason):
            return "\(file): \(reason)"
        case .unsupported(let what, let value, let file, let supported):
            return "\(file): unsupported \(what) '\(value)'; supported: \(supported.joined(separator: ", "))"
        case .missingTensor(let name, let file):
            return "\(file): tensor '\(name)' is missing"
        case .shapeMismatch(let name, let file, let expected, let actual):
            return "\(file): tensor '\(name)' has shape \(actual), expected \(expected) from config.json"
        case .weights(let message), .tokenizer(let message):
            return message
        case .pickleOnly(let directory, let files):
            return "\(directory): only pickle weights (\(files.joined(separator: ", "))); Quill never unpickles. "
                + "Use a revision of the model that has model.safetensors, or convert it once in Python with "
                + "`safetensors.torch.save_file(torch.load(path, weights_only=True), \"model.safetensors\")` "
                + "after reviewing where the file came from"
        }
    }
}
