// The downloader against the local hub server: layout, verification, faults, concurrency (reliability group E).

import Foundation
import Testing
@testable import QuillHub

@Suite("Download into the hub cache")
struct DownloadTests {
    @Test("normal download writes huggingface_hub's layout, and a second resolve makes no request")
    func normalDownload() throws {
        let scratch = try Scratch()
        let repo = try tinyRepo()
        let server = try LocalHubServer(repos: [repo])
        defer { server.stop() }
        let resolver = ModelResolver(environment: scratch.environment(server))
        let folder = try resolver.resolve("tiny-model")
        let storage = scratch.cache.appendingPathComponent("models--sentence-transformers--tiny-model")
        #expect(folder.path == storage.appendingPathComponent("snapshots/\(tinyCommit)").path)
        #expect(try String(contentsOf: storage.appendingPathComponent("refs/main"), encoding: .utf8) == tinyCommit)

        let fm = FileManager.default
        for (name, data) in repo.files {
            let pointer = folder.appendingPathComponent(name)
            #expect(try Data(contentsOf: pointer) == data, "\(name)")
            let link = try fm.destinationOfSymbolicLink(atPath: pointer.path)
            let depth = name.split(separator: "/").count - 1
            let etag = repo.lfs.contains(name) ? sha256Hex(data) : gitBlobID(data)
            #expect(link == String(repeating: "../", count: depth + 2) + "blobs/" + etag, "\(name)")
        }
        #expect(!scratch.allFiles().contains { $0.hasSuffix(".incomplete") || $0.hasSuffix(".tmp") })
        #expect(!server.requests.contains { $0.contains("pytorch_model") && $0.hasPrefix("GET") })

        let before = server.requestCount
        #expect(try resolver.resolve("sentence-transformers/tiny-model") == folder)
        #expect(try resolver.resolve("tiny-model", revision: tinyCommit) == folder)
        #expect(server.requestCount == before)
    }

    @Test("weak etags W/\"...\" are normalized to plain blob names")
    func weakEtag() throws {
        let scratch = try Scratch()
        let server = try LocalHubServer(repos: [try tinyRepo()])
        server.weakEtags = true
        defer { server.stop() }
        _ = try ModelResolver(environment: scratch.environment(server)).resolve("tiny-model")
        let blobs = scratch.cache.appendingPathComponent("models--sentence-transformers--tiny-model/blobs")
        let names = try FileManager.default.contentsOfDirectory(atPath: blobs.path)
        #expect(!names.isEmpty)
        #expect(names.allSatisfy { !$0.contains("\"") && !$0.hasPrefix("W/") && !$0.contains(".") })
    }

