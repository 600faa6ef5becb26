// A notebook read under an exclusive lock, and what was read, so that `quill update` can (1) serialise concurrent
// updates of one notebook and (2) refuse to replace a notebook that changed on disk after it was read.
//
// The lock is flock(2) on the notebook file itself: no lock file to leave behind, and a killed holder's lock goes
// with its process. A rename over the notebook (our own update, or an editor's save) gives the path a new inode, so
// after each flock the path is checked to still name the locked inode; if not, the new file is opened and locked.
// Taking the lock also sweeps the folder of temp files left by killed updates (LitterSweep.swift).

import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a reader saw of a file: identity, size and modification time from the open descriptor, and the bytes.
public struct FileSnapshot: Sendable {
    public var device: UInt64
    public var inode: UInt64
    public var size: Int
    public var modified: Duration
    public var bytes: [UInt8]

    /// The file on disk is no longer what was read: an edit would be lost by replacing it.
    public struct Changed: Error, CustomStringConvertible {
        public var path: String
        public var what: String
        public var description: String {
            "\(path) changed on disk since quill read it (\(what)); not updated, so that the edit is not lost: "
                + "run update again"
        }
    }

    /// Throws `Changed` unless the file at `path` still has this identity, size, time and content.
    /// Content is compared byte for byte (the read bytes are in memory; stronger than a hash).
    public func verify(_ path: String) throws {
        var info = stat()
        guard stat(path, &info) == 0 else { throw Changed(path: path, what: "it is gone") }
        let now = Self.identity(info)
        if now.device != device || now.inode != inode { throw Changed(path: path, what: "replaced by another file") }
        if now.size != size { throw Changed(path: path, what: "size \(size) -> \(now.size) bytes") }
        if now.modified != modified { throw Changed(path: path, what: "modification time") }
        guard let current = FileManager.default.contents(atPath: path) else {
            throw Changed(path: path, what: "it can no longer be read")
        }
        if !current.elementsEqual(bytes) { throw Changed(path: path, what: "content") }
    }

    static func identity(_ info: stat) -> (device: UInt64, inode: UInt64, size: Int, modified: Duration) {
        #if canImport(Darwin)
        let time = info.st_mtimespec
        #else
        let time = info.st_mtim
        #endif
        return (UInt64(info.st_dev), UInt64(info.st_ino), Int(info.st_size),
                .seconds(Int64(time.tv_sec)) + .nanoseconds(Int64(time.tv_nsec)))
    }
}

/// An exclusive flock on a notebook, held until `release()` (or process exit), with the snapshot read under it.
public final class NotebookLock {
    public let path: String
    public let snapshot: FileSnapshot
    private var fd: Int32

    public struct Failure: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "cannot read \(path): \(reason)" }
    }

    /// Locks `path` (waiting while another process holds it; `waiting` is called once, before the wait) and reads
    /// at most `limit + 1` bytes, so that an oversized notebook is refused by the reader without being read whole.
    public init(_ path: String, limit: Int, waiting: () -> Void = {}) throws {
        self.path = path
        let (fd, held) = try Self.lockCurrentFile(path, waiting: waiting)
        // Temp files that killed updates left beside the notebook (none of ours can be live: we hold the lock).
        // They lie beside the file a symlink names, where AtomicFile writes.
        LitterSweep.sweep(directory: URL(fileURLWithPath: path).resolvingSymlinksInPath().deletingLastPathComponent().path)
        let id = FileSnapshot.identity(held)
        do {
            let bytes = try Self.readAll(fd, upTo: limit + 1, path: path)
            self.fd = fd
            snapshot = FileSnapshot(device: id.device, inode: id.inode, size: id.size, modified: id.modified, bytes: bytes)
        } catch {
            close(fd)
            throw error
        }
    }

    /// A descriptor of the file that `path` names, flocked, and its fstat. Retries when the path was renamed over
    /// while we waited (the lock we got is then on a file that is no longer the notebook).
    private static func lockCurrentFile(_ path: String, waiting: () -> Void) throws -> (Int32, stat) {
        var announced = false
        while true {
            let fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { throw Failure(path: path, reason: String(cString: strerror(errno))) }
            var held = stat(), named = stat()
            do {
                if flock(fd, LOCK_EX | LOCK_NB) != 0 {
                    if !announced { waiting() }
                    announced = true
                    try lockWaiting(fd, path: path)
                }
                guard fstat(fd, &held) == 0 else { throw Failure(path: path, reason: String(cString: strerror(errno))) }
            } catch {
                close(fd)
                throw error
            }
            if stat(path, &named) == 0, named.st_ino == held.st_ino, named.st_dev == held.st_dev { return (fd, held) }
            close(fd)
        }
    }

    private static func lockWaiting(_ fd: Int32, path: String) throws {
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else {
                throw Failure(path: path, reason: "cannot lock it: \(String(cString: strerror(errno)))")
            }
        }
    }

    private static func readAll(_ fd: Int32, upTo limit: Int, path: String) throws -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while bytes.count < limit {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, min($0.count, limit - bytes.count)) }
            if n == 0 { break }
            if n < 0 {
                if errno == EINTR { continue }
                throw Failure(path: path, reason: String(cString: strerror(errno)))
            }
            bytes += chunk[0..<n]
        }
        return bytes
    }

    /// Releases the lock (closing the descriptor); a waiting update then reads the file as this one left it.
    public func release() {
        if fd >= 0 { close(fd) }
        fd = -1
    }

    deinit { release() }
}
