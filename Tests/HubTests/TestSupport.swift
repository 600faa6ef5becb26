// Shared helpers: temporary folders, the fixture model, and a resolver wired to a test server.

import Foundation
import Testing
@testable import QuillHub

let tinyCommit = "0123456789abcdef0123456789abcdef01234567"

func fixtureFolder() throws -> URL {
    let root = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
    return root.appendingPathComponent("tiny-model", isDirectory: true)
}

func tinyRepo(id: String = "sentence-transformers/tiny-model", commit: String = tinyCommit) throws -> FixtureRepo {
    var repo = try FixtureRepo.folder(fixtureFolder(), id: id, commit: commit)
    repo.files["generate_tiny_safetensors.py"] = nil
    return repo
}

/// A fresh folder under the system temporary folder, removed by `cleanup()`.
final class Scratch: @unchecked Sendable {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("quill-hub-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }
    var cache: URL { url.appendingPathComponent("cache", isDirectory: true) }
    var home: URL { url.appendingPathComponent("home", isDirectory: true) }

    /// Environment with no real cache in reach: HOME and the hub cache point into this folder. Downloads are
    /// allowed (QUILL_ALLOW_DOWNLOAD=1) unless `download` is false.
    func environment(_ server: LocalHubServer?, _ extra: [String: String] = [:], download: Bool = true) -> [String: String] {
        var env = ["HOME": home.path, "HF_HUB_CACHE": cache.path, "HF_ENDPOINT": server?.endpoint ?? "http://127.0.0.1:9"]
        if download { env["QUILL_ALLOW_DOWNLOAD"] = "1" }
        env.merge(extra) { $1 }
        return env
    }

    /// Every file name under the scratch folder (for "no partial file left" checks).
    func allFiles() -> [String] { FileManager.default.subpaths(atPath: url.path) ?? [] }
}

func expectHubError(_ body: () throws(HubError) -> URL, sourceLocation: SourceLocation = #_sourceLocation,
                    _ check: (HubError) -> Bool) {
    do {
        let url = try body()
        Issue.record("expected an error, got \(url.path)", sourceLocation: sourceLocation)
    } catch {
        #expect(check(error), "unexpected error: \(error)", sourceLocation: sourceLocation)
    }
}

/// A valid safetensors file of about `bytes` bytes: one U8 tensor, header padded to 8 bytes.
func safetensors(bytes: Int) -> Data {
    var header = Data(#"{"w":{"dtype":"U8","shape":[\#(bytes)],"data_offsets":[0,\#(bytes)]}}"#.utf8)
    while header.count % 8 != 0 { header.append(UInt8(ascii: " ")) }
    var data = Data()
    withUnsafeBytes(of: UInt64(header.count).littleEndian) { data.append(contentsOf: $0) }
    data.append(header)
    data.append(Data((0..<bytes).map { UInt8(truncatingIfNeeded: $0 &* 7) }))
    return data
}
