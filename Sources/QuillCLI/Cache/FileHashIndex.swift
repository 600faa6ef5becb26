// The memo of large local files' SHA-256 (ModelFingerprint): one line per file, `hash size mtime ctime inode path`
// separated by tabs, in the cache folder. A line counts only while every stamp still matches the file. The file is
// rewritten whole (temporary file + rename) when a hash was added; two processes that add at once may lose one
// line, which only costs a rehash later. Lines that do not parse are ignored.
#if canImport(Glibc)
import Glibc
#endif
import Foundation

final class FileHashIndex: @unchecked Sendable {   // used under ModelFingerprints' lock
    let url: URL
    private var lines: [String: (stamp: FileStamp, hash: String)]?
    private var changed = false

    /// Lines kept at most (the oldest dropped), so that the memo stays small.
    static let lineLimit = 4096

    init(url: URL) {
        self.url = url
    }

    func hash(path: String, stamp: FileStamp) -> String? {
        guard let known = loaded()[path], known.stamp == stamp else { return nil }
        return known.hash
    }

    func record(path: String, stamp: FileStamp, hash: String) {
        var table = loaded()
        table[path] = (stamp, hash)
        lines = table
        changed = true
    }

    /// Writes the memo if something was added.
    func save() {
        guard changed, let table = lines else { return }
        changed = false
        let text = table.prefix(Self.lineLimit).map { entry in
            let s = entry.value.stamp
            return "\(entry.value.hash)\t\(s.size)\t\(s.modified)\t\(s.changed)\t\(s.inode)\t\(entry.key)\n"
        }.joined()
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = url.path + ".tmp-\(getpid())"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8)),
              rename(temporary, url.path) == 0 else {
            unlink(temporary)
            return
        }
    }

    private func loaded() -> [String: (stamp: FileStamp, hash: String)] {
        if let lines { return lines }
        var table: [String: (stamp: FileStamp, hash: String)] = [:]
        let text = (FileManager.default.contents(atPath: url.path)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        for line in text.split(separator: "\n") {
            let f = line.split(separator: "\t", maxSplits: 5, omittingEmptySubsequences: false)
            guard f.count == 6, f[0].count == 64, let size = Int64(f[1]), let modified = Int64(f[2]),
                  let changed = Int64(f[3]), let inode = UInt64(f[4]) else { continue }
            table[String(f[5])] = (FileStamp(size: size, modified: modified, changed: changed, inode: inode), String(f[0]))
        }
        lines = table
        return table
    }
}
