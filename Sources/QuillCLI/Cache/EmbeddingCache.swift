// The on-disk cache of embeddings and cross-encoder scores (issue 15, item 4): one entry per sentence or pair,
// keyed by CacheKey, stored by CacheStore, bounded by CacheEviction. A call looks every input up, computes only
// the misses (each distinct input once) in one call to the engine, and writes them back. Counts of hits and
// computed are traced on stderr with QUILL_CACHE_DEBUG=1.
import Foundation

final class EmbeddingCache: Sendable {
    let settings: CacheSettings
    let store: CacheStore
    let eviction: CacheEviction
    let fingerprints: ModelFingerprints

    init(settings: CacheSettings) {
        self.settings = settings
        store = CacheStore(settings: settings)
        eviction = CacheEviction(settings: settings)
        fingerprints = ModelFingerprints(settings: settings)
    }

    /// The cache of the environment's settings (CacheSettings.fromEnvironment).
    static func fromEnvironment() throws -> EmbeddingCache {
        EmbeddingCache(settings: try CacheSettings.fromEnvironment())
    }

    /// The model part of the keys: the folder's content (ModelFingerprint).
    func modelKey(_ folder: URL) throws -> String {
        try fingerprints.fingerprint(folder)
    }

    /// One row per key: cached rows where whole, the others from `compute` (given the indices of the distinct
    /// missing inputs, in order, it returns one row each), which are then stored.
    func rows(_ keys: [[UInt8]], compute: ([Int]) throws -> [[Float]]) throws -> [[Float]] {
        var result = [[Float]?](repeating: nil, count: keys.count)
        var missing: [Int] = []                 // first index of each distinct missing key
        var firstOf: [[UInt8]: Int] = [:]
        for (i, key) in keys.enumerated() {
            if let first = firstOf[key] {
                result[i] = result[first]
                continue
            }
            firstOf[key] = i
            if let entry = store.read(key), entry.count == 1 { result[i] = entry.rows[0] } else { missing.append(i) }
        }
        Self.trace("\(keys.count) inputs, \(keys.count - missing.count) hits, \(missing.count) computed")
        if !missing.isEmpty {
            let computed = try compute(missing)
            guard computed.count == missing.count else {
                throw CLIError(description: "engine returned \(computed.count) rows for \(missing.count) inputs")
            }
            var written = 0
            for (i, row) in zip(missing, computed) {
                result[i] = row
                written += store.write(CacheEntry(key: keys[i], rows: [row]))
            }
            eviction.added(written)
        }
        for i in keys.indices where result[i] == nil { result[i] = result[firstOf[keys[i]] ?? i] }
        return result.map { $0 ?? [] }
    }

    /// Stored bytes of `key` (a model's settings), or nil.
    func bytes(_ key: [UInt8]) -> [UInt8]? {
        guard let entry = store.read(key), entry.count == 0 else { return nil }
        return entry.payload
    }

    func storeBytes(_ bytes: [UInt8], key: [UInt8]) {
        eviction.added(store.write(CacheEntry(key: key, bytes: bytes)))
    }

    /// The debug trace (QUILL_CACHE_DEBUG=1): one line per cached call, and one per model load (LoadedModels).
    static func trace(_ message: @autoclosure () -> String) {
        guard ProcessInfo.processInfo.environment["QUILL_CACHE_DEBUG"] == "1" else { return }
        Report.error("quill: cache: " + message())
    }
}
