// `quill embed --cache` and `quill score --cache`: the streaming workers read and write the same cache as notebooks
// (same keys: a sentence embedded by a notebook is a hit for embed), but only when asked, since a worker usually
// sees each input once. The model is loaded as without the cache (embed needs its width before the first row).
import Foundation
import QuillModels

struct WorkerCache {
    let cache: EmbeddingCache
    let modelKey: String

    /// The cache for the model in `folder`, or nil when `enabled` is false.
    static func open(_ enabled: Bool, folder: URL) throws -> WorkerCache? {
        guard enabled else { return nil }
        let cache = try EmbeddingCache.fromEnvironment()
        return WorkerCache(cache: cache, modelKey: try cache.modelKey(folder))
    }

    func embeddings(_ encoder: BiEncoder, _ texts: [String], batchSize: Int, normalize: Bool) throws -> [[Float]] {
        let keys = texts.map {
            CacheKey.embedding(model: modelKey, text: $0, maxLength: encoder.maxSequenceLength, normalize: normalize)
        }
        return try cache.rows(keys) { missing in
            try encoder.encode(missing.map { texts[$0] }, batchSize: batchSize, normalize: normalize)
        }
    }

    func scores(_ encoder: CrossEncoder, _ pairs: [(String, String)], batchSize: Int, activate: Bool,
                softmax: Bool) throws -> [[Float]] {
        let keys = pairs.map {
            CacheKey.scores(model: modelKey, first: $0.0, second: $0.1, maxLength: encoder.maxLength, softmax: softmax,
                            activate: activate)
        }
        return try cache.rows(keys) { missing in
            try encoder.predict(missing.map { pairs[$0] }, batchSize: batchSize, activate: activate, softmax: softmax)
        }
    }
}
