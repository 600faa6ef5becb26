// What identifies one version of a file without reading it: size, modification and change times, inode. The cache's
// memo of model-file hashes (Cache/FileHashIndex.swift) and `quill watch` (re-render on save) both compare them.
#if canImport(Glibc)
import Glibc
#endif
import Foundation

struct FileStamp: Equatable {
    var size: Int64
    var modified: Int64   // nanoseconds
    var changed: Int64    // nanoseconds (ctime: set by the kernel on any write or rename, never by a user)
    var inode: UInt64

    init(size: Int64, modified: Int64, changed: Int64, inode: UInt64) {
        self.size = size
        self.modified = modified
        self.changed = changed
        self.inode = inode
    }

    init(_ info: stat) {
        size = Int64(info.st_size)
        #if os(Linux)
        modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
        #else
        modified = Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
        changed = Int64(info.st_ctimespec.tv_sec) * 1_000_000_000 + Int64(info.st_ctimespec.tv_nsec)
        #endif
        inode = UInt64(info.st_ino)
    }

    /// The stamp of the file at `path`, or nil when it cannot be read (missing: watch treats that as a change).
    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        self.init(info)
    }
}
