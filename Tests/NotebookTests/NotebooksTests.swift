// The notebooks in Notebooks/ (cells in Python): every one parses and runs (hash engine); the seed notebooks'
// expected blocks are exactly the document's printed output (checked against an engine that returns the
// document's numbers); and notebooks whose models cannot be had are reported as not run, naming the model.

import Foundation
import QuillPython
import Testing
@testable import QuillNotebook

/// The seed document's numbers for its six sentences and three pairs (SeedTests), the hash engine for any other
/// text (retrieval corpora); both give 6-dimensional vectors, so they mix in one matrix.
struct SeedNumbersEngine: ModelHost {
    func loadBiEncoder(_ reference: String) throws -> any BiEncoderModel {
        Model(hash: HashEngine.Model(name: reference, dimension: 6, seed: HashEngine.fnv(reference)))
    }
    func loadCrossEncoder(_ reference: String) throws -> any CrossEncoderModel {
        Model(hash: HashEngine.Model(name: reference, dimension: 6, seed: HashEngine.fnv(reference)))
    }

    struct Model: BiEncoderModel, CrossEncoderModel {
        let seed = SeedTests.engine()
        let hash: HashEngine.Model
        var name: String { hash.name }
        var dimension: Int { 6 }
        var maxSequenceLength: Int { hash.maxSequenceLength }
        var maxLength: Int { hash.maxLength }
        var similarityFunctionName: String? { nil }
        var prompts: [String: String] { [:] }
        var labelCount: Int { 1 }
        func encode(_ sentences: [String], maxSequenceLength: Int, normalize: Bool) throws -> [[Float]] {
            try sentences.map { s in
                try seed.embeddings[s] ?? hash.encode([s], maxSequenceLength: maxSequenceLength, normalize: normalize)[0]
            }
        }
        func predict(_ pairs: [(String, String)], maxLength: Int, softmax: Bool) throws -> [[Float]] {
            try pairs.map { a, b in
                try seed.scores[a + "|" + b].map { [$0] } ?? hash.predict([(a, b)], maxLength: maxLength, softmax: softmax)[0]
            }
        }
    }
}

@Suite struct NotebooksTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Notebooks")
    static let seedNotebooks = ["01-bi-encoder.md", "02-cross-encoder.md", "03-bi-vs-cross.md"]
    static let seedModels = ["paraphrase-distilroberta-base-v1", "cross-encoder/stsb-roberta-base"]

    static func load(_ name: String) throws -> Notebook {
        Notebook(path: name, bytes: try [UInt8](Data(contentsOf: folder.appendingPathComponent(name))))
    }

    /// The seed's three, the larger-model comparison (all-mpnet-base-v2) and the quickstart.
    static let all = seedNotebooks + ["04-larger-model.md", "quickstart.md"]

    @Test func folderHoldsTheFiveNotebooks() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".md") }.sorted()
        #expect(names == Self.all)
    }

    /// Every cell of every notebook is Python that Quill's parser accepts (no model needed).
    @Test(arguments: all)
    func cellsParseAsPython(_ name: String) throws {
        let notebook = try Self.load(name)
        #expect(notebook.diagnostics.isEmpty, "\(notebook.diagnostics)")
        #expect(notebook.cells.count >= 2)
        for cell in notebook.cells {
            #expect(throws: Never.self, "\(name):\(cell.line)") { try Parser.parse(cell.source) }
        }
    }

    @Test(arguments: seedNotebooks + ["quickstart.md"])
    func runsWithoutErrors(_ name: String) throws {
        let notebook = try Self.load(name)
        let run = Runner(host: HashEngine()).run(notebook, directory: Self.folder)
        #expect(!notebook.cells.isEmpty)
        #expect(run.diagnostics.isEmpty, "\(run.diagnostics)")
        #expect(run.unavailable == nil)
        #expect(run.results.allSatisfy { $0.status == .ok })
    }

    /// With the document's numbers, every checked cell of the seed notebooks matches its expected block exactly
    /// (not just within tolerance), and the only unchecked cells are the live ones of the comparison notebook.
    @Test(arguments: seedNotebooks)
    func expectedBlocksAreTheDocumentsOutput(_ name: String) throws {
        let run = Runner(host: SeedNumbersEngine()).run(try Self.load(name), directory: Self.folder)
        #expect(run.diagnostics.isEmpty, "\(run.diagnostics)")
        let checks = Checker.check(run)
        let checked = checks.filter { $0.verdict != .skipped }
        #expect(!checked.isEmpty)
        for check in checked {
            #expect(check.verdict == .match, "\(name):\(check.cell.line)")
            let result = try #require(run.results.first { $0.cell.index == check.cell.index })
            #expect(result.output == check.cell.output?.text ?? "", "\(name):\(check.cell.line)")
        }
        #expect(checks.count - checked.count == (name == "03-bi-vs-cross.md" ? 3 : 0))
    }

    /// The seed's print loops: three blocks, each followed by an empty line, exactly as in SeedTests.
    @Test(arguments: [("01-bi-encoder.md", "0.4579"), ("02-cross-encoder.md", "0.0495")])
    func seedLoopShape(_ name: String, _ firstScore: String) throws {
        let notebook = try Self.load(name)
        let expected = try #require(notebook.cells.first { $0.output != nil }?.output?.text)
        #expect(expected.components(separatedBy: "\n\n").count == 4 && expected.hasSuffix("\n\n"))
        #expect(expected.contains("Similarity score: \(firstScore)\n"))
    }

    /// Without the seed's models, the seed notebooks are reported as not run, naming the model and where it was
    /// looked for, and the quickstart still runs with the same runner.
    @Test func unavailableModelsSkipOnlyTheirNotebooks() throws {
        let runner = Runner(host: HashEngine(unavailable: Set(Self.seedModels)))
        for name in Self.seedNotebooks {
            let run = runner.run(try Self.load(name), directory: Self.folder)
            let unavailable = try #require(run.unavailable, "\(name) should not run")
            #expect(Self.seedModels.contains(unavailable.model))
            #expect(!unavailable.searched.isEmpty)
            #expect(run.results.allSatisfy { $0.status == .notRun })
            #expect(Checker.check(run).allSatisfy { $0.verdict == .notRun })
        }
        let quickstart = runner.run(try Self.load("quickstart.md"), directory: Self.folder)
        #expect(quickstart.unavailable == nil)
        #expect(quickstart.results.allSatisfy { $0.status == .ok })
    }
}
