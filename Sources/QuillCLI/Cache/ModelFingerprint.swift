// A model folder's content as one SHA-256: every file Quill may read (weights, config, tokenizer, module folders;
// hidden files, Markdown and the onnx/openvino exports left out), by relative path and content hash. A file in the
// Hugging Face cache is a link to blobs/<sha256>, so its name is its hash. A large local file's hash is memoised by
// path, size, modification and change times and inode (FileHashIndex): rehashing 100 MB of weights on every run
// would cost more than the cache saves, while any rewrite, copy or move over the file changes one of those.
#if canImport(Glibc)
import Glibc
#endif
import Crypto
import Foundation

final class ModelFingerprints: @unchecked Sendable {
    private let index: FileHashIndex
    private let lock = NSLock()
    private var folders: [String: String] = [:]

    /// Files up to this size are hashed on every run (reading them costs less than trusting metadata);
    /// QUILL_CACHE_MEMO_BYTES changes it (tests send every file through the memo with 0).
    static let memoThreshold: Int = ProcessInfo.processInfo.environment["QUILL_CACHE_MEMO_BYTES"].flatMap { Int($0) }
        ?? 1 << 20
    static let skippedFolders: Set<String> = ["onnx", "openvino"]

    init(settings: CacheSettings) {
        index = FileHashIndex(url: settings.hashIndex)
    }

    /// The fingerprint of `folder` (computed once per process).
    func fingerprint(_ folder: URL) throws -> String {
        let path = folder.standardizedFileURL.path
        lock.lock()
        defer { lock.unlock() }
        if let known = folders[path] { return known }
        var hasher = SHA256()
        for relative in try files(in: folder) {
            let hash = try fileHash(folder.appendingPathComponent(relative))
            hasher.update(data: Array("\(relative)\0\(hash)\n".utf8))
        }
        let result = CacheKey.hex(hasher.finalize())
        index.save()
        folders[path] = result
        return result
    }

    /// Relative paths of the files that count, sorted.
    private func files(in folder: URL) throws -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else {
            throw CLIError(description: "cannot read the model folder \(folder.path)")
        }
        var found: [String] = []
        while let relative = walker.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            let full = folder.appendingPathComponent(relative).path
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory) else { continue }
            if name.hasPrefix(".") || (isDirectory.boolValue && Self.skippedFolders.contains(name)) {
                if isDirectory.boolValue { walker.skipDescendants() }
                continue
            }
            if !isDirectory.boolValue, !name.lowercased().hasSuffix(".md") { found.append(relative) }
        }
        return found.sorted()
    }

    private func fileHash(_ url: URL) throws -> String {
        let real = url.resolvingSymlinksInPath()
        let name = real.lastPathComponent
        if real.deletingLastPathComponent().lastPathComponent == "blobs", name.count == 64,
           name.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) {
            return name
        }
        var info = stat()
        guard stat(real.path, &info) == 0 else { throw CLIError(description: "cannot read \(url.path) (model fingerprint)") }
        if Int(info.st_size) < Self.memoThreshold {
            guard let data = FileManager.default.contents(atPath: real.path) else {
                throw CLIError(description: "cannot read \(url.path) (model fingerprint)")
            }
            return CacheKey.hex(SHA256.hash(data: data))
        }
        let stamp = FileStamp(info)
        if let known = index.hash(path: real.path, stamp: stamp) { return known }
        let hash = try Self.sha256(of: real)
        index.record(path: real.path, stamp: stamp, hash: hash)
        return hash
    }

    static func sha256(of url: URL) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: url.path) else {
            throw CLIError(description: "cannot read \(url.path) (model fingerprint)")
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        while true {
            let chunk = try handle.read(upToCount: 4 << 20) ?? Data()
            if chunk.isEmpty { break }
            hasher.update(data: chunk)
        }
        return CacheKey.hex(hasher.finalize())
    }
}
