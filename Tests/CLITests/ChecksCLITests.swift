// The rest of `quill check`'s loop (issue 15, items 2 and 5): the summary of failed, mismatched and not-run cells,
// JUnit with a testcase per cell and times, folder walks that skip Output/, models/, .build/ and hidden folders,
// and a cell timeout that stops a long encode between its batches.

import Foundation
import Testing

@Suite(.serialized) struct ChecksCLITests {
    static let failing = "```quill\nprint(1)\n```\n\n```output\n1\n```\n\n```quill\nprint(nme)\n```\n\n```quill\nprint(2)\n```\n\n```output\n2\n```\n\n```quill\nprint(3)\n```\n"

    @Test func summaryNamesTheFailedCellAndWhyLaterCellsDidNotRun() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        try write(Self.failing, "f.md", in: dir)
        let t = try quill(["check", "f.md", "--junit", "r.xml"], in: dir)
        #expect(t.status == 65)
        #expect(t.stderr.hasSuffix("""
            summary:
              f.md:10:7: failed (the cell at line 9): NameError: name 'nme' is not defined
              f.md:13, f.md:21: not run: the cell at f.md:9 failed (--keep-going runs them)

            """), "\(t.stderr)")
        #expect(t.stdout == "1 notebook: 1 passed, 0 mismatched, 1 failed, 2 skipped\n")
        let xml = read("r.xml", in: dir)
        #expect(xml.contains("<testcase classname=\"f.md\" name=\"cell 3 (line 13)\" time=\"0.000\"><skipped message=\"not run: the cell at f.md:9 failed\"/></testcase>"), "\(xml)")
        #expect(xml.contains("<testsuite name=\"f.md\" tests=\"4\" failures=\"0\" errors=\"1\" skipped=\"2\" time=\""))
        #expect(xml.contains("<testcase classname=\"f.md\" name=\"cell 1 (line 1)\" time=\""))
    }

    @Test func junitHasOneSuitePerNotebookAndThePreciseReport() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        try write("```quill\nprint('a 0.5000 b 0.2500')\n```\n\n```output\na 0.5001 b 0.2600\n```\n", "m.md", in: dir)
        let t = try quill(["check", "m.md", "seed.md", "--junit", "r.xml"], in: dir)
        #expect(t.status == 1)
        #expect(t.stderr.hasPrefix("""
            m.md:5: error: output of the cell at line 1 differs from the expected block
              m.md:6:12: expected 0.2600, got 0.2500 (tolerance 0.0001)
            --- expected
            +++ actual
            -a 0.5001 b 0.2600
            +a 0.5000 b 0.2500

            """), "\(t.stderr)")
        #expect(t.stderr.contains("  m.md:5: mismatched: 1 value outside tolerance, first at m.md:6:12\n"))
        let xml = read("r.xml", in: dir)
        #expect(xml.components(separatedBy: "<testsuite ").count == 3)
        #expect(xml.contains("<failure message=\"m.md:5: output differs; 1 outside tolerance, first m.md:6:12: expected 0.2600, got 0.2500 (tolerance 0.0001)\">  m.md:6:12: expected 0.2600"), "\(xml)")
    }

    @Test func folderWalkSkipsOutputModelsBuildAndHiddenFolders() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fm = FileManager.default
        for folder in ["Output", "models/m", ".build/x", ".hidden", "docs/Output", "docs/more"] {
            try fm.createDirectory(at: dir.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        let broken = "```quill\nprint(1)\n```\n\n```output\n2\n```\n"
        for path in ["Output/seed.md", "models/m/README.md", ".build/x/a.md", ".hidden/b.md", "docs/Output/c.md"] {
            try write(broken, path, in: dir)
        }
        try write(StrictTests.ok, "docs/more/ok.md", in: dir)
        try write(StrictTests.ok, "docs/models.md", in: dir)   // a file named like a skipped folder is read
        try write(read("seed.md", in: dir).replacingOccurrences(of: "4 pairs", with: "3 pairs")
                    .replacingOccurrences(of: "0.9177", with: "0.9176"), "seed.md", in: dir)
        let t = try quill(["check", "."], in: dir)
        #expect(t.status == 0, "\(t.stderr)")
        #expect(t.stdout == "3 notebooks: 4 passed, 0 mismatched, 0 failed, 0 skipped\n")
        #expect(t.stderr.isEmpty, "\(t.stderr)")
        // Named on the command line, a skipped folder is read.
        #expect(try quill(["check", "Output"], in: dir).status == 1)
    }

    /// `#| timeout` stops an encode of 40,000 sentences (tens of seconds) between batches. That it stopped inside
    /// the call, not after it, shows in the output: `print(len(...))` would print 40000 had the encode finished.
    /// stderr is a pipe here, so no progress line may appear even though the encode runs past two seconds.
    @Test(.enabled(if: RealModelTests.modelPresent)) func timeoutInterruptsALongEncode() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createSymbolicLink(at: dir.appendingPathComponent("models"),
                                                   withDestinationURL: RealModelTests.models)
        try write("""
            ```quill
            from sentence_transformers import SentenceTransformer
            model = SentenceTransformer("all-MiniLM-L6-v2")
            ```

            ```quill
            #| timeout: 3
            sentences = [f"sentence {i} about a cat that sits outside in the garden" for i in range(40000)]
            print(len(model.encode(sentences)))
            ```

            """, "long.md", in: dir)
        let t = try quill(["run", "long.md"], in: dir, engine: nil)
        #expect(t.status == 65)
        #expect(t.stderr.hasPrefix("long.md:9:11: error: cell timed out after 3 s (it ran "), "\(t.stderr)")
        #expect(t.stdout == "wrote Output/long.md\n", "\(t.stdout)")
        let output = read("Output/long.md", in: dir)
        #expect(output.contains("```output\nlong.md:9:11: error: cell timed out after 3 s (it ran "), "\(output)")
        #expect(!output.contains("```output\n40000"))
        #expect(!t.stderr.contains("\r") && !t.stderr.contains("\u{1B}"), "\(t.stderr.debugDescription)")
        #expect(!t.stderr.contains("40000") && !t.stderr.contains("40,000"))
    }
}
