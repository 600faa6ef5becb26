// `quill run FILE.py`: a Python file runs as one cell; its output goes to stdout, its error to stderr as
// FILE:LINE:COL, and no Output/ file is written.

import Foundation
import Testing

@Suite(.serialized) struct ScriptTests {
    @Test func printsToStdoutAndWritesNothing() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        try write("print(\"hello\")\nprint(1, 2)\n", "demo.py", in: dir)
        let t = try quill(["run", "demo.py"], in: dir)
        #expect(t.status == 0, "\(t.stderr)")
        #expect(t.stdout == "hello\n1 2\n")
        #expect(t.stderr == "")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["demo.py", "seed.md"])
    }

    @Test func failingScriptExits65WithThePositionInTheFile() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try write("print(\"before\")\nprint(nme)\nprint(\"after\")\n", "sub/bad.py", in: dir)
        let t = try quill(["run", "sub/bad.py"], in: dir)
        #expect(t.status == 65)
        #expect(t.stdout == "before\n")
        #expect(t.stderr == "sub/bad.py:2:7: error: NameError: name 'nme' is not defined\n    2 | print(nme)\n      |       ^\n",
                "\(t.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("Output").path))
    }

    @Test func scriptsAndNotebooksRunTogether() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        try write("print(\"from the script\")\n", "a.py", in: dir)
        let t = try quill(["run", "a.py", "seed.md"], in: dir)
        #expect(t.status == 0, "\(t.stderr)")
        #expect(t.stdout == "from the script\nwrote Output/seed.md\n")
    }

    @Test func unavailableModelFailsTheScript() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        try write("from sentence_transformers import SentenceTransformer\nm = SentenceTransformer(\"unavailable/big-model\")\n",
                  "offline.py", in: dir)
        let t = try quill(["run", "offline.py"], in: dir)
        #expect(t.status == 1)
        #expect(t.stderr == "offline.py: not run: model unavailable/big-model unavailable (searched (hash engine); marked unavailable)\n")
    }

    @Test func badBytesAndCheckOnAScriptAreClearErrors() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data([0x61, 0x0A, 0x62, 0xFF, 0x0A]).write(to: dir.appendingPathComponent("latin1.py"))
        let t = try quill(["run", "latin1.py"], in: dir)
        #expect(t.status == 65)
        #expect(t.stderr.hasPrefix("latin1.py:2:2: error: invalid UTF-8 (byte 0xFF at offset 3)"))
        let check = try quill(["check", "latin1.py"], in: dir)
        #expect(check.status == 64)
        #expect(check.stderr.contains("latin1.py: quill check works on notebooks; run a Python file with quill run"))
        #expect(try quill(["run", "missing.py"], in: dir).status == 1)   // a file error (issue 15), not usage
    }
}
