// Issue 17 item 5 through the built `quill`: a real `quill update` killed with SIGKILL mid-write leaves its temp
// file `.NAME.quill-PID-XXXXXX`, which the next update of that folder removes; two concurrent updates of one
// notebook take turns. (The lost-edit refusal is in LostEditTests.swift; the unit cases in NotebookTests.)

import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `quill ARGS` started in `directory` (hash engine, offline), not waited for.
func startQuill(_ arguments: [String], in directory: URL) throws -> (Process, Pipe, Pipe) {
    let process = Process()
    process.executableURL = try quillURL()
    process.arguments = arguments
    process.currentDirectoryURL = directory
    var environment = ProcessInfo.processInfo.environment
    environment["QUILL_ENGINE"] = "hash"
    environment["HF_HUB_OFFLINE"] = "1"
    process.environment = environment
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    return (process, out, err)
}

/// Names in `directory` that are quill temp files.
func tempFiles(in directory: URL) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.contains(".quill-") }
}

/// A cell that keeps the interpreter busy for a while (a million loops: about half a second), then prints.
func slowCell(_ label: String, loops: Int) -> String {
    "```quill\ns = 0\nfor i in range(\(loops)):\n    s += i\nprint(\"\(label)\", s)\n```\n"
}

@Suite(.serialized) struct LitterTests {
    @Test func killedUpdateLeavesATempFileThatTheNextUpdateRemoves() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        // A large notebook (3 MB of prose), so that writing and fsyncing its new version takes a while.
        let prose = String(repeating: "Some prose that makes the notebook large enough to take a while to write.\n\n",
                           count: 40_000)
        let original = "# Big\n\n" + slowCell("a", loops: 1000) + "\n" + prose
        try write(original, "n.md", in: dir)
        var leftover: [String] = []
        for _ in 0..<20 where leftover.isEmpty {
            let (process, _, _) = try startQuill(["update", "n.md"], in: dir)
            // Kill it the moment its temp file appears (it exists only between mkstemp and rename).
            while process.isRunning, tempFiles(in: dir).isEmpty { usleep(50) }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            leftover = tempFiles(in: dir)
            if leftover.isEmpty { try write(original, "n.md", in: dir) }  // it finished first: try again
        }
        try #require(leftover.count == 1, "no update was caught mid-write in 20 tries")
        #expect(leftover[0].hasPrefix(".n.md.quill-"))
        #expect(read("n.md", in: dir) == original, "a killed update must leave the notebook as it was")

        let t = try quill(["update", "n.md"], in: dir)
        #expect(t.status == 0, "\(t.stderr)")
        #expect(tempFiles(in: dir).isEmpty, "left: \(tempFiles(in: dir))")
        #expect(read("n.md", in: dir).contains("```output\na 499500\n```"))
    }

    @Test func concurrentUpdatesOfOneNotebookTakeTurns() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        try write("# Two\n\n" + slowCell("b", loops: 3_000_000), "n.md", in: dir)
        let first = try startQuill(["update", "n.md"], in: dir)
        let second = try startQuill(["update", "n.md"], in: dir)
        var transcripts: [(status: Int32, out: String, err: String)] = []
        for (process, out, err) in [first, second] {
            let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            transcripts.append((process.terminationStatus, stdout, stderr))
        }
        // Both succeed: one writes, the other waits for it, reads its result and finds nothing to change.
        // (Without the lock both would read the old notebook and the second would be refused as a lost edit.)
        #expect(transcripts.map(\.status) == [0, 0], "\(transcripts)")
        #expect(transcripts.map(\.out).sorted() == ["unchanged n.md\n", "updated n.md\n"], "\(transcripts)")
        #expect(transcripts.contains { $0.err.contains("n.md: waiting for another quill update of it to finish") })
        let expected = "# Two\n\n" + slowCell("b", loops: 3_000_000) + "\n```output\nb 4499998500000\n```\n"
        #expect(read("n.md", in: dir) == expected)
        #expect(tempFiles(in: dir).isEmpty)
    }
}
