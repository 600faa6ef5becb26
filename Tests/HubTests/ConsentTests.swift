// Consent for the network (issue 17.4): resolution downloads nothing unless asked (QUILL_ALLOW_DOWNLOAD=1, or the
// resolver's `allowDownload:` behind `--download`); `fetch` is consent in itself; HF_HUB_OFFLINE still wins.

import Foundation
import Testing
@testable import QuillHub

@Suite("Downloads need consent")
struct ConsentTests {
    @Test("an absent model is not downloaded by default: no request, and a hint to fetch it")
    func noConsent() throws {
        let scratch = try Scratch()
        let server = try LocalHubServer(repos: [try tinyRepo()])
        defer { server.stop() }
        let resolver = ModelResolver(environment: scratch.environment(server, download: false))
        #expect(!resolver.allowsDownload)
        expectHubError({ () throws(HubError) in try resolver.resolve("tiny-model") }) { error in
            guard case let .downloadNotAllowed(model, searched) = error else { return false }
            let text = error.description
            return model == "sentence-transformers/tiny-model" && !searched.isEmpty
                && text.contains("quill fetch sentence-transformers/tiny-model") && text.contains("--download")
                && text.contains("QUILL_ALLOW_DOWNLOAD=1")
        }
        #expect(server.requestCount == 0)
        #expect(!FileManager.default.fileExists(atPath: scratch.cache.path))
    }

    @Test("QUILL_ALLOW_DOWNLOAD=1 and allowDownload: true both let resolve download",
          arguments: ["env", "option"])
    func consent(_ how: String) throws {
        let scratch = try Scratch()
        let server = try LocalHubServer(repos: [try tinyRepo()])
        defer { server.stop() }
        let resolver = how == "env"
            ? ModelResolver(environment: scratch.environment(server, ["QUILL_ALLOW_DOWNLOAD": "yes"], download: false))
            : ModelResolver(environment: scratch.environment(server, download: false), allowDownload: true)
        #expect(resolver.allowsDownload)
        let folder = try resolver.resolve("tiny-model")
        #expect(ModelFiles.isComplete(folder))
        #expect(server.requestCount > 0)
        // Once cached, the model resolves without consent and without a request.
        let before = server.requestCount
        let plain = ModelResolver(environment: scratch.environment(server, download: false))
        #expect(try plain.resolve("tiny-model") == folder)
        #expect(server.requestCount == before)
    }

    @Test("allowDownload: false overrides QUILL_ALLOW_DOWNLOAD=1")
    func optionWins() throws {
        let scratch = try Scratch()
        let server = try LocalHubServer(repos: [try tinyRepo()])
        defer { server.stop() }
        let resolver = ModelResolver(environment: scratch.environment(server), allowDownload: false)
        expectHubError({ () throws(HubError) in try resolver.resolve("tiny-model") }) {
            if case .downloadNotAllowed = $0 { return true } else { return false }
        }
        #expect(server.requestCount == 0)
    }

    @Test("quill fetch is consent: fetch downloads without QUILL_ALLOW_DOWNLOAD")
    func fetchIsConsent() throws {
        let scratch = try Scratch()
        let server = try LocalHubServer(repos: [try tinyRepo()])
        defer { server.stop() }
        let folder = try ModelResolver(environment: scratch.environment(server, download: false)).fetch("tiny-model")
        #expect(ModelFiles.isComplete(folder))
    }

    @Test("offline beats consent: HF_HUB_OFFLINE=1 makes no request even with QUILL_ALLOW_DOWNLOAD=1")
    func offlineWins() throws {
        let scratch = try Scratch()
        let server = try LocalHubServer(repos: [try tinyRepo()])
        defer { server.stop() }
        let resolver = ModelResolver(environment: scratch.environment(server, ["HF_HUB_OFFLINE": "1"]), allowDownload: true)
        expectHubError({ () throws(HubError) in try resolver.resolve("tiny-model") }) {
            if case .offline = $0 { return true } else { return false }
        }
        #expect(server.requestCount == 0)
    }

    @Test("a pickle-only local copy without consent still says why it cannot be used")
    func pickleWithoutConsent() throws {
        let scratch = try Scratch()
        let models = scratch.url.appendingPathComponent("models/old")
        try FileManager.default.createDirectory(at: models, withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: models.appendingPathComponent("config.json"))
        try Data([0x80, 0x02]).write(to: models.appendingPathComponent("pytorch_model.bin"))
        let resolver = ModelResolver(environment: scratch.environment(nil, download: false),
                                     searchPaths: [scratch.url.appendingPathComponent("models")])
        expectHubError({ () throws(HubError) in try resolver.resolve("old") }) {
            if case .pickleOnly = $0 { return true } else { return false }
        }
    }
}
