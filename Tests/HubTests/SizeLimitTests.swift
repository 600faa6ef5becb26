// The download size limit (issue 17.4): its syntax, a repository stopped before its weights are written, and a
// server that lies about sizes (or gives none) stopped while the body streams.

import Foundation
import Testing
@testable import QuillHub

@Suite("Download size limit")
struct SizeLimitTests {
    @Test("sizes: bytes, decimal and binary units", arguments: [
        ("123", Int64(123)), ("500M", 500_000_000), ("2G", 2_000_000_000), ("2g", 2_000_000_000),
        ("10GB", 10_000_000_000), ("1.5G", 1_500_000_000), ("4GiB", 4_294_967_296), ("100 KiB", 102_400),
        ("1T", 1_000_000_000_000), ("7b", 7),
    ])
    func parse(_ text: String, _ bytes: Int64) throws {
        #expect(try ByteSize.parse(text, name: "QUILL_MAX_DOWNLOAD_SIZE") == bytes)
    }

    @Test("sizes that are refused", arguments: ["", "G", "0", "-5", "12X", "1.2.3", "1e9", "99999999999999999999", "1.5"])
    func refused(_ text: String) {
        #expect(throws: HubError.self) { try ByteSize.parse(text, name: "--max-download-size") }
    }

    @Test("the default limit is 5 GB")
    func defaultLimit() {
        #expect(ModelResolver(environment: [:]).maxDownloadSize == 5_000_000_000)
        #expect(ModelResolver(environment: ["QUILL_MAX_DOWNLOAD_SIZE": "2G"]).maxDownloadSize == 2_000_000_000)
        #expect(ModelResolver(environment: ["QUILL_MAX_DOWNLOAD_SIZE": "2G"], maxDownloadSize: 7).maxDownloadSize == 7)
    }

    /// The tiny model with 200 kB of weights; its other files add up to about 1.6 kB.
    func bigRepo() throws -> FixtureRepo {
        var repo = try tinyRepo()
        repo.files["model.safetensors"] = safetensors(bytes: 200_000)
        return repo
    }

    @Test("an oversized repository is refused before its weights are requested or written",
          arguments: ["env", "option"])
    func oversized(_ how: String) throws {
        let scratch = try Scratch()
        let repo = try bigRepo()
        let server = try LocalHubServer(repos: [repo])
        defer { server.stop() }
        let resolver = how == "env"
            ? ModelResolver(environment: scratch.environment(server, ["QUILL_MAX_DOWNLOAD_SIZE": "100K"]))
            : ModelResolver(environment: scratch.environment(server), maxDownloadSize: 100_000)
        expectHubError({ () throws(HubError) in try resolver.fetch("tiny-model") }) { error in
            guard case let .tooLarge(model, bytes, limit) = error else { return false }
            return model == "sentence-transformers/tiny-model" && bytes > 200_000 && limit == 100_000
                && error.description.contains("--max-download-size") && error.description.contains("QUILL_MAX_DOWNLOAD_SIZE")
        }
        #expect(!server.requests.contains { $0.hasPrefix("GET /cdn/") })
        let sha = try sha256Hex(#require(repo.files["model.safetensors"]))
        #expect(!scratch.allFiles().contains { $0.hasSuffix(sha) || $0.hasSuffix(".incomplete") })
        #expect(!FileManager.default.fileExists(
            atPath: scratch.cache.appendingPathComponent("models--sentence-transformers--tiny-model/refs/main").path))

        // Within the limit it goes through.
        let roomy = ModelResolver(environment: scratch.environment(server, ["QUILL_MAX_DOWNLOAD_SIZE": "1M"]))
        #expect(ModelFiles.isComplete(try roomy.fetch("tiny-model")))
    }

    @Test("a server that gives no sizes is stopped while the body streams, and nothing is stored")
    func noSizes() throws {
        let scratch = try Scratch()
        let repo = try bigRepo()
        let server = try LocalHubServer(repos: [repo], faults: ["model.safetensors": .noSize])
        defer { server.stop() }
        let resolver = ModelResolver(environment: scratch.environment(server, ["QUILL_MAX_DOWNLOAD_SIZE": "100K"]))
        expectHubError({ () throws(HubError) in try resolver.resolve("tiny-model") }) {
            if case let .tooLarge(_, bytes, limit) = $0 { return limit == 100_000 && bytes > limit } else { return false }
        }
        #expect(server.requests.contains { $0.hasPrefix("GET /cdn/") })
        let sha = try sha256Hex(#require(repo.files["model.safetensors"]))
        let blob = scratch.cache.appendingPathComponent("models--sentence-transformers--tiny-model/blobs/\(sha)")
        #expect(!FileManager.default.fileExists(atPath: blob.path))
        #expect(!scratch.allFiles().contains { $0.hasSuffix(".incomplete") })

        // With room, the same size-less server works (the sha256 etag still checks the bytes).
        let roomy = ModelResolver(environment: scratch.environment(server, ["QUILL_MAX_DOWNLOAD_SIZE": "1M"]))
        let folder = try roomy.resolve("tiny-model")
        #expect(try Data(contentsOf: folder.appendingPathComponent("model.safetensors")) == repo.files["model.safetensors"])
    }

    @Test("a server sending more than it advertised is stopped at the advertised size")
    func advertisedLess() throws {
        let scratch = try Scratch()
        let server = try LocalHubServer(repos: [try bigRepo()], faults: ["model.safetensors": .advertiseLess])
        defer { server.stop() }
        let resolver = ModelResolver(environment: scratch.environment(server))
        expectHubError({ () throws(HubError) in try resolver.resolve("tiny-model") }) {
            if case let .download(_, reason) = $0 { return reason.contains("more than the advertised") } else { return false }
        }
        #expect(!scratch.allFiles().contains { $0.hasSuffix(".incomplete") })
    }

    @Test("an unreadable QUILL_MAX_DOWNLOAD_SIZE is an error when a download starts, not silently the default")
    func invalidSetting() throws {
        let scratch = try Scratch()
        let server = try LocalHubServer(repos: [try tinyRepo()])
        defer { server.stop() }
        let resolver = ModelResolver(environment: scratch.environment(server, ["QUILL_MAX_DOWNLOAD_SIZE": "lots"]))
        expectHubError({ () throws(HubError) in try resolver.fetch("tiny-model") }) {
            if case let .invalidSetting(name, value, _) = $0 { return name == "QUILL_MAX_DOWNLOAD_SIZE" && value == "lots" }
            return false
        }
        #expect(server.requestCount == 0)
    }

    @Test("quill fetch --max-download-size: over the limit exit 1 with the hint, within it exit 0")
    func fetchOption() throws {
        let quill = try quillExecutable()
        let scratch = try Scratch()
        let server = try LocalHubServer(repos: [try bigRepo()])
        defer { server.stop() }
        let env = childEnvironment(scratch, server, ["QUILL_MAX_DOWNLOAD_SIZE": "1M"])
        let small = try ChildProcess(quill, ["fetch", "tiny-model", "--max-download-size", "100K"], environment: env,
                                     log: scratch.url.appendingPathComponent("small.log"))
        #expect(small.wait(timeout: 60).status == 1)
        #expect(small.output.contains("over the download size limit of 100.0 kB"), "\(small.output)")
        #expect(!server.requests.contains { $0.hasPrefix("GET /cdn/") })
        let roomy = try ChildProcess(quill, ["fetch", "tiny-model"], environment: env,
                                     log: scratch.url.appendingPathComponent("roomy.log"))
        #expect(roomy.wait(timeout: 60).status == 0, "\(roomy.output)")
    }
}
