// Name rules, local folders, and caches laid out by huggingface_hub (built here by hand), offline mode.

import Foundation
import Testing
@testable import QuillHub

@Suite("Resolution without the network")
struct ResolutionTests {
    @Test("bare names get the sentence-transformers organisation, legacy checkpoints do not",
          arguments: [("all-MiniLM-L6-v2", "sentence-transformers/all-MiniLM-L6-v2"),
                      ("paraphrase-distilroberta-base-v1", "sentence-transformers/paraphrase-distilroberta-base-v1"),
                      ("bert-base-uncased", "bert-base-uncased"), ("BERT-Base-Uncased", "BERT-Base-Uncased"),
                      ("distilroberta-base", "distilroberta-base"),
                      ("BAAI/bge-small-en-v1.5", "BAAI/bge-small-en-v1.5")])
    func naming(_ input: String, _ expected: String) throws {
        #expect(try RepoID(reference: input).value == expected)
    }

    @Test("unsafe repository ids, revisions and file names are rejected",
          arguments: ["a/../b", "org/na..me", "org--x/y", "org/name/extra", ".hidden/x", "a b/c", "x/"])
    func unsafeRepo(_ id: String) {
        #expect(throws: HubError.self) { try RepoID(exact: id) }
    }

    @Test("unsafe file names", arguments: ["../x", "/etc/passwd", "C:\\x", "a\\b", "a/../../b", "a//b", "./a", "", "\\\\server\\share", "a\u{0}b"])
    func unsafeFile(_ name: String) {
        #expect(throws: HubError.self) { try SafeName.checkFile(name) }
    }

    @Test("unsafe revisions are refused before any lookup", arguments: ["../../x", "/abs", "a/../b", "..", "a\\b"])
    func unsafeRevision(_ revision: String) throws {
        let scratch = try Scratch()
        let server = try LocalHubServer(repos: [try tinyRepo()])
        defer { server.stop() }
        let resolver = ModelResolver(environment: scratch.environment(server))
        expectHubError({ () throws(HubError) in try resolver.resolve("tiny-model", revision: revision) }) {
            if case .unsafeName = $0 { return true } else { return false }
        }
        #expect(server.requestCount == 0)
    }

    @Test("path-like references must be existing folders")
    func paths() throws {
        let fixture = try fixtureFolder()
        let resolver = ModelResolver(environment: ["HOME": "/nonexistent", "HF_HUB_OFFLINE": "1"])
        #expect(try resolver.resolve(fixture.path) == fixture.standardizedFileURL)
        #expect(try resolver.resolve("tiny-model", relativeTo: fixture.deletingLastPathComponent()) == fixture.standardizedFileURL)
        // Relative references start from a fresh folder, so nothing on the machine (a stray /tmp/x) can satisfy them.
        let scratch = try Scratch()
        let base = scratch.url.appendingPathComponent("notebooks/here")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        for missing in ["./nope", "/nonexistent/model", "../x", "a/b/c"] {
            expectHubError({ () throws(HubError) in try resolver.resolve(missing, relativeTo: base) }) {
                if case .notFound = $0 { return true } else { return false }
            }
        }
    }

