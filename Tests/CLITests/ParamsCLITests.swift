// `-p NAME=VALUE` on the command line (issue 15, item 3): run overrides declared parameters and records them in
// the output's front matter; an undeclared name is a usage error naming it; check and update refuse -p; and the
// seed tutorial reruns on all-MiniLM-L6-v2, the one model this machine has.

import Foundation
import Testing

@Suite(.serialized) struct ParamsCLITests {
    static let notebook = "---\nparams:\n  n: 2\n  word: cat\n---\n\n```quill\nprint(word * n)\n```\n\n```output\ncatcat\n```\n"

    @Test func runOverridesAndRecords() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        try write(Self.notebook, "p.md", in: dir)
        let t = try quill(["run", "-p", "n=3", "--param", "word=dog", "p.md"], in: dir)
        #expect(t.status == 0, "\(t.stderr)")
        #expect(read("Output/p.md", in: dir)
                == "---\nparams:\n  n: 3\n  word: dog\n---\n\n```quill\nprint(word * n)\n```\n\n```output\ndogdogdog\n```\n")
        // Defaults: the output records them too, and the source never changes.
        #expect(try quill(["run", "p.md"], in: dir).status == 0)
        #expect(read("Output/p.md", in: dir) == Self.notebook)
        #expect(read("p.md", in: dir) == Self.notebook)
        // A later -p of the same name wins, as in papermill.
        #expect(try quill(["run", "-p", "n=1", "-p", "n=2", "-p", "word=ab", "p.md"], in: dir).status == 0)
        #expect(read("Output/p.md", in: dir).contains("```output\nabab\n```"))
    }

    @Test func undeclaredNameIsAUsageErrorNamingIt() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        try write(Self.notebook, "p.md", in: dir)
        let t = try quill(["run", "-p", "model=x", "p.md", "seed.md"], in: dir)
        #expect(t.status == 64)
        #expect(t.stderr == "quill: error: -p model: p.md declares no parameter 'model' (it declares n, word)\n")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("Output").path))
        let seed = try quill(["run", "-p", "n=1", "p.md", "seed.md"], in: dir)
        #expect(seed.status == 64 && seed.stderr.contains("seed.md declares no parameter 'n' (it declares none;"), "\(seed.stderr)")
        #expect(try quill(["run", "-p", "novalue", "p.md"], in: dir).status == 64)
        #expect(try quill(["run", "-p", "=1", "p.md"], in: dir).status == 64)
        try write("print(1)\n", "s.py", in: dir)
        #expect(try quill(["run", "-p", "n=1", "s.py"], in: dir).status == 64)
    }

    @Test func checkAndUpdateRefuseParameters() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        try write(Self.notebook, "p.md", in: dir)
        for command in ["check", "update"] {
            let t = try quill([command, "-p", "n=3", "p.md"], in: dir)
            #expect(t.status == 64, "\(command)")
            #expect(t.stderr.contains("quill \(command) takes no -p") && t.stderr.contains("use `quill run -p"), "\(t.stderr)")
        }
        #expect(read("p.md", in: dir) == Self.notebook)
        #expect(try quill(["check", "p.md"], in: dir).status == 0)
    }

    /// The seed tutorial with `-p model=all-MiniLM-L6-v2`, on the real model. The scores are sentence-transformers'
    /// (RealModelTests' expected block, to four decimals as the notebook prints them).
    @Test(.enabled(if: RealModelTests.modelPresent)) func seedNotebookRerunsWithAnotherModel() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let source = RealModelTests.root.appendingPathComponent("Notebooks/01-bi-encoder.md")
        try FileManager.default.copyItem(at: source, to: dir.appendingPathComponent("01-bi-encoder.md"))
        try FileManager.default.createSymbolicLink(at: dir.appendingPathComponent("models"),
                                                   withDestinationURL: RealModelTests.models)
        let t = try quill(["run", "-p", "model=all-MiniLM-L6-v2", "01-bi-encoder.md"], in: dir, engine: nil)
        #expect(t.status == 0, "\(t.stderr)")
        #expect(t.stdout == "wrote Output/01-bi-encoder.md\n")
        let output = read("Output/01-bi-encoder.md", in: dir)
        #expect(output.hasPrefix("---\nparams:\n  model: all-MiniLM-L6-v2\n---\n"))
        for score in ["0.2838", "-0.0327", "0.8939"] {
            #expect(output.contains("Similarity score: \(score)\n"), "\(score)")
        }
        // Without -p the default model is not on this machine: strict by default.
        #expect(try quill(["run", "01-bi-encoder.md"], in: dir, engine: nil).status == 1)
    }
}
