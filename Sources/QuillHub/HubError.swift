// Errors of the Hub module: model lookup, download and cache.
// Each case names the model, file, URL or path it is about, so a message alone says what to fix.

import Foundation

/// What went wrong while finding or downloading a model.
public enum HubError: Error, Sendable, CustomStringConvertible, Equatable {
    /// No local folder, cache entry or hub repository had the model.
    case notFound(model: String, searched: [String], hint: String?)
    /// Not cached, and `HF_HUB_OFFLINE` forbids the network.
    case offline(model: String, searched: [String])
    /// Not found locally, and downloading was not asked for (`QUILL_ALLOW_DOWNLOAD=1`, `--download`, `quill fetch`).
    case downloadNotAllowed(model: String, searched: [String])
    /// The files to download add up to more than the size limit (`bytes` is at least what was needed).
    case tooLarge(model: String, bytes: Int64, limit: Int64)
    /// An environment variable or option whose value cannot be used.
    case invalidSetting(name: String, value: String, reason: String)
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
        case let .downloadNotAllowed(model, searched):
            var text = "model '\(model)' is not in a local models folder or a Hugging Face cache, and downloading it was not asked for"
            if !searched.isEmpty { text += "; searched:\n" + searched.map { "  - \($0)" }.joined(separator: "\n") }
            text += "\nhint: download it once with `quill fetch \(model)`, or let this command download it with "
                + "--download (or QUILL_ALLOW_DOWNLOAD=1)"
            return text
        case let .tooLarge(model, bytes, limit):
            return """
                model '\(model)' needs at least \(ByteSize.describe(bytes)) \
                from the hub, over the download size limit of \(ByteSize.describe(limit)); nothing over the limit was \
                stored
                hint: raise the limit with `quill fetch --max-download-size SIZE` or QUILL_MAX_DOWNLOAD_SIZE=SIZE \
                (bytes, or with a unit: 500M, 2G, 10GB, 4GiB)
                """
        case let .invalidSetting(name, value, reason):
            return "\(name)='\(value)': \(reason)"
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
