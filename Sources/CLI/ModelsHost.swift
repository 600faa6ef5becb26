// Quill's own models behind notebook cells: QuillPython's ModelHost over Models' BiEncoder and CrossEncoder.
// Names resolve through Hub (the notebook's folder, ./models, QUILL_MODEL_PATH, the shared Hugging Face cache, the
// hub); each folder loads once per process, however many notebooks and cells use it.
import Foundation
import Hub
import Models
import QuillPython

/// The models this process has loaded, keyed by folder.
final class LoadedModels: @unchecked Sendable {
    let resolver: ModelResolver
    private let lock = NSLock()
    private var biEncoders: [String: BiEncoder] = [:]
    private var crossEncoders: [String: CrossEncoder] = [:]

    init(resolver: ModelResolver = ModelResolver(progress: true)) {
        self.resolver = resolver
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
        let model = try load()
        table[key] = model
        return model
    }
}

/// The host of one notebook (or .py file): relative model paths start at its folder.
struct ModelsHost: ModelHost {
    let models: LoadedModels
    let directory: URL

    func loadBiEncoder(_ reference: String) throws -> any BiEncoderModel {
        BiEncoderAdapter(name: reference, model: try models.biEncoder(try resolve(reference)))
    }

    func loadCrossEncoder(_ reference: String) throws -> any CrossEncoderModel {
        CrossEncoderAdapter(name: reference, model: try models.crossEncoder(try resolve(reference)))
    }

    /// A model that cannot be had at all becomes `ModelUnavailable` (the notebook is reported as not run);
    /// anything else (a checksum mismatch, pickle-only weights, an unsafe name) is an error in the cell.
    private func resolve(_ reference: String) throws -> URL {
        let resolver = models.resolver
        do {
            return try resolver.resolve(reference, relativeTo: directory)
        } catch {
            let hint = "put the model folder in ./models/\(reference), "
                + "add its folder to QUILL_MODEL_PATH, or run `quill fetch \(reference)` where the hub is reachable"
            switch error {
            case .notFound(let model, let searched, _):
                throw ModelUnavailable(model: model, searched: searched, hint: hint)
            case .offline(let model, let searched):
                throw ModelUnavailable(model: model, searched: searched, hint: "offline (HF_HUB_OFFLINE=1); " + hint)
            case .downloadNotAllowed(let model, let searched):
                throw ModelUnavailable(model: model, searched: searched, hint: "models are downloaded only when asked: "
                    + "run `quill fetch \(reference)`, or pass --download (or set QUILL_ALLOW_DOWNLOAD=1); or put the "
                    + "model folder in ./models/\(reference) or add its folder to QUILL_MODEL_PATH")
            case .download(let url, let reason):
                throw ModelUnavailable(model: reference, searched: resolver.searchLocations(for: reference) + [url],
                                       hint: "download failed: \(reason); " + hint)
            default:
                throw error
            }
        }
    }
}
