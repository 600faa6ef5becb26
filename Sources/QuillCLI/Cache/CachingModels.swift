// The cache in front of the engine: a bi-encoder and a cross-encoder that answer from the cache where they can
// and load the model only for the first miss. ModelsHost hands these out in place of the adapters when the cache is
// on. Their settings come from the cache (CachedModelSettings) when a run before stored them for the same model
// content; otherwise the model loads at once and they are stored. Calls made under HostCalls.bypassCache (timing,
// `throughput`) always run the engine. Anything the cache cannot do (an unreadable model file to fingerprint)
// falls back to the plain model.
import Foundation
import QuillPython

/// A model loaded on first use, once; it may serve several threads.
final class LazyModel<Model: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var model: Model?
    private let load: @Sendable () throws -> Model

    init(_ model: Model?, load: @escaping @Sendable () throws -> Model) {
        self.model = model
        self.load = load
    }

    func get() throws -> Model {
        lock.lock()
        defer { lock.unlock() }
        if let model { return model }
        let loaded = try load()
        model = loaded
        return loaded
    }
}

struct CachingBiEncoder: BiEncoderModel, BiEncoderSavedSettings, ModelModules {
    let name: String
    let settings: BiEncoderSettings
    let modules: [ModelModule]
    let modelKey: String
    let cache: EmbeddingCache
    let model: LazyModel<BiEncoderAdapter>

    var dimension: Int { settings.dimension }
    var maxSequenceLength: Int { settings.maxSequenceLength }
    var similarityFunctionName: String? { settings.similarityFunctionName }
    var prompts: [String: String] { settings.prompts }
    var defaultPromptName: String? { settings.defaultPromptName }
    var truncateDimension: Int? { settings.truncateDimension }
    var poolingIncludesPrompt: Bool { settings.poolingIncludesPrompt }

    func encode(_ sentences: [String], maxSequenceLength: Int, normalize: Bool) throws -> [[Float]] {
        let engine = { (texts: [String]) in try model.get().encode(texts, maxSequenceLength: maxSequenceLength, normalize: normalize) }
        if HostCalls.bypassCache { return try engine(sentences) }
        let keys = sentences.map {
            CacheKey.embedding(model: modelKey, text: $0, maxLength: maxSequenceLength, normalize: normalize)
        }
        return try cache.rows(keys) { missing in try engine(missing.map { sentences[$0] }) }
    }
}

struct CachingCrossEncoder: CrossEncoderModel, ModelModules {
    let name: String
    let settings: CrossEncoderSettings
    let modules: [ModelModule]
    let modelKey: String
    let cache: EmbeddingCache
    let model: LazyModel<CrossEncoderAdapter>

    var labelCount: Int { settings.labelCount }
    var maxLength: Int { settings.maxLength }

    func predict(_ pairs: [(String, String)], maxLength: Int, softmax: Bool) throws -> [[Float]] {
        let engine = { (pairs: [(String, String)]) in try model.get().predict(pairs, maxLength: maxLength, softmax: softmax) }
        if HostCalls.bypassCache { return try engine(pairs) }
        let keys = pairs.map {
            CacheKey.scores(model: modelKey, first: $0.0, second: $0.1, maxLength: maxLength, softmax: softmax)
        }
        return try cache.rows(keys) { missing in try engine(missing.map { pairs[$0] }) }
    }
}

enum CachingModels {
    static func biEncoder(name: String, folder: URL, cache: EmbeddingCache,
                          load: @escaping @Sendable () throws -> BiEncoderAdapter) throws -> any BiEncoderModel {
        guard let modelKey = try? cache.modelKey(folder) else { return try load() }
        let key = CacheKey.settings(model: modelKey, kind: "bi-encoder")
        if let stored = cache.settings(BiEncoderSettings.self, key: key), let modules = modules(stored.modules) {
            return CachingBiEncoder(name: name, settings: stored, modules: modules, modelKey: modelKey, cache: cache,
                                    model: LazyModel(nil, load: load))
        }
        let adapter = try load()
        let settings = BiEncoderSettings(adapter)
        cache.storeSettings(settings, key: key)
        return CachingBiEncoder(name: name, settings: settings, modules: adapter.modules, modelKey: modelKey,
                                cache: cache, model: LazyModel(adapter, load: load))
    }

    static func crossEncoder(name: String, folder: URL, cache: EmbeddingCache,
                             load: @escaping @Sendable () throws -> CrossEncoderAdapter) throws -> any CrossEncoderModel {
        guard let modelKey = try? cache.modelKey(folder) else { return try load() }
        let key = CacheKey.settings(model: modelKey, kind: "cross-encoder")
        if let stored = cache.settings(CrossEncoderSettings.self, key: key), let modules = modules(stored.modules) {
            return CachingCrossEncoder(name: name, settings: stored, modules: modules, modelKey: modelKey, cache: cache,
                                       model: LazyModel(nil, load: load))
        }
        let adapter = try load()
        let settings = CrossEncoderSettings(adapter)
        cache.storeSettings(settings, key: key)
        return CachingCrossEncoder(name: name, settings: settings, modules: adapter.modules, modelKey: modelKey,
                                   cache: cache, model: LazyModel(adapter, load: load))
    }

    private static func modules(_ stored: [StoredModule]) -> [ModelModule]? {
        let modules = stored.compactMap(\.module)
        return modules.count == stored.count ? modules : nil
    }
}
