// One hub-layout cache folder, as huggingface_hub writes it (file_download.py, hf_hub_download):
//
//   <cache>/models--ORG--NAME/blobs/<etag>                     file contents, named by normalized etag
//   <cache>/models--ORG--NAME/refs/<revision>                  commit hash of a branch or tag, no newline
//   <cache>/models--ORG--NAME/snapshots/<commit>/<file>        relative symlink to ../../blobs/<etag>
//   <cache>/.locks/models--ORG--NAME/<etag>.lock               per-blob lock
//
// Every write goes through a unique temporary name and rename(2), so readers see the old state or the new one.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

struct HubCache: Sendable {
    let root: URL

    func repoFolder(_ repo: RepoID) -> URL { root.appendingPathComponent(repo.cacheFolderName, isDirectory: true) }
    func blob(_ repo: RepoID, etag: String) -> URL {
        repoFolder(repo).appendingPathComponent("blobs", isDirectory: true).appendingPathComponent(etag)
    }
    func snapshot(_ repo: RepoID, commit: String) -> URL {
        repoFolder(repo).appendingPathComponent("snapshots", isDirectory: true)
            .appendingPathComponent(commit, isDirectory: true)
    }
    func ref(_ repo: RepoID, revision: String) -> URL {
        repoFolder(repo).appendingPathComponent("refs", isDirectory: true).appendingPathComponent(revision)
    }
    func lock(_ repo: RepoID, etag: String) -> URL {
        root.appendingPathComponent(".locks", isDirectory: true)
            .appendingPathComponent(repo.cacheFolderName, isDirectory: true).appendingPathComponent(etag + ".lock")
    }

    /// The commit a revision points to, from the cache alone: a commit hash with a snapshot folder, or `refs/<rev>`.
    func commit(_ repo: RepoID, revision: String) -> String? {
        if SafeName.isCommitHash(revision), FileSystem.isDirectory(snapshot(repo, commit: revision)) { return revision }
        guard let text = try? String(contentsOf: ref(repo, revision: revision), encoding: .utf8) else { return nil }
        let commit = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (try? SafeName.checkComponent(commit, what: "commit")) != nil else { return nil }
        return commit
    }

    /// Writes `refs/<revision>` atomically, unless `revision` is the commit itself or the ref is already right
    /// (so a read-only cache that is up to date is never written to).
    func writeRef(_ repo: RepoID, revision: String, commit: String) throws(HubError) {
        guard revision != commit else { return }
        let url = ref(repo, revision: revision)
        if let old = try? String(contentsOf: url, encoding: .utf8), old == commit { return }
        try FileSystem.createDirectory(url.deletingLastPathComponent())
        try FileSystem.writeAtomically(Data(commit.utf8), to: url)
    }

    /// Points `snapshots/<commit>/<file>` at `blobs/<etag>` with a relative symlink, atomically replacing an
    /// existing link (a concurrent writer linking the same blob is harmless).
    func link(_ repo: RepoID, commit: String, file: String, etag: String) throws(HubError) {
        let pointer = snapshot(repo, commit: commit).appendingPathComponent(file)
        let depth = file.split(separator: "/").count - 1
        let target = String(repeating: "../", count: depth + 2) + "blobs/" + etag
        if let existing = try? FileManager.default.destinationOfSymbolicLink(atPath: pointer.path), existing == target {
            return
        }
        try FileSystem.createDirectory(pointer.deletingLastPathComponent())
        let temp = pointer.deletingLastPathComponent()
            .appendingPathComponent(CacheJanitor.temporaryName(for: pointer.lastPathComponent))
        guard symlink(target, temp.path) == 0 else {
            throw .io(path: temp.path, reason: "cannot create symlink: \(FileSystem.errnoText())")
        }
        guard rename(temp.path, pointer.path) == 0 else {
            let reason = FileSystem.errnoText()
            unlink(temp.path)
            throw .io(path: pointer.path, reason: "cannot place symlink: \(reason)")
        }
    }
}

/// Small POSIX helpers with errors that name the path.
enum FileSystem {
    static func errnoText() -> String { String(cString: strerror(errno)) }

    static func isDirectory(_ url: URL) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) && isDir.boolValue
    }

    /// Size of a regular file, following symlinks; nil when missing or dangling.
    static func fileSize(_ url: URL) -> Int64? {
        var info = stat()
        guard stat(url.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int64(info.st_size)
    }

    static func createDirectory(_ url: URL) throws(HubError) {
        do { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) } catch {
            throw .io(path: url.path, reason: "cannot create folder: \(error.localizedDescription)")
        }
    }

    static func writeAtomically(_ data: Data, to url: URL) throws(HubError) {
        let temp = url.deletingLastPathComponent().appendingPathComponent(CacheJanitor.temporaryName(for: url.lastPathComponent))
        do { try data.write(to: temp) } catch {
            throw .io(path: temp.path, reason: "cannot write: \(error.localizedDescription)")
        }
        guard rename(temp.path, url.path) == 0 else {
            let reason = errnoText()
            unlink(temp.path)
            throw .io(path: url.path, reason: "cannot rename into place: \(reason)")
        }
    }

    /// Runs `body` holding an exclusive flock(2) on `url` (created if needed). flock locks belong to the open file
    /// description, so two threads of one process exclude each other as two processes do.
    static func withLock<T>(_ url: URL, _ body: () throws(HubError) -> T) throws(HubError) -> T {
        try createDirectory(url.deletingLastPathComponent())
        let fd = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .io(path: url.path, reason: "cannot open lock file: \(errnoText())") }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else { throw .io(path: url.path, reason: "cannot lock: \(errnoText())") }
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }

    /// Runs `body` holding the lock on `url` if no one else holds it; nil, without waiting, if someone does (or the
    /// lock file cannot be opened, as in a read-only cache).
    static func withLockIfFree<T>(_ url: URL, _ body: () -> T) -> T? {
        guard (try? createDirectory(url.deletingLastPathComponent())) != nil else { return nil }
        let fd = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EINTR else { return nil }
        }
        defer { flock(fd, LOCK_UN) }
        return body()
    }
}
