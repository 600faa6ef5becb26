// Where the embedding cache lives and how large it may grow: QUILL_CACHE_DIR (tests, or a chosen folder), else
// $XDG_CACHE_HOME/quill, else ~/.cache/quill; QUILL_CACHE_SIZE (K/M/G/T as powers of 1000, KiB/MiB/GiB/TiB of 1024,
// or bytes; see QuillHub's ByteSize) bounds it, 1 GB by default. Also the engine part of every key: Quill's version
// and the GEMM kernel path, so that another engine never reads this one's numbers.
import Foundation
import QuillHub
import QuillTensors

struct CacheSettings: Sendable {
    /// The cache folder (created on first write).
    var directory: URL
    /// Bytes the entries may take before the least recently used are evicted.
    var limit: Int64

    static let defaultLimit: Int64 = 1_000_000_000

    /// The settings from the environment.
    /// - Throws: `CLIError` (exit 64) for a QUILL_CACHE_SIZE that is not a size.
    static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws -> CacheSettings {
        var limit = defaultLimit
        if let text = environment["QUILL_CACHE_SIZE"], !text.isEmpty {
            do { limit = try ByteSize.parse(text, name: "QUILL_CACHE_SIZE") } catch {
                throw CLIError(description: error.description, code: 64)
            }
        }
        return CacheSettings(directory: directory(environment), limit: limit)
    }

    static func directory(_ environment: [String: String]) -> URL {
        if let dir = environment["QUILL_CACHE_DIR"], !dir.isEmpty { return URL(fileURLWithPath: dir, isDirectory: true) }
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {   // the XDG spec ignores relative values
            return URL(fileURLWithPath: xdg, isDirectory: true).appendingPathComponent("quill", isDirectory: true)
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return URL(fileURLWithPath: home, isDirectory: true).appendingPathComponent(".cache/quill", isDirectory: true)
    }

    /// Entries live in 256 shard folders by the first byte of their key.
    var entries: URL { directory.appendingPathComponent("entries", isDirectory: true) }
    /// The lock file (flock) of eviction, clearing and the running size.
    var lockFile: URL { directory.appendingPathComponent("lock") }
    /// The running total of entry bytes written since the last full scan (an upper bound; see CacheEviction).
    var sizeFile: URL { directory.appendingPathComponent("size") }
    /// Memoised file hashes of local model folders (ModelFingerprint).
    var hashIndex: URL { directory.appendingPathComponent("file-hashes.tsv") }
}

enum CacheEngine {
    /// The engine that computes the numbers: a new version or another kernel path is another key.
    static let identity: String = "quill \(QuillVersion.string); gemm \(PackedWeight.kernel?.description ?? "BLAS")"
}
