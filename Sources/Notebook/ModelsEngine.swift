// The real engine behind notebooks: names resolve through Hub (local models folders, the shared Hugging Face cache,
// the hub), folders load through Models. Each model loads once per process, however many notebooks use it.
import Foundation
import Hub
import Models

public final class ModelsEngine: Engine, @unchecked Sendable {
    private let resolver: ModelResolver
    private let lock = NSLock()
    private var biEncoders: [String: BiEncoderAdapter] = [:]
    private var crossEncoders: [String: CrossEncoderAdapter] = [:]

    public init(resolver: ModelResolver = ModelResolver(progress: true)) {
        self.resolver = resolver
    }

    public func loadBiEncoder(_ reference: String, notebookDirectory: URL) throws -> any BiEncoderModel {
        let folder = try resolve(reference, notebookDirectory)
        return try cached(&biEncoders, folder.path) { BiEncoderAdapter(model: try BiEncoder(directory: folder)) }
    }

    public func loadCrossEncoder(_ reference: String, notebookDirectory: URL) throws -> any CrossEncoderModel {
        let folder = try resolve(reference, notebookDirectory)
        return try cached(&crossEncoders, folder.path) { CrossEncoderAdapter(model: try CrossEncoder(directory: folder)) }
    }

    private func cached<T>(_ table: inout [String: T], _ key: String, _ load: () throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        if let hit = table[key] { return hit }
        let model = try load()
        table[key] = model
        return model
    }

    /// A model that cannot be had at all becomes `ModelUnavailable` (the notebook is reported as not run);
    /// anything else (a checksum mismatch, pickle-only weights, an unsafe name) is an error on the cell.
    private func resolve(_ reference: String, _ base: URL) throws -> URL {
        do {
            return try resolver.resolve(reference, relativeTo: base)
        } catch {
            let hint = "put the model folder in ./models/\(reference), "
                + "add its folder to QUILL_MODEL_PATH, or run `quill fetch \(reference)` where the hub is reachable"
            switch error {
            case .notFound(let model, let searched, _):
                throw ModelUnavailable(model: model, searched: searched, hint: hint)
            case .offline(let model, let searched):
                throw ModelUnavailable(model: model, searched: searched, hint: "offline (HF_HUB_OFFLINE=1); " + hint)
            case .download(let url, let reason):
                throw ModelUnavailable(model: reference, searched: resolver.searchLocations(for: reference) + [url],
                                       hint: "download failed: \(reason); " + hint)
            default:
                throw error
            }
        }
    }
}

struct BiEncoderAdapter: BiEncoderModel {
    let model: BiEncoder
    func encode(_ sentences: [String], normalize: Bool) throws -> [[Float]] {
        try model.encode(sentences, normalize: normalize)
    }
}

struct CrossEncoderAdapter: CrossEncoderModel {
    let model: CrossEncoder
    var labelCount: Int { model.labelCount }
    func predict(_ pairs: [(String, String)], softmax: Bool) throws -> [[Float]] {
        try model.predict(pairs, softmax: softmax)
    }
}
