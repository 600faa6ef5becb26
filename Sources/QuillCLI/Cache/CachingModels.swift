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
        try cached("bi-encoder", folder: folder, cache: cache, load: load, settings: BiEncoderSettings.init,
                   plain: { $0 }) { settings, modules, modelKey, model in
            CachingBiEncoder(name: name, settings: settings, modules: modules, modelKey: modelKey, cache: cache,
                             model: model)
        }
    }

    static func crossEncoder(name: String, folder: URL, cache: EmbeddingCache,
                             load: @escaping @Sendable () throws -> CrossEncoderAdapter) throws -> any CrossEncoderModel {
        try cached("cross-encoder", folder: folder, cache: cache, load: load, settings: CrossEncoderSettings.init,
                   plain: { $0 }) { settings, modules, modelKey, model in
            CachingCrossEncoder(name: name, settings: settings, modules: modules, modelKey: modelKey, cache: cache,
                                model: model)
        }
    }

    /// The caching model `make` builds from the settings a run before stored for the model's content (the model
    /// then loads on the first miss), or from those of the model loaded now (then stored). `plain(model)` where
    /// the model's files cannot be fingerprinted.
    private static func cached<Settings: StoredModelSettings, Adapter: ModelModules & Sendable, Model>(
        _ kind: String, folder: URL, cache: EmbeddingCache, load: @escaping @Sendable () throws -> Adapter,
        settings: (Adapter) -> Settings, plain: (Adapter) -> Model,
        make: (Settings, [ModelModule], String, LazyModel<Adapter>) -> Model
    ) throws -> Model {
        guard let modelKey = try? cache.modelKey(folder) else { return plain(try load()) }
        let key = CacheKey.settings(model: modelKey, kind: kind)
        if let stored = cache.settings(Settings.self, key: key), let modules = modules(stored.modules) {
            return make(stored, modules, modelKey, LazyModel(nil, load: load))
        }
        let adapter = try load()
        let fresh = settings(adapter)
        cache.storeSettings(fresh, key: key)
        return make(fresh, adapter.modules, modelKey, LazyModel(adapter, load: load))
    }

    private static func modules(_ stored: [StoredModule]) -> [ModelModule]? {
        let modules = stored.compactMap(\.module)
        return modules.count == stored.count ? modules : nil
    }
}
