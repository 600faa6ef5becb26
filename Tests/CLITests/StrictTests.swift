// Strict by default (issue 15, item 1): a missing model fails run, check and update unless --allow-missing-models;
// a check that compared nothing fails; a missing path is a file error (1); a path-like model name gets a hint about
// that path.

import Foundation
import Testing

@Suite(.serialized) struct StrictTests {
    static let offline = "```quill\nfrom sentence_transformers import SentenceTransformer\nm = SentenceTransformer(\"unavailable/big-model\")\nprint(1)\n```\n\n```output\n1\n```\n"
    static let ok = "```quill\nprint(1)\n```\n\n```output\n1\n```\n"

    @Test func missingModelFailsEveryCommandByDefault() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        try write(Self.offline, "offline.md", in: dir)
        for command in ["run", "check", "update"] {
            let t = try quill([command, "offline.md"], in: dir)
            #expect(t.status == 1, "\(command): \(t.stderr)")
            #expect(t.stderr.contains("offline.md: notebook not run: model unavailable/big-model unavailable"), "\(t.stderr)")
            let allowed = try quill([command, "--allow-missing-models", "offline.md"], in: dir)
            #expect(allowed.status == 0, "\(command) --allow-missing-models: \(allowed.stderr)")
            #expect(allowed.stderr.contains("notebook not run"), "\(allowed.stderr)")
        }
        #expect(read("offline.md", in: dir) == Self.offline)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("Output/offline.md").path))
    }

    @Test func requireModelsIsGone() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try quill(["check", "--require-models", "seed.md"], in: dir).status == 64)
    }

    @Test func allowedMissingModelDoesNotHideOtherFailures() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        try write(Self.offline, "a.md", in: dir)
        try write("```quill\nprint(2)\n```\n\n```output\n1\n```\n", "b.md", in: dir)
        let t = try quill(["check", "--allow-missing-models", "a.md", "b.md"], in: dir)
        #expect(t.status == 1)
        #expect(t.stdout == "2 notebooks: 0 passed, 1 mismatched, 0 failed, 0 skipped, 1 not run\n")
    }

    @Test func checkThatComparedNothingFails() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        try write("# Just prose\n\n```python\nprint(1)\n```\n", "prose.md", in: dir)
        try write("```quill\n#| check: false\nprint(1)\n```\n\n```output\n1\n```\n", "unchecked.md", in: dir)
        for name in ["prose.md", "unchecked.md"] {
            for flags in [[], ["--allow-missing-models"]] {
                let t = try quill(["check"] + flags + [name], in: dir)
                #expect(t.status == 1, "\(name): \(t.stdout)")
                #expect(t.stderr.contains("no cell was compared"), "\(t.stderr)")
            }
        }
        #expect(try quill(["check", "empty-folder"], in: dir).status == 1)   // no such folder
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("empty"), withIntermediateDirectories: true)
        let empty = try quill(["check", "empty"], in: dir)
        #expect(empty.status == 1 && empty.stderr.contains("no notebook found"), "\(empty.stderr)")
        // Every notebook skipped for its model under --allow-missing-models: nothing to compare, no failure.
        try write(Self.offline, "offline.md", in: dir)
        #expect(try quill(["check", "--allow-missing-models", "offline.md"], in: dir).status == 0)
        // One skipped, one with nothing to compare: still nothing verified.
        #expect(try quill(["check", "--allow-missing-models", "offline.md", "prose.md"], in: dir).status == 1)
        try write(Self.ok, "ok.md", in: dir)
        #expect(try quill(["check", "ok.md", "prose.md"], in: dir).status == 0)
        #expect(try quill(["check", "--allow-missing-models", "ok.md", "offline.md"], in: dir).status == 0)
    }

    @Test func missingPathIsAFileError() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        for command in ["run", "check", "update"] {
            let t = try quill([command, "nowhere.md"], in: dir)
            #expect(t.status == 1, "\(command)")
            #expect(t.stderr == "quill: error: no such file or folder: nowhere.md\n", "\(t.stderr)")
        }
        #expect(try quill(["run"], in: dir).status == 64)
        #expect(try quill(["run", "--timeout", "0", "seed.md"], in: dir).status == 64)
    }

    @Test func failingCellIs65EvenWithAMissingModelElsewhere() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        try write(Self.offline, "a.md", in: dir)
        try write("```quill\nprint(nme)\n```\n", "b.md", in: dir)
        #expect(try quill(["run", "a.md", "b.md"], in: dir).status == 65)
        #expect(try quill(["check", "a.md", "b.md"], in: dir).status == 65)
    }

    @Test func pathLikeModelNameGetsAHintAboutThatPath() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("models"), withIntermediateDirectories: true)
        let base = dir.standardizedFileURL.path
        let cases: [(String, String)] = [
            ("./models/nope", "no model folder at \(base)/models/nope"),
            ("\(base)/elsewhere/nope", "no model folder at \(base)/elsewhere/nope"),
            ("models/x", "no model folder at \(base)/models/x"),
        ]
        for (name, expected) in cases {
            try write("```quill\nfrom sentence_transformers import SentenceTransformer\nm = SentenceTransformer(\"\(name)\")\n```\n\n```output\n```\n", "p.md", in: dir)
            let t = try quill(["check", "p.md"], in: dir, engine: nil)
            #expect(t.status == 1, "\(name): \(t.stderr)")
            #expect(t.stderr.contains(expected), "\(name): \(t.stderr)")
            #expect(!t.stderr.contains("./models/./models") && !t.stderr.contains("./models/\(name)"), "\(name): \(t.stderr)")
        }
    }
}

