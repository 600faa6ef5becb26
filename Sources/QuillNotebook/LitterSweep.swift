// Removes the temp files that a killed `quill update` or `quill run` left beside its notebooks or outputs.
//
// AtomicFile writes `.NAME.quill-PID-XXXXXX` and holds an flock on it until it is renamed or removed; SIGKILL
// skips both, and the file stays. Before each write into a folder, that folder is swept: a temp file is removed
// only when (1) its name has exactly that form, (2) no process has that PID, and (3) nobody holds its lock. (2)
// keeps a live writer's file even if (3) loses a race with its mkstemp-then-flock; (3) keeps it even where PIDs
// are not comparable (another PID namespace sharing the folder). Nothing else in the folder is touched.

import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public enum LitterSweep {
    /// The PID in a temp file's name `.NAME.quill-PID-XXXXXX`, or nil when the name is not one of ours.
    public static func ownerPID(ofTempName name: String) -> pid_t? {
        let bytes = Array(name.utf8)
        guard bytes.count > 8, bytes.first == UInt8(ascii: "."), bytes.count >= 7 else { return nil }
        // The suffix: "-" and mkstemp's six characters.
        let suffix = bytes[(bytes.count - 7)...]
        guard suffix.first == UInt8(ascii: "-"),
              suffix.dropFirst().allSatisfy({ isAlphanumeric($0) }) else { return nil }
        let head = bytes[..<(bytes.count - 7)]  // ".NAME.quill-PID"
        guard let marker = head.lastRange(of: Array(".quill-".utf8)) else { return nil }
        let digits = head[marker.upperBound...]
        guard marker.lowerBound > 1, !digits.isEmpty, digits.count <= 10,
              digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
              let pid = pid_t(String(decoding: digits, as: UTF8.self)), pid > 0 else { return nil }
        return pid
    }

    /// Removes the temp files of dead writers in `directory`; returns their names. Errors are ignored: the sweep
    /// is best effort and must never fail the write that triggered it.
    @discardableResult
    public static func sweep(directory: String) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        var removed: [String] = []
        for name in names where name.hasPrefix(".") && name.contains(".quill-") {
            guard let pid = ownerPID(ofTempName: name), !isAlive(pid) else { continue }
            let path = (directory as NSString).appendingPathComponent(name)
            let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
            guard fd >= 0 else { continue }
            var info = stat()
            let isRegular = fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
            if isRegular, flock(fd, LOCK_EX | LOCK_NB) == 0, unlink(path) == 0 { removed.append(name) }
            close(fd)
        }
        return removed
    }

    /// Whether a process with this PID exists (EPERM: it exists but is someone else's).
    static func isAlive(_ pid: pid_t) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }

    private static func isAlphanumeric(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }
}

extension ArraySlice where Element == UInt8 {
    /// The last occurrence of `needle`, as a range of this slice's indices.
    fileprivate func lastRange(of needle: [UInt8]) -> Range<Int>? {
        guard count >= needle.count else { return nil }
        var start = endIndex - needle.count
        while start >= startIndex {
            if self[start..<(start + needle.count)].elementsEqual(needle) { return start..<(start + needle.count) }
            start -= 1
        }
        return nil
    }
}
