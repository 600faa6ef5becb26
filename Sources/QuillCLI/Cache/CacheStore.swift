// The entries folder: one file per key, in 256 shard folders by the key's first byte (entries/ab/abcd....qce).
// Reading an entry marks it used (its modification time is the LRU clock); a damaged entry is removed and read as
// a miss. Writing goes to a temporary file in the shard folder and is renamed over the entry, so two processes that
// write the same key at once both leave a whole entry, and a reader never sees half of one.
#if canImport(Glibc)
import Glibc
#endif
import Foundation

struct CacheStore: Sendable {
    let settings: CacheSettings

    static let fileExtension = "qce"

    func url(for key: [UInt8]) -> URL {
        let hex = CacheKey.hex(key)
        return settings.entries.appendingPathComponent(String(hex.prefix(2)), isDirectory: true)
            .appendingPathComponent(hex + "." + Self.fileExtension)
    }

    /// The entry of `key`, or nil (absent, or damaged: then removed).
    func read(_ key: [UInt8]) -> CacheEntry? {
        let path = url(for: key).path
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        guard let entry = CacheEntry.decode([UInt8](data), key: key) else {
            unlink(path)
            return nil
        }
        utimes(path, nil)   // used now: the least recently used entries go first (CacheEviction)
        return entry
    }

    /// Writes `entry` atomically; returns the bytes written (0 when the write failed: the cache is then only slower).
    @discardableResult
    func write(_ entry: CacheEntry) -> Int {
        let target = url(for: entry.key)
        let folder = target.deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let bytes = entry.encoded()
        let temporary = folder.appendingPathComponent(".tmp-\(getpid())-\(UInt64.random(in: 0...UInt64.max))").path
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return 0 }
        let written = bytes.withUnsafeBytes { buffer -> Int in
            guard let base = buffer.baseAddress else { return -1 }
            var done = 0
            while done < buffer.count {
                let n = Glibc.write(fd, base + done, buffer.count - done)
                if n < 0 { if errno == EINTR { continue }; return -1 }
                done += n
            }
            return done
        }
        let closed = close(fd)
        guard written == bytes.count, closed == 0, rename(temporary, target.path) == 0 else {
            unlink(temporary)
            return 0
        }
        return bytes.count
    }
}
