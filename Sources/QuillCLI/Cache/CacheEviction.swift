// Keeping the cache within its size, and the `quill cache info` and `clear` bookkeeping. Every process adds the
// bytes it wrote to a running total (the `size` file) under an exclusive flock of the `lock` file; when the total
// passes the limit, that process scans the entries, removes the least recently used (oldest modification time;
// CacheStore marks an entry on each read) until they take at most 90% of the limit, and stores the true total. The
// running total only ever overestimates (an entry rewritten by two processes is counted twice, a damaged entry
// removed by a reader is not subtracted), so the cache may be scanned early but never grows past its limit unseen.
#if canImport(Glibc)
import Glibc
#endif
import Foundation

struct CacheEviction: Sendable {
    let settings: CacheSettings

    struct Scan {
        var entries: [(path: String, size: Int64, used: Int64)] = []
        var bytes: Int64 { entries.reduce(0) { $0 + $1.size } }
    }

    /// Records `bytes` more written; evicts when the total passes the limit.
    func added(_ bytes: Int) {
        guard bytes > 0 else { return }
        locked {
            let known = readSize()
            var total = (known ?? scan().bytes) + (known == nil ? 0 : Int64(bytes))
            if total > settings.limit { total = evict() }
            writeSize(total)
        }
    }

    /// Removes the least recently used entries down to 90% of the limit; returns the bytes left.
    private func evict() -> Int64 {
        var current = scan()
        var total = current.bytes
        let target = settings.limit - settings.limit / 10
        current.entries.sort { ($0.used, $0.path) < ($1.used, $1.path) }
        for entry in current.entries where total > target {
            if unlink(entry.path) == 0 || errno == ENOENT { total -= entry.size }
        }
        return total
    }

    /// Every entry file with its size and last use. Temporary files of writers that died over an hour ago go.
    func scan() -> Scan {
        var result = Scan()
        let fm = FileManager.default
        let now = Int64(Date().timeIntervalSince1970)
        for shard in (try? fm.contentsOfDirectory(atPath: settings.entries.path)) ?? [] {
            let folder = settings.entries.appendingPathComponent(shard).path
            for name in (try? fm.contentsOfDirectory(atPath: folder)) ?? [] {
                let path = (folder as NSString).appendingPathComponent(name)
                var info = stat()
                guard stat(path, &info) == 0 else { continue }
                if name.hasPrefix(".tmp-") {
                    if now - Int64(info.st_mtim.tv_sec) > 3600 { unlink(path) }
                    continue
                }
                guard name.hasSuffix("." + CacheStore.fileExtension) else { continue }
                let used = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
                result.entries.append((path, Int64(info.st_size), used))
            }
        }
        return result
    }

    /// Removes every entry and the memo of file hashes.
    func clear() throws {
        try locked {
            let fm = FileManager.default
            if fm.fileExists(atPath: settings.entries.path) {
                let doomed = settings.directory.appendingPathComponent(".entries-cleared-\(getpid())")
                try fm.moveItem(at: settings.entries, to: doomed)
                try fm.removeItem(at: doomed)
            }
            try? fm.removeItem(at: settings.hashIndex)
            writeSize(0)
        }
    }

    /// Runs `body` holding the cache's exclusive lock (released at return, or by the kernel if the process dies).
    func locked<T>(_ body: () throws -> T) rethrows -> T {
        try? FileManager.default.createDirectory(at: settings.directory, withIntermediateDirectories: true)
        let fd = open(settings.lockFile.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        if fd >= 0 { while flock(fd, LOCK_EX) != 0 && errno == EINTR {} }
        defer { if fd >= 0 { flock(fd, LOCK_UN); close(fd) } }
        return try body()
    }

    private func readSize() -> Int64? {
        guard let data = FileManager.default.contents(atPath: settings.sizeFile.path) else { return nil }
        return Int64(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    private func writeSize(_ total: Int64) {
        let temporary = settings.sizeFile.path + ".tmp-\(getpid())"
        guard FileManager.default.createFile(atPath: temporary, contents: Data("\(total)\n".utf8)),
              rename(temporary, settings.sizeFile.path) == 0 else {
            unlink(temporary)
            return
        }
    }
}
