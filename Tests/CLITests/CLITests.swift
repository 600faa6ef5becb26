// Transcript tests: run the built `quill` (with QUILL_ENGINE=hash) and check exit status, stdout, stderr and files.

import Foundation
import Testing

struct Transcript {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// The `quill` executable next to this test bundle in the build products folder.
func quillURL() throws -> URL {
    let products = Bundle.module.bundleURL.deletingLastPathComponent()
    let url = products.appendingPathComponent("quill")
    try #require(FileManager.default.isExecutableFile(atPath: url.path), "build quill first: \(url.path)")
    return url
}

func quill(_ arguments: [String], in directory: URL, engine: String? = "hash") throws -> Transcript {
    let process = Process()
    process.executableURL = try quillURL()
    process.arguments = arguments
    process.currentDirectoryURL = directory
    var environment = ProcessInfo.processInfo.environment
    environment["QUILL_ENGINE"] = engine
    // No test reaches the network, and none sees the machine's own model caches.
    environment["HF_HUB_OFFLINE"] = "1"
    let emptyCache = directory.appendingPathComponent(".empty-hf-cache").path
    for key in ["HF_HUB_CACHE", "SENTENCE_TRANSFORMERS_HOME", "HF_HOME"] { environment[key] = emptyCache }
    environment["QUILL_MODEL_PATH"] = nil
    // Nor the user's embedding cache: each test folder has its own (a warm cache would hide timeouts and loads).
    environment["QUILL_CACHE_DIR"] = directory.appendingPathComponent(".quill-cache").path
    process.environment = environment
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Transcript(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
}

/// A scratch folder holding a copy of the fixture notebook.
func scratch() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("quill-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let fixture = try #require(Bundle.module.resourceURL).appendingPathComponent("Fixtures/seed.md")
    try FileManager.default.copyItem(at: fixture, to: dir.appendingPathComponent("seed.md"))
    return dir
}

func write(_ text: String, _ name: String, in dir: URL) throws {
    try Data(text.utf8).write(to: dir.appendingPathComponent(name))
}

func read(_ name: String, in dir: URL) -> String {
    String(decoding: FileManager.default.contents(atPath: dir.appendingPathComponent(name).path) ?? Data(), as: UTF8.self)
}

@Suite(.serialized) struct CLITests {
    @Test func runWritesOutputAndLeavesSource() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let before = read("seed.md", in: dir)
        let t = try quill(["run", "seed.md"], in: dir)
        #expect(t.status == 0, "\(t.stderr)")
        #expect(t.stdout == "wrote Output/seed.md\n")
        #expect(read("seed.md", in: dir) == before)
        let rendered = read("Output/seed.md", in: dir)
        #expect(rendered.contains("Similarity score: 0.9176\n\n```\n\nProse between cells."))
        #expect(rendered.contains("```output\n3 pairs\n```\n"))
    }

    @Test func notebooksOfTheSameNameDoNotOverwriteEachOther() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("other"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: dir.appendingPathComponent("seed.md"),
                                         to: dir.appendingPathComponent("other/seed.md"))
        let t = try quill(["run", "seed.md", "other/seed.md"], in: dir)
        #expect(t.status == 1)
        #expect(t.stdout == "wrote Output/seed.md\n")
        #expect(t.stderr.contains("other/seed.md: not run: its output Output/seed.md is that of seed.md too"), "\(t.stderr)")
        #expect(read("Output/seed.md", in: dir).contains("Similarity score: 0.9176"))
    }

