import Foundation
import Testing
@testable import Notebook

/// An engine with fixed answers: embeddings and cross-encoder scores looked up by sentence.
struct TableEngine: Engine {
    var embeddings: [String: [Float]] = [:]
    var scores: [String: Float] = [:]
    var labels = 1

    func loadBiEncoder(_ reference: String, notebookDirectory: URL) throws -> any BiEncoderModel {
        if reference.hasPrefix("missing") { throw ModelUnavailable(model: reference, searched: ["/cache"], hint: "offline") }
        return Model(engine: self)
    }
    func loadCrossEncoder(_ reference: String, notebookDirectory: URL) throws -> any CrossEncoderModel {
        Model(engine: self)
    }

    struct Missing: Error, CustomStringConvertible {
        var text: String
        var description: String { "no fixture for '\(text)'" }
    }

    struct Model: BiEncoderModel, CrossEncoderModel {
        var engine: TableEngine
        var labelCount: Int { engine.labels }
        func encode(_ sentences: [String], normalize: Bool) throws -> [[Float]] {
            try sentences.map { guard let e = engine.embeddings[$0] else { throw Missing(text: $0) }; return e }
        }
        func predict(_ pairs: [(String, String)], softmax: Bool) throws -> [[Float]] {
            try pairs.map { a, b in
                guard let s = engine.scores[a + "|" + b] else { throw Missing(text: a + "|" + b) }
                return Array(repeating: s, count: engine.labels)
            }
        }
    }
}

/// Runs notebook text and returns the run and what `quill run` would write.
func runNotebook(_ text: String, engine: any Engine = HashEngine(), path: String = "example.md",
                 options: RunOptions = RunOptions()) -> (run: NotebookRun, rendered: String) {
    let notebook = Notebook(path: path, bytes: Array(text.utf8))
    let run = Runner(engine: engine).run(notebook, directory: URL(fileURLWithPath: "/tmp"), options: options)
    return (run, String(decoding: Renderer.renderRun(run), as: UTF8.self))
}

/// The first diagnostic of a run, as printed.
func firstDiagnostic(_ text: String, engine: any Engine = HashEngine()) -> String {
    runNotebook(text, engine: engine).run.diagnostics.first?.description ?? "(no diagnostic)"
}

func fixtureURL(_ name: String) throws -> URL {
    let base = try #require(Bundle.module.resourceURL)
    return base.appendingPathComponent("Fixtures").appendingPathComponent(name)
}
