import Foundation
import QuillPython
import Testing
@testable import QuillNotebook

/// An engine with fixed answers: embeddings and cross-encoder scores looked up by sentence.
struct TableEngine: ModelHost {
    var embeddings: [String: [Float]] = [:]
    var scores: [String: Float] = [:]
    var labels = 1

    func loadBiEncoder(_ reference: String) throws -> any BiEncoderModel {
        if reference.hasPrefix("missing") { throw ModelUnavailable(model: reference, searched: ["/cache"], hint: "offline") }
        return Model(engine: self)
    }
    func loadCrossEncoder(_ reference: String) throws -> any CrossEncoderModel {
        Model(engine: self)
    }

    struct Missing: Error, CustomStringConvertible {
        var text: String
        var description: String { "no fixture for '\(text)'" }
    }

    struct Model: BiEncoderModel, CrossEncoderModel {
        var engine: TableEngine
        var name: String { "table" }
        var dimension: Int { engine.embeddings.values.first?.count ?? 0 }
        var maxSequenceLength: Int { 128 }
        var maxLength: Int { 128 }
        var similarityFunctionName: String? { nil }
        var prompts: [String: String] { [:] }
        var labelCount: Int { engine.labels }
        func encode(_ sentences: [String], maxSequenceLength: Int, normalize: Bool) throws -> [[Float]] {
            try sentences.map { guard let e = engine.embeddings[$0] else { throw Missing(text: $0) }; return e }
        }
        func predict(_ pairs: [(String, String)], maxLength: Int, softmax: Bool) throws -> [[Float]] {
            try pairs.map { a, b in
                guard let s = engine.scores[a + "|" + b] else { throw Missing(text: a + "|" + b) }
                return Array(repeating: s, count: engine.labels)
            }
        }
    }
}

/// Runs notebook text and returns the run and what `quill run` would write.
func runNotebook(_ text: String, engine: any ModelHost = HashEngine(), path: String = "example.md",
                 options: RunOptions = RunOptions()) -> (run: NotebookRun, rendered: String) {
    let notebook = Notebook(path: path, bytes: Array(text.utf8))
    let run = Runner(host: engine).run(notebook, directory: URL(fileURLWithPath: "/tmp"), options: options)
    return (run, String(decoding: Renderer.renderRun(run), as: UTF8.self))
}

/// The first diagnostic of a run, as printed.
func firstDiagnostic(_ text: String, engine: any ModelHost = HashEngine()) -> String {
    runNotebook(text, engine: engine).run.diagnostics.first?.description ?? "(no diagnostic)"
}

func fixtureURL(_ name: String) throws -> URL {
    let base = try #require(Bundle.module.resourceURL)
    return base.appendingPathComponent("Fixtures").appendingPathComponent(name)
}

/// Counts engine calls and the inputs of each; optionally sleeps in every call.
final class CallLog: @unchecked Sendable {
    private let lock = NSLock()
    private var sizes: [Int] = []
    var calls: [Int] { lock.lock(); defer { lock.unlock() }; return sizes }
    func record(_ n: Int) { lock.lock(); sizes.append(n); lock.unlock() }
}

struct CountingEngine: ModelHost {
    let log: CallLog
    var delay: Duration = .zero

    func loadBiEncoder(_ reference: String) throws -> any BiEncoderModel { Model(engine: self) }
    func loadCrossEncoder(_ reference: String) throws -> any CrossEncoderModel { Model(engine: self) }

    struct Model: BiEncoderModel, CrossEncoderModel {
        let engine: CountingEngine
        let hash = HashEngine.Model(name: "counting", dimension: 4, seed: 1)
        var name: String { hash.name }
        var dimension: Int { hash.dimension }
        var maxSequenceLength: Int { hash.maxSequenceLength }
        var maxLength: Int { hash.maxLength }
        var similarityFunctionName: String? { nil }
        var prompts: [String: String] { [:] }
        var labelCount: Int { 1 }
        func encode(_ sentences: [String], maxSequenceLength: Int, normalize: Bool) throws -> [[Float]] {
            engine.log.record(sentences.count)
            if engine.delay > .zero {
                Thread.sleep(forTimeInterval: Double(engine.delay.components.seconds) + Double(engine.delay.components.attoseconds) * 1e-18)
            }
            return try hash.encode(sentences, maxSequenceLength: maxSequenceLength, normalize: normalize)
        }
        func predict(_ pairs: [(String, String)], maxLength: Int, softmax: Bool) throws -> [[Float]] {
            engine.log.record(pairs.count)
            return try hash.predict(pairs, maxLength: maxLength, softmax: softmax)
        }
    }
}

/// A session with Quill's builtins, as the runner sets one up, for tests that add their own fake objects.
func quillSession(host: any ModelHost = HashEngine(),
                  clock: @escaping () -> ContinuousClock.Instant = { ContinuousClock.now }) -> Session {
    let session = Session(host: host, options: SessionOptions(dataDirectory: URL(fileURLWithPath: "/tmp")))
    QuillBuiltins.install(in: session, clock: clock)
    return session
}
