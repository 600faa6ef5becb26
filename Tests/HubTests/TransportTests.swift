// The HTTP layer: which transport runs, that both transports answer alike (URLSession is the fallback, so it is
// exercised here even on Linux), redirects and the token, and bodies capped as they stream.

#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing
@testable import QuillHub

@Suite("HTTP transports")
struct TransportTests {
    #if canImport(Glibc)
    @Test("on Linux the default transport is libcurl's easy interface")
    func curlIsDefault() {
        #expect(HTTPClient.defaultTransport is CurlTransport)
    }
    #endif

    static var transports: [any HTTPTransport] {
        var all: [any HTTPTransport] = [URLSessionTransport()]
        if let curl = CurlTransport.load() { all.append(curl) }
        return all
    }

    @Test("HEAD does not follow the LFS redirect; GET follows it and streams the body",
          arguments: TransportTests.transports.indices)
    func headAndGet(_ index: Int) throws {
        let transport = Self.transports[index]
        let scratch = try Scratch()
        let repo = try tinyRepo()
        let server = try LocalHubServer(repos: [repo])
        defer { server.stop() }
        let client = HTTPClient(timeout: 10, transport: transport)
        let url = try #require(URL(string: "\(server.endpoint)/sentence-transformers/tiny-model/resolve/main/model.safetensors"))
        let head = try client.head(url, headers: ["Accept-Encoding": "identity"])
        let weights = try #require(repo.files["model.safetensors"])
        #expect(head.status == 302)
        #expect(head.header("X-Linked-Size") == "\(weights.count)")
        #expect(head.header("x-repo-commit") == tinyCommit)

        let path = scratch.url.appendingPathComponent("body").path
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        defer { close(fd) }
        let receiver = BodyReceiver(fd: fd, path: path, limits: [])
        let result = try client.get(url, headers: [:], into: receiver)
        #expect(result.response.status == 200)
        #expect(result.bytes == Int64(weights.count))
        #expect(result.sha256 == sha256Hex(weights))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == weights)

        let missing = try #require(URL(string: "\(server.endpoint)/sentence-transformers/tiny-model/resolve/main/nope.json"))
        #expect(try client.head(missing, headers: [:]).header("X-Error-Code") == "EntryNotFound")
    }

    @Test("a body over its cap stops the transfer with the cap's error", arguments: TransportTests.transports.indices)
    func capped(_ index: Int) throws {
        let scratch = try Scratch()
        var repo = try tinyRepo()
        repo.files["model.safetensors"] = safetensors(bytes: 300_000)
        let server = try LocalHubServer(repos: [repo])
        defer { server.stop() }
        let client = HTTPClient(timeout: 10, transport: Self.transports[index])
        let url = try #require(URL(string: "\(server.endpoint)/sentence-transformers/tiny-model/resolve/main/model.safetensors"))
        let path = scratch.url.appendingPathComponent("body").path
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        defer { close(fd) }
        let cap = HubError.tooLarge(model: "m", bytes: 1001, limit: 1000)
        let receiver = BodyReceiver(fd: fd, path: path, limits: [BodyLimit(bytes: 1000, error: cap)])
        #expect(throws: cap) { try client.get(url, headers: [:], into: receiver) }
        #expect(receiver.bytes <= 1000)
        #expect((FileSystem.fileSize(URL(fileURLWithPath: path)) ?? 0) <= 1000)
    }

    @Test("the token goes to the hub only: a redirect to another host drops it")
    func tokenStaysOnTheHub() throws {
        let scratch = try Scratch()
        let server = try LocalHubServer(repos: [try tinyRepo()])
        server.cdnHost = "localhost"
        defer { server.stop() }
        let resolver = ModelResolver(environment: scratch.environment(server, ["HF_TOKEN": "hf_secret"]))
        #expect(ModelFiles.isComplete(try resolver.resolve("tiny-model")))
        let cdn = server.requests.filter { $0.hasPrefix("GET /cdn/") }
        #expect(!cdn.isEmpty)
        #expect(cdn.allSatisfy { !$0.hasSuffix("[auth]") })
        #expect(server.requests.filter { $0.contains("/resolve/") }.allSatisfy { $0.hasSuffix("[auth]") })
    }

    @Test("checksum helper: FIPS 180-4 vectors through swift-crypto")
    func sha256() {
        #expect(Checksum.sha256Hex(Data()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(Checksum.sha256Hex(Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(Checksum.sha256Hex(Data(repeating: UInt8(ascii: "a"), count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}
