// Issue 17 item 5: an edit made to a notebook while `quill update` runs is never lost. The update reads the notebook
// under its lock, runs a slow cell, and refuses the rename (exit 1) because the file changed on disk meanwhile.

import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite(.serialized) struct LostEditTests {
    /// True while another process holds the notebook's update lock (flock on the file).
    func isLocked(_ url: URL) -> Bool {
        let fd = open(url.path, O_RDONLY)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        if flock(fd, LOCK_EX | LOCK_NB) == 0 {
            _ = flock(fd, LOCK_UN)
            return false
        }
        return errno == EWOULDBLOCK
    }

    @Test(arguments: ["in place", "by rename"])
    func editDuringUpdateIsKeptAndTheUpdateRefused(_ how: String) throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("n.md")
        try write("# Edit\n\n" + slowCell("c", loops: 5_000_000), "n.md", in: dir)
        let (process, out, err) = try startQuill(["update", "n.md"], in: dir)
        // Wait until quill holds the lock (it reads the notebook right after taking it), then edit the notebook.
        while process.isRunning, !isLocked(url) { usleep(1000) }
        usleep(100_000)
        try #require(process.isRunning, "the slow cell finished before the edit")
        let edited = "# Edited by hand\n\n" + slowCell("c", loops: 5_000_000)
        if how == "in place" {
            try Data(edited.utf8).write(to: url)                    // truncate and write: same inode
        } else {
            try Data(edited.utf8).write(to: url, options: .atomic)  // an editor's save: a new inode
        }
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1, "\(stdout)\(stderr)")
        #expect(stderr.contains("n.md changed on disk since quill read it"), "\(stderr)")
        #expect(stderr.contains("not updated, so that the edit is not lost"), "\(stderr)")
        #expect(!stdout.contains("updated n.md"))
        #expect(read("n.md", in: dir) == edited)
        #expect(tempFiles(in: dir).isEmpty)
    }
}
