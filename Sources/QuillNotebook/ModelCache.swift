// Models loaded in a run: each model loads once however many cells and notebooks load it (SentenceTransformer(...)
// in several cells is one model), keyed by the notebook's folder (relative paths start there), kind and reference.
// A load that fails is not remembered, so a later cell tries again.

import Foundation
import QuillPython

public final class ModelCache: @unchecked Sendable {
    private let lock = NSLock()
    private var biEncoders: [String: any BiEncoderModel] = [:]
    private var crossEncoders: [String: any CrossEncoderModel] = [:]

    public init() {}

    func biEncoder(_ key: String, load: () throws -> any BiEncoderModel) throws -> any BiEncoderModel {
        lock.lock()
        defer { lock.unlock() }
        if let model = biEncoders[key] { return model }
        let model = try load()
        biEncoders[key] = model
        return model
    }

    func crossEncoder(_ key: String, load: () throws -> any CrossEncoderModel) throws -> any CrossEncoderModel {
        lock.lock()
        defer { lock.unlock() }
        if let model = crossEncoders[key] { return model }
        let model = try load()
        crossEncoders[key] = model
        return model
    }
}

/// A notebook's host with the run's cache in front of it.
struct CachingHost: ModelHost {
    let cache: ModelCache
    let directory: URL
    let host: any ModelHost

    func loadBiEncoder(_ reference: String) throws -> any BiEncoderModel {
        try cache.biEncoder(directory.path + "\0" + reference) { try host.loadBiEncoder(reference) }
    }

    func loadCrossEncoder(_ reference: String) throws -> any CrossEncoderModel {
        try cache.crossEncoder(directory.path + "\0" + reference) { try host.loadCrossEncoder(reference) }
    }
}
