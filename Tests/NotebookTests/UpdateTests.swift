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
}
