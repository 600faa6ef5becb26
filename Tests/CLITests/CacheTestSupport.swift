// Shared by the cache tests: a scratch folder holding copies of the tiny fixture models (Fixtures/cache: a BERT
// bi-encoder from ModelsTests' bert-mean-normalize, the weights of bert-plain-bf16 as "another model" of the
// same architecture, and the ce-bert-1 cross-encoder), a cache folder of its own, and `quill` runs with the real
// engine and QUILL_CACHE_DEBUG=1, whose stderr says how many inputs each call computed and when weights load.
import Foundation
import Testing

struct CacheScratch {
    let root: URL
    var cache: URL { root.appendingPathComponent("cache") }
    var environment: [String: String] = [:]

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("quill-cache-\(UUID().uuidString)")
        let fixtures = try #require(Bundle.module.resourceURL).appendingPathComponent("Fixtures/cache")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("bi-encoder"), to: root.appendingPathComponent("model"))
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("cross-encoder"), to: root.appendingPathComponent("ce"))
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("other-model.safetensors"),
                                         to: root.appendingPathComponent("other-model.safetensors"))
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    /// Writes a notebook of one cell.
    func notebook(_ name: String, _ code: String) throws {
        try write("# \(name)\n\n```python quill\n\(code)\n```\n", name + ".md", in: root)
    }

    /// A notebook that encodes `sentences` and prints the first values of each row.
    func encodeNotebook(_ name: String, _ sentences: [String], options: String = "") throws {
        let list = sentences.map { "\"\($0)\"" }.joined(separator: ", ")
        try notebook(name, """
            from sentence_transformers import SentenceTransformer
            model = SentenceTransformer("./model")
            rows = model.encode([\(list)]\(options))
            for row in rows:
                print(" ".join(f"{float(v):.6f}" for v in row[:6]))
            """)
    }

    /// `quill ARGS` in the scratch folder with the real engine, this cache, and the debug trace.
    func quill(_ arguments: [String], stdin: String? = nil) throws -> Transcript {
        let process = try start(arguments, stdin: stdin)
        return process.finish()
    }

    func start(_ arguments: [String], stdin: String? = nil) throws -> RunningQuill {
        let process = Process()
        process.executableURL = try quillURL()
        process.arguments = arguments
        process.currentDirectoryURL = root
        var env = ProcessInfo.processInfo.environment
        env["QUILL_ENGINE"] = nil
        env["HF_HUB_OFFLINE"] = "1"
        for key in ["HF_HUB_CACHE", "SENTENCE_TRANSFORMERS_HOME", "HF_HOME"] { env[key] = root.appendingPathComponent(".hf").path }
        env["QUILL_MODEL_PATH"] = nil
        env["QUILL_CACHE_DIR"] = cache.path
        env["QUILL_CACHE_DEBUG"] = "1"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        input.fileHandleForWriting.write(Data((stdin ?? "").utf8))
        try? input.fileHandleForWriting.close()
        return RunningQuill(process: process, out: out, err: err)
    }

    /// The rendered notebook `name` (after `quill run`).
    func output(_ name: String) -> String {
        read("Output/\(name).md", in: root)
    }

    /// The output blocks of the rendered notebook `name`, without the cells' code.
    func printed(_ name: String) -> String {
        output(name).components(separatedBy: "```output\n").dropFirst()
            .map { $0.components(separatedBy: "```").first ?? "" }.joined()
    }

    /// Entry files of the cache, with their sizes.
    func entries() -> [(url: URL, size: Int)] {
        let folder = cache.appendingPathComponent("entries")
        var found: [(URL, Int)] = []
        for shard in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] {
            let dir = folder.appendingPathComponent(shard)
            for name in (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [] {
                let url = dir.appendingPathComponent(name)
                let size = ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? NSNumber)?.intValue
                found.append((url, size ?? 0))
            }
        }
        return found
    }
}

struct RunningQuill {
    let process: Process
    let out: Pipe
    let err: Pipe

    func finish() -> Transcript {
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Transcript(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                          stderr: String(decoding: stderr, as: UTF8.self))
    }
}

extension Transcript {
    /// Whether this run loaded model weights (the trace of LoadedModels).
    var loadedWeights: Bool { stderr.contains("loading model weights") }

    /// The inputs the engine computed, summed over the cached calls of the run.
    var computed: Int { tracedCounts("computed") }
    var hits: Int { tracedCounts("hits") }

    private func tracedCounts(_ word: String) -> Int {
        var total = 0
        for line in stderr.split(separator: "\n") where line.hasPrefix("quill: cache: ") && line.contains(" inputs, ") {
            for part in line.dropFirst("quill: cache: ".count).split(separator: ",") {
                let words = part.split(separator: " ")
                if words.count == 2, words[1] == word, let n = Int(words[0]) { total += n }
            }
        }
        return total
    }
}