    @Test("faults leave nothing the cache would trust, and the next run succeeds",
          arguments: [Fault.shortBody, .flipByte, .dropMidBody, .wrongAdvertisedSize])
    func faults(_ fault: Fault) throws {
        let scratch = try Scratch()
        let repo = try tinyRepo()
        let server = try LocalHubServer(repos: [repo], faults: ["model.safetensors": fault])
        defer { server.stop() }
        let resolver = ModelResolver(environment: scratch.environment(server))
        expectHubError({ () throws(HubError) in try resolver.resolve("tiny-model") }) { error in
            switch (fault, error) {
            case (.flipByte, .checksum): return true
            case (.flipByte, _): return false
            case (_, .download): return true
            default: return false
            }
        }
        let storage = scratch.cache.appendingPathComponent("models--sentence-transformers--tiny-model")
        let sha = try sha256Hex(#require(repo.files["model.safetensors"]))
        #expect(!FileManager.default.fileExists(atPath: storage.appendingPathComponent("blobs/\(sha)").path))
        #expect(!FileManager.default.fileExists(atPath: storage.appendingPathComponent("refs/main").path))
        #expect(!scratch.allFiles().contains { $0.hasSuffix(".incomplete") })

        // Offline, the partial snapshot is not taken for a model.
        let offline = ModelResolver(environment: scratch.environment(server, ["HF_HUB_OFFLINE": "1"]))
        expectHubError({ () throws(HubError) in try offline.resolve("tiny-model") }) {
            if case .offline = $0 { return true } else { return false }
        }

        server.setFault(.none, for: "model.safetensors")
        let folder = try resolver.resolve("tiny-model")
        #expect(try Data(contentsOf: folder.appendingPathComponent("model.safetensors")) == repo.files["model.safetensors"])
    }

    @Test("a stalled body times out instead of hanging (HF_HUB_DOWNLOAD_TIMEOUT)")
    func stall() throws {
        let scratch = try Scratch()
        let server = try LocalHubServer(repos: [try tinyRepo()], faults: ["model.safetensors": .stall(seconds: 10)])
        defer { server.stop() }
        let resolver = ModelResolver(environment: scratch.environment(server, ["HF_HUB_DOWNLOAD_TIMEOUT": "1"]))
        let start = Date()
        expectHubError({ () throws(HubError) in try resolver.resolve("tiny-model") }) {
            if case .download = $0 { return true } else { return false }
        }
        #expect(Date().timeIntervalSince(start) < 8)
    }

    @Test("two downloads of the same model at once end with one correct blob")
    func concurrent() throws {
        let scratch = try Scratch()
        let repo = try tinyRepo()
        let server = try LocalHubServer(repos: [repo])
        defer { server.stop() }
        let env = scratch.environment(server)
        let results = Results()
        DispatchQueue.concurrentPerform(iterations: 3) { _ in
            do { results.add(.success(try ModelResolver(environment: env).resolve("tiny-model"))) } catch {
                results.add(.failure(error))
            }
        }
        let urls = try results.all.map { try $0.get() }
        #expect(urls.count == 3)
        #expect(Set(urls.map(\.path)).count == 1)
        let folder = try #require(urls.first)
        for (name, data) in repo.files { #expect(try Data(contentsOf: folder.appendingPathComponent(name)) == data) }
        #expect(!scratch.allFiles().contains { $0.hasSuffix(".incomplete") || $0.hasSuffix(".tmp") })
    }

    @Test("a token is sent as a bearer header")
    func token() throws {
        let scratch = try Scratch()
        let server = try LocalHubServer(repos: [try tinyRepo()])
        defer { server.stop() }
        _ = try ModelResolver(environment: scratch.environment(server, ["HF_TOKEN": "hf_test"])).resolve("tiny-model")
        #expect(server.requests.filter { $0.contains("/resolve/") }.allSatisfy { $0.hasSuffix("[auth]") })
    }

    @Test("a model without modules.json is fetched as a plain transformers model")
    func plainModel() throws {
        let scratch = try Scratch()
        var repo = try tinyRepo(id: "someone/plain")
        repo.files = repo.files.filter { ["config.json", "model.safetensors", "tokenizer.json"].contains($0.key) }
        let server = try LocalHubServer(repos: [repo])
        defer { server.stop() }
        let folder = try ModelResolver(environment: scratch.environment(server)).resolve("someone/plain")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("model.safetensors").path))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("tokenizer.json").path))
    }

    @Test("sharded safetensors are fetched through the index")
    func sharded() throws {
        let scratch = try Scratch()
        var repo = try tinyRepo(id: "someone/sharded")
        let removed = repo.files.removeValue(forKey: "model.safetensors")
        let weights = try #require(removed)
        repo.files["model-00001-of-00002.safetensors"] = weights
        repo.files["model-00002-of-00002.safetensors"] = weights
        repo.files["model.safetensors.index.json"] = Data(#"{"metadata": {}, "weight_map": {"a": "model-00001-of-00002.safetensors", "b": "model-00002-of-00002.safetensors"}}"#.utf8)
        repo.lfs = ["model-00001-of-00002.safetensors", "model-00002-of-00002.safetensors"]
        let server = try LocalHubServer(repos: [repo])
        defer { server.stop() }
        let folder = try ModelResolver(environment: scratch.environment(server)).resolve("someone/sharded")
        #expect(try Data(contentsOf: folder.appendingPathComponent("model-00002-of-00002.safetensors")) == weights)
    }

    @Test("pickle-only repositories are refused without downloading the pickle")
    func pickleOnly() throws {
        let scratch = try Scratch()
        var repo = try tinyRepo(id: "someone/old")
        repo.files["pytorch_model.bin"] = repo.files.removeValue(forKey: "model.safetensors")
        repo.lfs = ["pytorch_model.bin"]
        let server = try LocalHubServer(repos: [repo])
        defer { server.stop() }
        expectHubError({ () throws(HubError) in try ModelResolver(environment: scratch.environment(server)).resolve("someone/old") }) {
            if case let .pickleOnly(_, files) = $0 { return files == ["pytorch_model.bin"] } else { return false }
        }
        #expect(!server.requests.contains { $0.hasPrefix("GET") && ($0.contains(".bin") || $0.contains("/cdn/")) })
    }

    @Test("an unknown repository is not found, with a hint")
    func unknownRepo() throws {
        let scratch = try Scratch()
        let server = try LocalHubServer(repos: [])
        defer { server.stop() }
        expectHubError({ () throws(HubError) in try ModelResolver(environment: scratch.environment(server)).resolve("nobody/nothing") }) {
            if case let .notFound(model, _, hint) = $0 { return model == "nobody/nothing" && hint != nil } else { return false }
        }
    }

    @Test("unsafe names from the server are rejected before any file is written outside the cache")
    func unsafeServerNames() throws {
        let scratch = try Scratch()
        var evilModules = try tinyRepo(id: "evil/modules")
        evilModules.files["modules.json"] = Data(#"[{"idx":0,"name":"0","path":"","type":"sentence_transformers.models.Transformer"},{"idx":1,"name":"1","path":"../../../../escape","type":"sentence_transformers.models.Dense"}]"#.utf8)
        var evilIndex = try tinyRepo(id: "evil/index")
        evilIndex.files["model.safetensors"] = nil
        evilIndex.files["model.safetensors.index.json"] = Data(#"{"weight_map": {"a": "/etc/passwd"}}"#.utf8)
        let server = try LocalHubServer(repos: [evilModules, evilIndex])
        defer { server.stop() }
        let resolver = ModelResolver(environment: scratch.environment(server))
        for name in ["evil/modules", "evil/index"] {
            expectHubError({ () throws(HubError) in try resolver.resolve(name) }) {
                if case .unsafeName = $0 { return true } else { return false }
            }
        }
        #expect(!scratch.allFiles().contains { $0.contains("escape") })
    }

    @Test("the cache written is found by listModels with its size")
    func listing() throws {
        let scratch = try Scratch()
        let repo = try tinyRepo()
        let server = try LocalHubServer(repos: [repo])
        defer { server.stop() }
        let resolver = ModelResolver(environment: scratch.environment(server))
        _ = try resolver.resolve("tiny-model")
        let listing = try #require(resolver.listModels().first { $0.name == "sentence-transformers/tiny-model" })
        #expect(listing.source == .cache)
        #expect(listing.complete)
        #expect(listing.size == Int64(repo.files.values.reduce(0) { $0 + $1.count }))
        #expect(listing.revision?.hasPrefix("main") == true)
    }

    @Test("the real all-MiniLM-L6-v2 round-trips through the server when models/ has it")
    func realModel() throws {
        let local = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("models/all-MiniLM-L6-v2")
        guard FileManager.default.fileExists(atPath: local.appendingPathComponent("model.safetensors").path) else { return }
        let scratch = try Scratch()
        let repo = try FixtureRepo.folder(local, id: "sentence-transformers/all-MiniLM-L6-v2-copy", commit: tinyCommit)
        let server = try LocalHubServer(repos: [repo])
        defer { server.stop() }
        // A generous stall limit: this moves 87 MB while the rest of the suite runs in parallel.
        let environment = scratch.environment(server, ["HF_HUB_DOWNLOAD_TIMEOUT": "120"])
        let folder = try ModelResolver(environment: environment).resolve("all-MiniLM-L6-v2-copy")
        let blob = folder.appendingPathComponent("model.safetensors").resolvingSymlinksInPath()
        #expect(blob.lastPathComponent == "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db")
        #expect(ModelFiles.isComplete(folder))
    }
}

final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Result<URL, any Error>] = []
    func add(_ r: Result<URL, any Error>) { lock.withLock { items.append(r) } }
    var all: [Result<URL, any Error>] { lock.withLock { items } }
}