    @Test("a bare name is found in the models folder beside the notebook or above it, nearest first")
    func modelsAboveTheNotebook() throws {
        let scratch = try Scratch()
        let fm = FileManager.default
        let project = scratch.url.appendingPathComponent("project")
        let notebooks = project.appendingPathComponent("docs/tutorials")
        try fm.createDirectory(at: notebooks, withIntermediateDirectories: true)
        try fm.createDirectory(at: project.appendingPathComponent("models"), withIntermediateDirectories: true)
        try fm.copyItem(at: try fixtureFolder(), to: project.appendingPathComponent("models/tiny-model"))
        // The current directory (the test runner's) has no such model: only the notebook's folder can find it.
        let resolver = ModelResolver(environment: ["HOME": scratch.home.path, "HF_HUB_OFFLINE": "1"])
        let found = try resolver.resolve("tiny-model", relativeTo: notebooks)
        #expect(found.path == project.appendingPathComponent("models/tiny-model").standardizedFileURL.path)
        #expect(resolver.searchLocations(for: "tiny-model", relativeTo: notebooks).first
                == project.appendingPathComponent("models/tiny-model").standardizedFileURL.path)
        // A nearer models folder wins.
        let nearer = project.appendingPathComponent("docs/models/tiny-model")
        try fm.createDirectory(at: nearer.deletingLastPathComponent(), withIntermediateDirectories: true)
        try fm.copyItem(at: try fixtureFolder(), to: nearer)
        let nearest = try resolver.resolve("tiny-model", relativeTo: notebooks)
        #expect(nearest.path == nearer.standardizedFileURL.path)
        // Without the notebook's folder the name is not found.
        expectHubError({ () throws(HubError) in try resolver.resolve("tiny-model") }) {
            if case .offline = $0 { return true } else { return false }
        }
    }

    @Test("offline with an empty cache: a clear error and zero requests")
    func offlineEmpty() throws {
        let scratch = try Scratch()
        let server = try LocalHubServer(repos: [try tinyRepo()])
        defer { server.stop() }
        let resolver = ModelResolver(environment: scratch.environment(server, ["HF_HUB_OFFLINE": "1"]))
        expectHubError({ () throws(HubError) in try resolver.resolve("tiny-model") }) { error in
            guard case let .offline(model, searched) = error else { return false }
            return model == "sentence-transformers/tiny-model" && !searched.isEmpty && error.description.contains("offline")
        }
        expectHubError({ () throws(HubError) in try resolver.fetch("tiny-model") }) {
            if case .offline = $0 { return true } else { return false }
        }
        #expect(server.requestCount == 0)
    }

    @Test("a cache written by huggingface_hub is found, offline, in each cache location")
    func huggingFaceCache() throws {
        for variable in ["HF_HUB_CACHE", "HF_HOME", "SENTENCE_TRANSFORMERS_HOME", "XDG_CACHE_HOME", "HOME"] {
            let scratch = try Scratch()
            let root: URL
            var env = ["HOME": scratch.home.path, "HF_HUB_OFFLINE": "1"]
            switch variable {
            case "HF_HOME": root = scratch.url.appendingPathComponent("hfhome/hub"); env["HF_HOME"] = root.deletingLastPathComponent().path
            case "XDG_CACHE_HOME": root = scratch.url.appendingPathComponent("xdg/huggingface/hub"); env["XDG_CACHE_HOME"] = scratch.url.appendingPathComponent("xdg").path
            case "HOME": root = scratch.home.appendingPathComponent(".cache/huggingface/hub")
            default: root = scratch.url.appendingPathComponent(variable); env[variable] = root.path
            }
            let snapshot = try buildPythonCache(at: root, id: "sentence-transformers/tiny-model")
            let found = try ModelResolver(environment: env).resolve("tiny-model")
            #expect(found.path == snapshot.path, "\(variable)")
            #expect(try Data(contentsOf: found.appendingPathComponent("1_Pooling/config.json")).count > 0)
            #expect(try ModelResolver(environment: env).resolve("tiny-model", revision: tinyCommit).path == snapshot.path)
        }
    }

    @Test("SENTENCE_TRANSFORMERS_HOME is searched before HF_HUB_CACHE")
    func cacheOrder() throws {
        let scratch = try Scratch()
        let st = scratch.url.appendingPathComponent("st")
        let hf = scratch.url.appendingPathComponent("hf")
        let first = try buildPythonCache(at: st, id: "sentence-transformers/tiny-model")
        _ = try buildPythonCache(at: hf, id: "sentence-transformers/tiny-model")
        let env = ["HOME": scratch.home.path, "HF_HUB_OFFLINE": "1", "SENTENCE_TRANSFORMERS_HOME": st.path, "HF_HUB_CACHE": hf.path]
        #expect(try ModelResolver(environment: env).resolve("tiny-model").path == first.path)
    }

    @Test("a commit-hash revision already cached makes no request, online")
    func commitNoRequest() throws {
        let scratch = try Scratch()
        let server = try LocalHubServer(repos: [try tinyRepo()])
        defer { server.stop() }
        let snapshot = try buildPythonCache(at: scratch.cache, id: "sentence-transformers/tiny-model", writeMainRef: false)
        let resolver = ModelResolver(environment: scratch.environment(server))
        #expect(try resolver.resolve("tiny-model", revision: tinyCommit).path == snapshot.path)
        #expect(server.requestCount == 0)
    }

    @Test("a dangling snapshot link or a truncated blob is not trusted; online it is repaired")
    func brokenCache() throws {
        let scratch = try Scratch()
        let repo = try tinyRepo()
        let server = try LocalHubServer(repos: [repo])
        defer { server.stop() }
        let snapshot = try buildPythonCache(at: scratch.cache, id: "sentence-transformers/tiny-model")
        let weights = snapshot.appendingPathComponent("model.safetensors").resolvingSymlinksInPath()
        let full = try Data(contentsOf: weights)
        try full.prefix(full.count - 4).write(to: weights)
        let offline = ModelResolver(environment: scratch.environment(server, ["HF_HUB_OFFLINE": "1"]))
        expectHubError({ () throws(HubError) in try offline.resolve("tiny-model") }) {
            if case .offline = $0 { return true } else { return false }
        }
        #expect(server.requestCount == 0)
        let online = ModelResolver(environment: scratch.environment(server))
        let repaired = try online.resolve("tiny-model")
        #expect(try Data(contentsOf: repaired.appendingPathComponent("model.safetensors")) == full)

        try FileManager.default.removeItem(at: weights)   // now the link dangles
        expectHubError({ () throws(HubError) in try offline.resolve("tiny-model") }) {
            if case .offline = $0 { return true } else { return false }
        }
        #expect(try Data(contentsOf: online.resolve("tiny-model").appendingPathComponent("model.safetensors")) == full)
    }

    @Test("project-local folders: NAME, ORG/NAME and models--ORG--NAME, via searchPaths and QUILL_MODEL_PATH")
    func localFolders() throws {
        let scratch = try Scratch()
        let fixture = try fixtureFolder()
        let plain = scratch.url.appendingPathComponent("plain")
        let nested = scratch.url.appendingPathComponent("nested")
        let hubLayout = scratch.url.appendingPathComponent("hublayout")
        try FileManager.default.createDirectory(at: plain, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: nested.appendingPathComponent("someone"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: fixture, to: plain.appendingPathComponent("tiny-model"))
        try FileManager.default.copyItem(at: fixture, to: nested.appendingPathComponent("someone/tiny"))
        let snapshot = try buildPythonCache(at: hubLayout, id: "other/tiny")
        let env = ["HOME": scratch.home.path, "HF_HUB_OFFLINE": "1", "QUILL_MODEL_PATH": "\(nested.path):\(hubLayout.path)"]
        let resolver = ModelResolver(environment: env, searchPaths: [plain])
        let expected = plain.appendingPathComponent("tiny-model").standardizedFileURL.path
        #expect(try resolver.resolve("tiny-model").path == expected)
        #expect(try resolver.resolve("sentence-transformers/tiny-model").path == expected)
        #expect(try resolver.resolve("someone/tiny").path == nested.appendingPathComponent("someone/tiny").standardizedFileURL.path)
        #expect(try resolver.resolve("other/tiny").path == snapshot.path)
        let names = Set(resolver.listModels().map(\.name))
        #expect(names.isSuperset(of: ["tiny-model", "someone/tiny", "other/tiny"]))
        #expect(resolver.listModels().allSatisfy { $0.size > 0 })
    }

    @Test("a read-only cache with a complete snapshot works")
    func readOnlyCache() throws {
        let scratch = try Scratch()
        let snapshot = try buildPythonCache(at: scratch.cache, id: "sentence-transformers/tiny-model")
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: scratch.cache.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: scratch.cache.path) }
        let server = try LocalHubServer(repos: [try tinyRepo()])
        defer { server.stop() }
        #expect(try ModelResolver(environment: scratch.environment(server)).resolve("tiny-model").path == snapshot.path)
        #expect(server.requestCount == 0)
    }
}

