import Foundation
import Testing
@testable import QuillNotebook

@Suite struct UpdateTests {
    func update(_ bytes: [UInt8]) -> [UInt8] {
        let notebook = Notebook(path: "n.md", bytes: bytes)
        #expect(!notebook.hasErrors, "\(notebook.diagnostics)")
        return Renderer.renderUpdate(Runner(host: HashEngine()).run(notebook, directory: URL(fileURLWithPath: "/tmp")))
    }

    static let sources = [
        "# T\n\n```quill\nprint(\"a\")\n```\n\nEnd *prose*  \n",
        "```quill\nprint(\"a\")\n```",                                                   // no final newline
        "# T\r\n\r\n```quill\r\nprint(\"a\")\r\nprint(1)\r\n```\r\n\r\ntail\r\n",        // CRLF
        "\u{FEFF}# T\n\n```quill\nprint(\"a\")\n```\n",                                    // BOM
        "# T\r```quill\rprint(\"a\")\r```\r",                                              // lone CR
        "---\ntitle: x\ntolerance: 1e-3\n---\n\n```quill\nprint(0.5)\n```\n",               // front matter
        "```quill\nprint(\"a\")\n```\n\n```output\nold\n```\n\n~~~ output\nunrelated\n~~~\n",
        "  ```quill\n  print(\"indented\")\n  ```\n",
        "```quill\nx = 1\n```\n\n```quill\n#| check: false\nprint(\"t\")\n```\n\n```output\nvolatile\n```\n",
    ]

    @Test(arguments: sources)
    func idempotentAndBytePreserving(_ source: String) {
        let original = Array(source.utf8)
        let once = update(original)
        let twice = update(once)
        #expect(once == twice, "second update changed:\n\(String(decoding: twice, as: UTF8.self))")
        // Every byte outside output blocks stays: removing the output blocks of `once` gives back the original's.
        // (A file ending without a line break gets one after the last cell.)
        let terminated = original.last == UInt8(ascii: "`") ? original + [0x0A] : original
        #expect(stripOutputs(once) == stripOutputs(terminated))
        // The fresh notebook now checks clean.
        let notebook = Notebook(path: "n.md", bytes: once)
        let checks = Checker.check(Runner(host: HashEngine()).run(notebook, directory: URL(fileURLWithPath: "/tmp")))
        #expect(checks.allSatisfy { $0.verdict == .match || $0.verdict == .skipped })
    }

    /// The file with each cell's output block (and the blank lines before it) removed.
    func stripOutputs(_ bytes: [UInt8]) -> [UInt8] {
        let notebook = Notebook(path: "n.md", bytes: bytes)
        var out: [UInt8] = []
        var cursor = 0
        for cell in notebook.cells {
            guard let output = cell.output else { continue }
            out += bytes[cursor..<cell.block.byteRange.upperBound]
            cursor = output.byteRange.upperBound
        }
        out += bytes[cursor...]
        return out
    }

    @Test func crlfOutputUsesCRLF() {
        let once = String(decoding: update(Array("```quill\r\nprint(\"a\")\r\n```\r\n".utf8)), as: UTF8.self)
        #expect(once == "```quill\r\nprint(\"a\")\r\n```\r\n\r\n```output\r\na\r\n```\r\n")
    }

    @Test func unchangedBlockKeepsItsBytes() {
        let source = "```quill\nprint(\"a\")\n```\n\n~~~~ output\na\n~~~~\n"
        #expect(update(Array(source.utf8)) == Array(source.utf8))
    }

    @Test func volatileCellKeepsStoredBlock() {
        let source = "```quill\n#| check: false\nprint(\"new\")\n```\n\n```output\nold\n```\n"
        #expect(update(Array(source.utf8)) == Array(source.utf8))
    }

