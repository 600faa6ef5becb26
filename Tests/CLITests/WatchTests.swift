// `quill watch` as a child process: it renders, re-renders when the notebook or a data file it opens is saved,
// keeps watching after a failing cell, and ends with status 130 on SIGINT. Also `--to` of `run`.

import Foundation
import Testing

/// Waits (polling every 50 ms, at most `limit` seconds: a bound on a hang, not a speed check) until `done`.
func waitUntil(_ what: String, limit: Double = 120, _ done: () -> Bool) throws {
    let deadline = Date().addingTimeInterval(limit)
    while !done() {
        try #require(Date() < deadline, "gave up waiting for: \(what)")
        usleep(50_000)
    }
}

@Suite struct WatchTests {
    @Test func rerendersOnSaveAndStopsOnInterrupt() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("quill-watch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try write("# Watched\n\n```quill\nprint(open(\"data.txt\").read().strip())\n```\n", "nb.md", in: dir)
        try write("first\n", "data.txt", in: dir)

        let process = Process()
        process.executableURL = try quillURL()
        process.arguments = ["watch", "--to", "md,html", "nb.md"]
        process.currentDirectoryURL = dir
        var environment = ProcessInfo.processInfo.environment
        environment["QUILL_ENGINE"] = "hash"
        process.environment = environment
        let errURL = dir.appendingPathComponent("stderr.txt"), outURL = dir.appendingPathComponent("stdout.txt")
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: errURL)
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }

        func rendered(_ text: String) -> Bool {
            read("Output/nb.md", in: dir).contains("```output\n\(text)\n```")
                && read("Output/nb.html", in: dir).contains("<pre class=\"output\">\(text)</pre>")
        }
        try waitUntil("the first rendering") { rendered("first") }
        // A data file the cell opens is saved.
        try write("second edition\n", "data.txt", in: dir)
        try waitUntil("the data file's change") { rendered("second edition") }
        // The notebook itself is saved, with a failing cell: the error is printed and watching goes on.
        try write("# Watched\n\n```quill\nprint(nope)\n```\n", "nb.md", in: dir)
        try waitUntil("the error") { read("stderr.txt", in: dir).contains("nb.md:4:7: error: NameError: name 'nope' is not defined") }
        try write("# Watched\n\n```quill\nprint(\"fixed\", open('data.txt').read().strip())\n```\n", "nb.md", in: dir)
        try waitUntil("the fix") { rendered("fixed second edition") }

        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 130)
        let stdout = read("stdout.txt", in: dir)
        #expect(stdout.hasPrefix("watching nb.md (Ctrl-C to stop)\nwrote Output/nb.md\nwrote Output/nb.html\n"), "\(stdout)")
        // Quietly: nothing on stderr but the cell's error.
        #expect(!read("stderr.txt", in: dir).contains("Interrupt"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("Output").path)
        #expect(leftovers.sorted() == ["nb.html", "nb.md"])
    }

    @Test func rerendersWhenAFileWhosePathWasComputedIsSaved() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("quill-watch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("data"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // The path is an f-string: no literal to find before the run; the run itself says what was read.
        try write("# Computed\n\n```quill\nname = \"notes\"\nprint(open(f\"data/{name}.txt\").read().strip())\n```\n", "nb.md", in: dir)
        try write("one\n", "data/notes.txt", in: dir)
        let process = Process()
        process.executableURL = try quillURL()
        process.arguments = ["watch", "nb.md"]
        process.currentDirectoryURL = dir
        var environment = ProcessInfo.processInfo.environment
        environment["QUILL_ENGINE"] = "hash"
        process.environment = environment
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        let rendered = { (text: String) in read("Output/nb.md", in: dir).contains("```output\n\(text)\n```") }
        try waitUntil("the first rendering") { rendered("one") }
        try write("two\n", "data/notes.txt", in: dir)
        try waitUntil("the computed path's change") { rendered("two") }
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
    }

    @Test func watchRefusesAMissingPath() throws {
        let dir = try scratch()
        let t = try quill(["watch", "nope.md"], in: dir)
        #expect(t.status == 1)
        #expect(t.stderr.contains("no such file or folder: nope.md"))
    }

    @Test func runWritesTheFormatsAskedFor() throws {
        let dir = try scratch()
        let both = try quill(["run", "--to", "md,html", "seed.md"], in: dir)
        #expect(both.status == 0, "\(both.stderr)")
        #expect(both.stdout == "wrote Output/seed.md\nwrote Output/seed.html\n")
        #expect(read("Output/seed.html", in: dir).hasPrefix("<!DOCTYPE html>\n"))
        try FileManager.default.removeItem(at: dir.appendingPathComponent("Output"))
        let html = try quill(["run", "--to", "html", "seed.md"], in: dir)
        #expect(html.stdout == "wrote Output/seed.html\n")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("Output/seed.md").path))
        let bad = try quill(["run", "--to", "pdf", "seed.md"], in: dir)
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("--to: unknown format 'pdf' (formats: md, html)"))
    }
}
