// Atomic file replacement: temp file in the same folder, fsync, rename. Symlinks are followed (the link stays,
// its target is replaced) and the file's mode is kept. On any failure the original is intact and the temp removed.
// The temp file is `.NAME.quill-PID-XXXXXX`, locked (flock) while it is written, so that the next write into that
// folder can tell the litter of a killed process from a live one's work (LitterSweep.swift). With `unchangedSince`,
// the rename happens only if the file on disk is still the one that was read (FileSnapshot, below).

import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public enum AtomicFile {
    public struct WriteError: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "cannot write \(path): \(reason)" }
    }

    /// The temp-file template beside `name` in `directory`: `.NAME.quill-PID-XXXXXX` (mkstemp fills the X's).
    public static func template(directory: String, name: String) -> String {
        "\(directory.isEmpty ? "." : directory)/.\(name).quill-\(getpid())-XXXXXX"
    }

    /// Replaces `path` with `bytes`. Throws `FileSnapshot.Changed` (and leaves the file as it is) when
    /// `unchangedSince` is given and the file no longer matches it just before the rename.
    public static func write(_ bytes: [UInt8], to path: String, unchangedSince snapshot: FileSnapshot? = nil) throws {
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        let directory = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        LitterSweep.sweep(directory: directory.isEmpty ? "." : directory)
        var mode: mode_t = 0o644
        var info = stat()
        if stat(target, &info) == 0 { mode = info.st_mode & 0o7777 }

        var template = Array(template(directory: directory, name: name).utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkstemp($0) } ?? -1 }
        guard fd >= 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        // Held until close: a sweep never removes a temp file whose writer is alive, even in another PID namespace.
        _ = flock(fd, LOCK_EX | LOCK_NB)
        let tempPath = String(decoding: template.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var ok = false
        defer {
            if !ok { unlink(tempPath) }
        }
        do {
            defer { close(fd) }
            var written = 0
            while written < bytes.count {
                let n = bytes[written...].withUnsafeBytes { systemWrite(fd, $0.baseAddress, $0.count) }
                if n < 0 {
                    if errno == EINTR { continue }
                    throw WriteError(path: path, reason: String(cString: strerror(errno)))
                }
                written += n
            }
            guard fchmod(fd, mode) == 0, fsync(fd) == 0 else {
                throw WriteError(path: path, reason: String(cString: strerror(errno)))
            }
            if let snapshot { try snapshot.verify(target) }
        }
        guard rename(tempPath, target) == 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        ok = true
        let dirFD = open(directory.isEmpty ? "." : directory, O_RDONLY)
        if dirFD >= 0 {
            _ = fsync(dirFD)
            close(dirFD)
        }
    }
}

#if canImport(Glibc)
private let systemWrite = Glibc.write
#else
private let systemWrite = Darwin.write
#endif