    @Test func atomicWriteFollowsSymlinkAndKeepsMode() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("quill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("real.md").path
        let link = dir.appendingPathComponent("link.md").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: target))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: target)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real.md")
        try AtomicFile.write(Array("new".utf8), to: link)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "real.md")
        #expect(FileManager.default.contents(atPath: target) == Data("new".utf8))
        let mode = try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["link.md", "real.md"])
    }

    @Test func atomicWriteFailureLeavesNoTemp() throws {
        #expect(throws: AtomicFile.WriteError.self) { try AtomicFile.write([1], to: "/nonexistent-quill-dir/x.md") }
    }

    // MARK: litter and lost edits (issue 17 item 5; the killed child process and two real updates are in CLITests)

    func scratchFolder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("quill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// The PID of a process that has exited and been reaped.
    func deadPID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    @Test func tempNamesCarryTheWritersPID() {
        #expect(LitterSweep.ownerPID(ofTempName: ".n.md.quill-4242-aB3xYz") == 4242)
        #expect(LitterSweep.ownerPID(ofTempName: ".a.quill-b.md.quill-7-000000") == 7)
        for name in [".n.md.quill-aB3xYz", "n.md.quill-4242-aB3xYz", ".n.md.quill-4242-aB3xY", ".n.md.quill--aB3xYz",
                     ".n.md.quill-0-aB3xYz", ".quill-4242-aB3xYz", ".n.md.quill-4242-aB3x.z", "n.md"] {
            #expect(LitterSweep.ownerPID(ofTempName: name) == nil, "\(name)")
        }
        #expect(AtomicFile.template(directory: "/d", name: "n.md") == "/d/.n.md.quill-\(getpid())-XXXXXX")
    }

    @Test func sweepRemovesOnlyTheTempFilesOfDeadUnlockedWriters() throws {
        let dir = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let dead = try deadPID()
        let names = [".n.md.quill-\(dead)-abc123", ".n.md.quill-\(getpid())-abc123", ".n.md.quill-\(dead)-locked",
                     ".n.md.quill-abc123", "n.md.quill-\(dead)-abc123", "n.md"]
        for name in names { try Data("x".utf8).write(to: dir.appendingPathComponent(name)) }
        let held = open(dir.appendingPathComponent(".n.md.quill-\(dead)-locked").path, O_RDONLY)
        defer { close(held) }
        #expect(flock(held, LOCK_EX) == 0)
        #expect(LitterSweep.sweep(directory: dir.path) == [".n.md.quill-\(dead)-abc123"])
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(left == names.dropFirst().sorted())
    }

    @Test func changedNotebookIsNotReplaced() throws {
        let dir = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("n.md").path
        for change in ["content", "size", "modification time", "replaced by another file"] {
            try Data("# one\n".utf8).write(to: URL(fileURLWithPath: path))
            let lock = try NotebookLock(path, limit: 1 << 20)
            #expect(lock.snapshot.bytes == Array("# one\n".utf8))
            switch change {
            case "content": try Data("# two\n".utf8).write(to: URL(fileURLWithPath: path))
            case "size": try Data("# three\n".utf8).write(to: URL(fileURLWithPath: path))
            case "modification time": #expect(utimes(path, nil) == 0)  // same bytes, touched
            default: try Data("# one\n".utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            }
            let kept = FileManager.default.contents(atPath: path)
            #expect(throws: FileSnapshot.Changed.self, "\(change)") {
                try AtomicFile.write(Array("# updated\n".utf8), to: path, unchangedSince: lock.snapshot)
            }
            lock.release()
            #expect(FileManager.default.contents(atPath: path) == kept, "\(change)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["n.md"])
        // Unchanged: replaced.
        let lock = try NotebookLock(path, limit: 1 << 20)
        try AtomicFile.write(Array("# updated\n".utf8), to: path, unchangedSince: lock.snapshot)
        #expect(FileManager.default.contents(atPath: path) == Data("# updated\n".utf8))
    }

    @Test func secondLockWaitsThenReadsTheReplacedFile() throws {
        let dir = try scratchFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("n.md").path
        try Data("old\n".utf8).write(to: URL(fileURLWithPath: path))
        let first = try NotebookLock(path, limit: 1 << 20)
        let waiting = DispatchSemaphore(value: 0), done = DispatchSemaphore(value: 0)
        let read = Box()
        Thread.detachNewThread {
            read.bytes = try? NotebookLock(path, limit: 1 << 20) { waiting.signal() }.snapshot.bytes
            done.signal()
        }
        waiting.wait()  // the second lock found the file locked
        try AtomicFile.write(Array("new\n".utf8), to: path, unchangedSince: first.snapshot)
        first.release()
        done.wait()
        // It waited on the old inode; the rename gave the path a new one, which it then locked and read.
        #expect(read.bytes == Array("new\n".utf8))
    }

    final class Box: @unchecked Sendable {
        var bytes: [UInt8]?  // written by the thread before `done` is signalled, read after
    }
}