    /// The refusal covers a notebook's figure folder too: Output/NAME_files/ keeps the first notebook's figures.
    @Test func notebooksOfTheSameNameDoNotOverwriteEachOthersFigures() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        for (folder, title) in [("a", "first"), ("b", "second")] {
            try FileManager.default.createDirectory(at: dir.appendingPathComponent(folder), withIntermediateDirectories: true)
            let text = "# F\n\n```python quill\nheatmap([[1, 2], [3, 4]], title=\"\(title)\")\n```\n"
            try text.write(to: dir.appendingPathComponent("\(folder)/fig.md"), atomically: true, encoding: .utf8)
        }
        let t = try quill(["run", "a/fig.md", "b/fig.md"], in: dir)
        #expect(t.status == 1)
        #expect(t.stderr.contains("b/fig.md: not run: its output Output/fig.md is that of a/fig.md too"), "\(t.stderr)")
        let figures = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("Output/fig_files").path)
        #expect(figures.count == 1)
        let svg = read("Output/fig_files/\(figures.first ?? "")", in: dir)
        #expect(svg.contains(">first<") && !svg.contains("second"))
    }

    @Test func checkReportsMismatchesWithDiffAndJUnit() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let before = read("seed.md", in: dir)
        let t = try quill(["check", "seed.md", "--junit", "report.xml"], in: dir)
        #expect(t.status == 1)
        // 0.9177 vs 0.9176 is within one unit in the last digit; "4 pairs" vs "3 pairs" is not.
        #expect(t.stderr == """
            seed.md:43: error: output of the cell at line 39 differs from the expected block
              seed.md:44:1: expected 4, got 3 (tolerance 0)
            --- expected
            +++ actual
            -4 pairs
            +3 pairs

            summary:
              seed.md:43: mismatched: 1 value outside tolerance, first at seed.md:44:1

            """)
        #expect(t.stdout == "1 notebook: 1 passed, 1 mismatched, 0 failed, 0 skipped\n")
        #expect(read("seed.md", in: dir) == before)
        let xml = read("report.xml", in: dir)
        #expect(xml.contains("<testsuite name=\"seed.md\" tests=\"2\" failures=\"1\" errors=\"0\" skipped=\"0\" time=\""))
        #expect(xml.contains("<failure message=\"seed.md:43: output differs; 1 outside tolerance, first seed.md:44:1: expected 4, got 3 (tolerance 0)\">  seed.md:44:1: expected 4, got 3 (tolerance 0)\n--- expected\n+++ actual\n-4 pairs\n+3 pairs\n</failure>"))
    }

    @Test func updateRewritesOnlyOutputBlocksAndIsIdempotent() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let before = read("seed.md", in: dir)
        let first = try quill(["update", "seed.md"], in: dir)
        #expect(first.status == 0 && first.stdout == "updated seed.md\n", "\(first.stderr)")
        let after = read("seed.md", in: dir)
        #expect(after == before.replacingOccurrences(of: "0.9177", with: "0.9176").replacingOccurrences(of: "4 pairs", with: "3 pairs"))
        let second = try quill(["update", "seed.md"], in: dir)
        #expect(second.stdout == "unchanged seed.md\n")
        #expect(read("seed.md", in: dir) == after)
        #expect(try quill(["check", "."], in: dir).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["seed.md"])
    }

    @Test func failingCellStopsTheNotebook() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        try write("```quill\nname = \"a\"\nprint(name)\nprint(nme)\n```\n\n```quill\nprint(\"b\")\n```\n", "bad.md", in: dir)
        let t = try quill(["run", "bad.md"], in: dir)
        #expect(t.status == 65)
        let error = """
            bad.md:4:7: error: NameError: name 'nme' is not defined
                4 | print(nme)
                  |       ^
              hint: did you mean 'name'?

            """
        #expect(t.stderr == error)
        let rendered = read("Output/bad.md", in: dir)
        #expect(rendered.contains("```output\na\n" + error + "```\n"))
        #expect(rendered.contains("```output\nnot run: an earlier cell failed or a model was unavailable\n```\n"))
        let keepGoing = try quill(["run", "--keep-going", "bad.md"], in: dir)
        #expect(keepGoing.status == 65)
        #expect(read("Output/bad.md", in: dir).contains("```output\nb\n```\n"))
        let update = try quill(["update", "bad.md"], in: dir)
        #expect(update.status == 65 && update.stderr.hasSuffix("bad.md: not updated\n"))
    }

    @Test func unavailableModelSkipsOnlyThatNotebook() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        try write("```quill\nfrom sentence_transformers import SentenceTransformer\nm = SentenceTransformer(\"unavailable/big-model\")\n```\n",
                  "a-offline.md", in: dir)
        try write("```quill\nprint(1)\n```\n\n```output\n1\n```\n", "b-ok.md", in: dir)
        let t = try quill(["check", "--allow-missing-models", "a-offline.md", "b-ok.md"], in: dir)
        #expect(t.status == 0)
        #expect(t.stderr == "a-offline.md: notebook not run: model unavailable/big-model unavailable (searched (hash engine); marked unavailable)\n")
        #expect(t.stdout == "2 notebooks: 1 passed, 0 mismatched, 0 failed, 0 skipped, 1 not run\n")
        #expect(try quill(["check", "a-offline.md", "b-ok.md"], in: dir).status == 1)
        #expect(try quill(["run", "--allow-missing-models", "a-offline.md", "b-ok.md"], in: dir).status == 0)
        #expect(try quill(["run", "a-offline.md", "b-ok.md"], in: dir).status == 1)
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("Output/b-ok.md").path))
    }

    @Test func badInputIsAClearError() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data([0x61, 0x0A, 0x62, 0xFF, 0x0A]).write(to: dir.appendingPathComponent("latin1.md"))
        let t = try quill(["check", "latin1.md"], in: dir)
        #expect(t.status == 65)
        #expect(t.stderr.hasPrefix("latin1.md:2:2: error: invalid UTF-8 (byte 0xFF at offset 3)\n  hint: save the notebook as UTF-8"))
        try write("```quill\nprint(1)\n", "open.md", in: dir)
        #expect(try quill(["run", "open.md"], in: dir).stderr.hasPrefix("open.md:1:1: error: unterminated code fence"))
    }

    @Test func usageErrorsExit64() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try quill(["run"], in: dir).status == 64)
        #expect(try quill(["check", "nowhere.md"], in: dir).status == 1)   // a file error, not usage
        #expect(try quill(["run", "--timeout", "0", "seed.md"], in: dir).status == 64)
    }

    @Test func realEngineOfflineReportsTheModelAndWhereItLooked() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        try write("```python quill\nfrom sentence_transformers import SentenceTransformer\n"
                  + "bi = SentenceTransformer('paraphrase-distilroberta-base-v1')\n```\n", "offline.md", in: dir)
        let t = try quill(["run", "--allow-missing-models", "offline.md", "seed.md"], in: dir, engine: nil)
        #expect(t.status == 0)
        #expect(t.stderr.hasPrefix("offline.md: notebook not run: model sentence-transformers/paraphrase-distilroberta-base-v1 unavailable"), "\(t.stderr)")
        #expect(t.stderr.contains(".empty-hf-cache") && t.stderr.contains("HF_HUB_OFFLINE") && t.stderr.contains("quill fetch"), "\(t.stderr)")
        #expect(t.stdout == "wrote Output/seed.md\n")
        #expect(try quill(["run", "offline.md"], in: dir, engine: nil).status == 1)
    }
}