@Suite(.serialized) struct OtherDirectoryTests {
    /// Run from a folder other than the notebook's, a model that is not in that folder's ./models fails the command
    /// (exit 1) instead of passing without checking; with it there, the notebook is checked. The expected width is
    /// the model's own config.json.
    @Test(.enabled(if: RealModelTests.modelPresent)) func runFromAnotherFolderIsStrict() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = try JSONSerialization.jsonObject(with: Data(contentsOf: RealModelTests.models
            .appendingPathComponent("all-MiniLM-L6-v2/config.json"))) as? [String: Any]
        let width = try #require(config?["hidden_size"] as? Int)
        let fm = FileManager.default
        try fm.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try write("```quill\nfrom sentence_transformers import SentenceTransformer\n"
                  + "print(SentenceTransformer(\"all-MiniLM-L6-v2\").get_sentence_embedding_dimension())\n```\n\n"
                  + "```output\n\(width)\n```\n", "sub/nb.md", in: dir)
        let missing = try quill(["check", "sub/nb.md"], in: dir, engine: nil)
        #expect(missing.status == 1 && missing.stderr.contains("notebook not run"), "\(missing.stderr)")
        try fm.createSymbolicLink(at: dir.appendingPathComponent("models"), withDestinationURL: RealModelTests.models)
        let found = try quill(["check", "sub/nb.md"], in: dir, engine: nil)
        #expect(found.status == 0, "\(found.stderr)")
        #expect(found.stdout == "1 notebook: 1 passed, 0 mismatched, 0 failed, 0 skipped\n")
    }
}

