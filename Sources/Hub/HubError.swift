// Errors of the Hub module: model lookup, download and cache.
// Each case names the model, file, URL or path it is about, so a message alone says what to fix.

import Foundation

/// What went wrong while finding or downloading a model.
public enum HubError: Error, Sendable, CustomStringConvertible, Equatable {
    /// No local folder, cache entry or hub repository had the model.
    case notFound(model: String, searched: [String], hint: String?)
    /// Not cached, and `HF_HUB_OFFLINE` forbids the network.
    case offline(model: String, searched: [String])
    /// The transfer failed (connection, timeout, unexpected HTTP status, short body).
    case download(url: String, reason: String)
    /// The bytes received do not match what the hub advertised.
    case checksum(file: String, expected: String, actual: String)
    /// A repository id, revision or file name that would leave the cache folder or is malformed.
    case unsafeName(String, reason: String)
    /// The repository only has pickle weights (`pytorch_model.bin`), which Quill never loads.
    case pickleOnly(model: String, files: [String])
    /// A file system operation on the cache failed.
    case io(path: String, reason: String)
    /// A metadata file (modules.json, index) could not be read.
    case invalidMetadata(file: String, reason: String)

    public var description: String {
        switch self {
        case let .notFound(model, searched, hint):
            var text = "model '\(model)' not found"
            if !searched.isEmpty { text += "; searched:\n" + searched.map { "  - \($0)" }.joined(separator: "\n") }
            if let hint { text += "\nhint: \(hint)" }
            return text
        case let .offline(model, searched):
            var text = "model '\(model)' is not cached and the machine is offline (HF_HUB_OFFLINE is set), so it cannot be downloaded"
            if !searched.isEmpty { text += "; searched:\n" + searched.map { "  - \($0)" }.joined(separator: "\n") }
            text += "\nhint: download it on a connected machine (`quill fetch \(model)`) into the same cache, or unset HF_HUB_OFFLINE"
            return text
        case let .download(url, reason):
            return "download of \(url) failed: \(reason)"
        case let .checksum(file, expected, actual):
            return "\(file): content does not match the hub's checksum (expected \(expected), got \(actual)); nothing was stored"
        case let .unsafeName(name, reason):
            return "refusing unsafe name '\(name)': \(reason)"
        case let .pickleOnly(model, files):
            return """
                model '\(model)' has only pickle weights (\(files.joined(separator: ", "))), which Quill never loads \
                because unpickling can run arbitrary code.
                hint: convert them to model.safetensors (e.g. the safetensors `convert` Space or \
                `safetensors.torch.save_file` on a trusted machine), or pick a revision that has model.safetensors \
                (many repos have a `refs/pr/N` conversion PR)
                """
        case let .io(path, reason):
            return "\(path): \(reason)"
        case let .invalidMetadata(file, reason):
            return "\(file): \(reason)"
        }
    }
}
