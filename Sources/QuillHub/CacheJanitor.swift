// Litter that killed runs leave in a hub cache, removed by the next run that touches the cache, once it is sure no
// live process owns it:
//
// - `blobs/<etag>.*.incomplete`, a download's temporary file. Every writer (Quill, and Python's huggingface_hub,
//   which locks the same path) holds `.locks/models--ORG--NAME/<etag>.lock` with flock(2) while its temporary file
//   exists, and the kernel drops that lock when the process dies, however it dies. A temporary file whose lock can
//   be taken without waiting therefore belongs to no one; it is removed while holding the lock, so a writer that
//   starts meanwhile waits and then makes a fresh one.
// - `.NAME.quill-PID-XXXXXXXX.tmp` beside snapshot links and refs, a link or ref being replaced. No lock covers
//   those; the PID in the name does: the file goes when kill(PID, 0) says there is no such process.
//
// Quill's temporary blob names carry the PID too (`<etag>.quill-PID-XXXXXXXX.incomplete`), so a person can tell
// whose they are.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

enum CacheJanitor {
    static func temporaryBlobName(etag: String) -> String { "\(etag).quill-\(getpid())-\(tag()).incomplete" }

    /// A hidden temporary name beside `name`, for an atomic replacement by rename(2).
    static func temporaryName(for name: String) -> String { ".\(name).quill-\(getpid())-\(tag()).tmp" }

    private static func tag() -> String { String(UUID().uuidString.prefix(8)).lowercased() }

    /// Removes abandoned temporary files of one repository (`repo`), or of every repository in the cache.
    /// Never fails: what cannot be removed (a read-only cache, a file another process owns) stays.
    /// - Returns: the paths removed.
    @discardableResult
    static func sweep(_ cache: HubCache, repo: RepoID? = nil) -> [String] {
        let folders: [String]
        if let repo {
            folders = [repo.cacheFolderName]
        } else {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: cache.root.path)) ?? []
            folders = names.filter { $0.hasPrefix("models--") }.sorted()
        }
        var removed: [String] = []
        for folder in folders {
            let base = cache.root.appendingPathComponent(folder, isDirectory: true)
            removed += sweepBlobs(base.appendingPathComponent("blobs", isDirectory: true),
                                  locks: cache.root.appendingPathComponent(".locks/\(folder)", isDirectory: true))
            for sub in ["snapshots", "refs"] { removed += sweepTemporaries(base.appendingPathComponent(sub)) }
        }
        return removed
    }

    private static func sweepBlobs(_ blobs: URL, locks: URL) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: blobs.path) else { return [] }
        var removed: [String] = []
        for name in names.sorted() where name.hasSuffix(".incomplete") {
            let etag = String(name.prefix { $0 != "." })
            guard !etag.isEmpty, (try? SafeName.checkComponent(etag, what: "etag")) != nil else { continue }
            let path = blobs.appendingPathComponent(name).path
            let unowned = FileSystem.withLockIfFree(locks.appendingPathComponent(etag + ".lock")) {
                unlink(path) == 0
            }
            if unowned == true { removed.append(path) }
        }
        return removed
    }

    private static func sweepTemporaries(_ folder: URL) -> [String] {
        guard let paths = FileManager.default.subpaths(atPath: folder.path) else { return [] }
        var removed: [String] = []
        for relative in paths.sorted() {
            let name = (relative as NSString).lastPathComponent
            guard name.hasPrefix("."), name.hasSuffix(".tmp"), let pid = writerPID(name), pid != getpid() else { continue }
            guard kill(pid, 0) != 0, errno == ESRCH else { continue }
            let path = folder.appendingPathComponent(relative).path
            if unlink(path) == 0 { removed.append(path) }
        }
        return removed
    }

    /// The PID in `.NAME.quill-PID-XXXXXXXX.tmp`, if the name has that form.
    static func writerPID(_ name: String) -> pid_t? {
        guard let marker = name.range(of: ".quill-", options: .backwards) else { return nil }
        let rest = name[marker.upperBound...]
        guard let dash = rest.firstIndex(of: "-"), let pid = pid_t(rest[..<dash]), pid > 0 else { return nil }
        return pid
    }
}