@Suite(.serialized) struct DidYouMeanTests {
    @Test func bareNameFindsTheProjectsModelsFolderFromAnyDirectory() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fm = FileManager.default
        let fixture = try #require(Bundle.module.resourceURL).appendingPathComponent("Fixtures/cache/bi-encoder")
        try fm.createDirectory(at: dir.appendingPathComponent("project/docs"), withIntermediateDirectories: true)
        try fm.createDirectory(at: dir.appendingPathComponent("project/models"), withIntermediateDirectories: true)
        try fm.createDirectory(at: dir.appendingPathComponent("elsewhere"), withIntermediateDirectories: true)
        try fm.copyItem(at: fixture, to: dir.appendingPathComponent("project/models/tiny-bert"))
        let script = { (name: String) in
            "from sentence_transformers import SentenceTransformer\nm = SentenceTransformer(\"\(name)\")\n"
                + "print(f\"{float(m.encode('hello')[0]):.6f}\")\n"
        }
        try write(script("tiny-bert"), "project/docs/bare.py", in: dir)
        try write(script("../models/tiny-bert"), "project/docs/path.py", in: dir)
        // Run from a folder with no models/ of its own: the bare name is found in the notebook's project.
        let elsewhere = dir.appendingPathComponent("elsewhere")
        let bare = try quill(["run", "../project/docs/bare.py"], in: elsewhere, engine: nil)
        #expect(bare.status == 0, "\(bare.stderr)")
        let path = try quill(["run", "../project/docs/path.py"], in: elsewhere, engine: nil)
        #expect(path.status == 0, "\(path.stderr)")
        #expect(!bare.stdout.isEmpty && bare.stdout == path.stdout, "\(bare.stdout) vs \(path.stdout)")
    }

    @Test func unknownNameCloseToALocalModelGetsDidYouMean() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("models/all-MiniLM-L6-v2"),
                                                withIntermediateDirectories: true)
        try write("```quill\nfrom sentence_transformers import SentenceTransformer\nm = SentenceTransformer(\"all-MiniLM-L6-v3\")\n```\n\n```output\n```\n", "typo.md", in: dir)
        let t = try quill(["check", "typo.md"], in: dir, engine: nil)
        #expect(t.status == 1)
        #expect(t.stderr.contains("did you mean `all-MiniLM-L6-v2`"), "\(t.stderr)")
        try write("```quill\nfrom sentence_transformers import SentenceTransformer\nm = SentenceTransformer(\"something-else\")\n```\n\n```output\n```\n", "far.md", in: dir)
        #expect(!(try quill(["check", "far.md"], in: dir, engine: nil)).stderr.contains("did you mean"))
    }
}

@Suite(.serialized) struct NestedCellCLITests {
    static let source = "# Steps\n\n1. First:\n\n   ```quill\n   print(\"a\")\n   ```\n\n> ```quill\n> print(\"b\")\n> ```\n"
    static let updated = "# Steps\n\n1. First:\n\n   ```quill\n   print(\"a\")\n   ```\n\n   ```output\n   a\n   ```\n\n> ```quill\n> print(\"b\")\n> ```\n>\n> ```output\n> b\n> ```\n"

    @Test func runUpdateAndCheckNestedCells() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        try write(Self.source, "nested.md", in: dir)
        // Nothing to compare yet: the nested cells have no expected blocks, and check says so.
        #expect(try quill(["check", "nested.md"], in: dir).status == 1)
        let run = try quill(["run", "nested.md"], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(read("Output/nested.md", in: dir) == Self.updated)
        let update = try quill(["update", "nested.md"], in: dir)
        #expect(update.status == 0 && update.stdout == "updated nested.md\n", "\(update.stderr)")
        #expect(read("nested.md", in: dir) == Self.updated)
        #expect(try quill(["update", "nested.md"], in: dir).stdout == "unchanged nested.md\n")
        let check = try quill(["check", "nested.md"], in: dir)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout == "1 notebook: 2 passed, 0 mismatched, 0 failed, 0 skipped\n")
        try write(Self.updated.replacingOccurrences(of: "> b\n", with: "> c\n"), "nested.md", in: dir)
        #expect(try quill(["check", "nested.md"], in: dir).status == 1)
    }
}

@Suite struct VersionTests {
    @Test func versionIsPrintedAndInTheChangelog() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let t = try quill(["--version"], in: dir)
        #expect(t.status == 0)
        #expect(t.stdout.hasPrefix("0.2.0 (libcmark 0.3"), "\(t.stdout)")  // the linked libcmark, e.g. 0.30.2
    }
}