/// Lays out the fixture model exactly as huggingface_hub's hf_hub_download leaves it: blobs named by etag (git
/// blob id for regular files, sha256 for LFS), relative snapshot links, refs/main without a newline.
@discardableResult
func buildPythonCache(at root: URL, id: String, commit: String = tinyCommit, writeMainRef: Bool = true) throws -> URL {
    let repo = try tinyRepo(id: id, commit: commit)
    let fm = FileManager.default
    let storage = root.appendingPathComponent("models--" + id.replacingOccurrences(of: "/", with: "--"))
    let snapshot = storage.appendingPathComponent("snapshots/\(commit)")
    try fm.createDirectory(at: storage.appendingPathComponent("blobs"), withIntermediateDirectories: true)
    for (name, data) in repo.files {
        let etag = repo.lfs.contains(name) ? sha256Hex(data) : gitBlobID(data)
        try data.write(to: storage.appendingPathComponent("blobs/\(etag)"))
        let pointer = snapshot.appendingPathComponent(name)
        try fm.createDirectory(at: pointer.deletingLastPathComponent(), withIntermediateDirectories: true)
        let depth = name.split(separator: "/").count - 1
        try fm.createSymbolicLink(atPath: pointer.path, withDestinationPath: String(repeating: "../", count: depth + 2) + "blobs/\(etag)")
    }
    if writeMainRef {
        try fm.createDirectory(at: storage.appendingPathComponent("refs"), withIntermediateDirectories: true)
        try Data(commit.utf8).write(to: storage.appendingPathComponent("refs/main"))
    }
    return snapshot
}
