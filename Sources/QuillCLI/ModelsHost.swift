// Quill's own models behind notebook cells: QuillPython's ModelHost over Models' BiEncoder and CrossEncoder.
// Names resolve through Hub (the notebook's folder, models/ beside or above it, ./models, QUILL_MODEL_PATH, the
// shared Hugging Face cache, the hub); each folder loads once per process, however many notebooks and cells use it.
import Foundation
import QuillHub
import QuillModels
import QuillNotebook
import QuillPython

/// The models this process has loaded, keyed by folder.
final class LoadedModels: @unchecked Sendable {
    let resolver: ModelResolver
    private let lock = NSLock()
    private var biEncoders: [String: BiEncoder] = [:]
    private var crossEncoders: [String: CrossEncoder] = [:]

    /// The on-disk cache in front of the models (Cache/), or nil (--no-cache, the hash engine).
    let cache: EmbeddingCache?

    init(resolver: ModelResolver = ModelResolver(progress: true), cache: EmbeddingCache? = nil) {
        self.resolver = resolver
        self.cache = cache
    }

    func biEncoder(_ folder: URL) throws -> BiEncoder {
        try cached(&biEncoders, folder.path) { try BiEncoder(directory: folder) }
    }

    func crossEncoder(_ folder: URL) throws -> CrossEncoder {
        try cached(&crossEncoders, folder.path) { try CrossEncoder(directory: folder) }
    }

    private func cached<T>(_ table: inout [String: T], _ key: String, _ load: () throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        if let hit = table[key] { return hit }
        EmbeddingCache.trace("loading model weights from \(key)")
        let model = try load()
        table[key] = model
        return model
    }
}

/// The host of one notebook (or .py file): relative model paths start at its folder.
struct ModelsHost: ModelHost {
    let models: LoadedModels
    let directory: URL
    /// How long encodes and predicts run: in batches checking the running cell's deadline, with a progress line.
    var batches = ProgressBatches()

    func loadBiEncoder(_ reference: String) throws -> any BiEncoderModel {
        let folder = try resolve(reference), models = self.models, batches = self.batches
        let load = { @Sendable in BiEncoderAdapter(name: reference, model: try models.biEncoder(folder), batches: batches) }
        guard let cache = models.cache else { return try load() }
        return try CachingModels.biEncoder(name: reference, folder: folder, cache: cache, load: load)
    }

    func loadCrossEncoder(_ reference: String) throws -> any CrossEncoderModel {
        let folder = try resolve(reference), models = self.models, batches = self.batches
        let load = { @Sendable in CrossEncoderAdapter(name: reference, model: try models.crossEncoder(folder), batches: batches) }
        guard let cache = models.cache else { return try load() }
        return try CachingModels.crossEncoder(name: reference, folder: folder, cache: cache, load: load)
    }

    /// A model that cannot be had at all becomes `ModelUnavailable` (the notebook is reported as not run);
    /// anything else (a checksum mismatch, pickle-only weights, an unsafe name) is an error in the cell.
    private func resolve(_ reference: String) throws -> URL {
        let resolver = models.resolver
        do {
            return try resolver.resolve(reference, relativeTo: directory)
        } catch {
            var hint = "put the model folder in ./models/\(reference), "
                + "add its folder to QUILL_MODEL_PATH, or run `quill fetch \(reference)` where the hub is reachable"
            if let close = Self.closeLocalName(reference, in: resolver.modelFolders(relativeTo: directory)) {
                hint = "did you mean `\(close)` (a local model folder)? Otherwise " + hint
            } else if Self.looksLikeLocalFolder(reference, in: directory) {
                // `models/x` where ./models exists: meant as a folder, but read as the hub id models/x.
                let folder = directory.appendingPathComponent(reference).standardizedFileURL.path
                hint = "no model folder at \(folder); `\(reference)` is read as a hub id 'org/name' unless that folder "
                    + "exists: fix the path (./\(reference)) or put the model folder there"
            }
            switch error {
            case .notFound(let model, let searched, _) where Self.isPathLike(reference):
                // A path names one folder: the hint is about that path, not about ./models or the hub.
                let folder = searched.first ?? reference
                let start = reference.hasPrefix("/") || reference.hasPrefix("~") ? ""
                    : " (relative paths start at the notebook's folder, \(directory.standardizedFileURL.path))"
                throw ModelUnavailable(model: model, searched: searched,
                                       hint: "no model folder at \(folder)\(start); fix the path or put the model folder there")
            case .notFound(let model, let searched, _):
                throw ModelUnavailable(model: model, searched: searched, hint: hint)
            case .offline(let model, let searched):
                throw ModelUnavailable(model: model, searched: searched, hint: "offline (HF_HUB_OFFLINE=1); " + hint)
            case .downloadNotAllowed(let model, let searched):
                throw ModelUnavailable(model: model, searched: searched, hint: "models are downloaded only when asked: "
                    + "run `quill fetch \(reference)`, or pass --download (or set QUILL_ALLOW_DOWNLOAD=1); or put the "
                    + "model folder in ./models/\(reference) or add its folder to QUILL_MODEL_PATH")
            case .download(let url, let reason):
                throw ModelUnavailable(model: reference, searched: resolver.searchLocations(for: reference, relativeTo: directory) + [url],
                                       hint: "download failed: \(reason); " + hint)
            default:
                throw error
            }
        }
    }
}

extension ModelsHost {
    /// A reference written as a path (`./models/x`, `../x`, `/abs/x`, `~/x`, `a/b/c`) rather than a model name or
    /// an `org/name` hub id; the resolver reads these as folders only.
    static func isPathLike(_ reference: String) -> Bool {
        let r = reference.trimmingCharacters(in: .whitespaces)
        return r.hasPrefix("/") || r.hasPrefix("./") || r.hasPrefix("../") || r.hasPrefix("~") || r == "." || r == ".."
            || r.contains("\\") || r.split(separator: "/", omittingEmptySubsequences: false).count > 2
    }

    /// For a bare name that is not found: a local model folder's name within two edits of it (`all-MiniLM-L6-v3`
    /// -> `all-MiniLM-L6-v2`), from the models folders the resolver searches (`ModelResolver.modelFolders`).
    static func closeLocalName(_ reference: String, in roots: [URL]) -> String? {
        let name = reference.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, !name.contains("/"), name.count <= 200 else { return nil }
        var best: (name: String, distance: Int)?
        for root in roots {
            for entry in (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? [] where !entry.hasPrefix(".") {
                guard entry != name, abs(entry.count - name.count) <= 2 else { continue }
                let d = Suggest.distance(Array(entry.lowercased()), Array(name.lowercased()))
                if d <= 2, d < (best?.distance ?? .max) { best = (entry, d) }
            }
        }
        return best?.name
    }

    /// `first/second` whose first part is a folder beside the notebook or in the current directory.
    static func looksLikeLocalFolder(_ reference: String, in directory: URL) -> Bool {
        let parts = reference.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty else { return false }
        var isDirectory: ObjCBool = false
        for base in [directory.path, FileManager.default.currentDirectoryPath] {
            let path = (base as NSString).appendingPathComponent(String(parts[0]))
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue { return true }
        }
        return false
    }
}

