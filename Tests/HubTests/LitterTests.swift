// No litter (issue 17.5), and no CPU spent waiting (17.4), with real `quill fetch` child processes: one is killed
// with SIGKILL mid-body and the next run must clean up and complete; one waits on a stalled body and its CPU time
// (wait4) must stay tiny. Plus the janitor's rule on its own: a temporary file whose owner is alive stays.

#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing
@testable import QuillHub

@Suite("No litter, no busy waiting")
struct LitterTests {
    static let blobs = "models--sentence-transformers--tiny-model/blobs"

    /// Temporary blobs of at least `bytes` bytes.
    func incomplete(_ scratch: Scratch, atLeast bytes: Int64 = 0) -> [String] {
        let folder = scratch.cache.appendingPathComponent(Self.blobs)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter {
            $0.hasSuffix(".incomplete") && (FileSystem.fileSize(folder.appendingPathComponent($0)) ?? -1) >= bytes
        }
    }

    @Test("quill fetch killed with SIGKILL mid-body: the next run removes its .incomplete blob and completes")
    func killedFetch() throws {
        let quill = try quillExecutable()
        let scratch = try Scratch()
        var repo = try tinyRepo()
        let weights = safetensors(bytes: 256 * 1024)
        repo.files["model.safetensors"] = weights
        let server = try LocalHubServer(repos: [repo], faults: ["model.safetensors": .stallMidBody(seconds: 40)])
        defer { server.stop() }
        let env = childEnvironment(scratch, server, ["HF_HUB_DOWNLOAD_TIMEOUT": "60"])
        let first = try ChildProcess(quill, ["fetch", "tiny-model"], environment: env,
                                     log: scratch.url.appendingPathComponent("first.log"))
        let deadline = Date().addingTimeInterval(30)
        // Half the weights arrive, then the server goes quiet.
        while incomplete(scratch, atLeast: 100_000).isEmpty && Date() < deadline { usleep(20_000) }
        first.kill(SIGKILL)
        let killed = first.wait(timeout: 10)
        #expect(killed.signal == SIGKILL, "\(first.output)")
        let litter = incomplete(scratch)
        try #require(litter.count == 1, "no partial download to clean up: \(first.output)")
        #expect(litter[0].contains(".quill-\(first.pid)-"))

        server.setFault(.none, for: "model.safetensors")
        let second = try ChildProcess(quill, ["fetch", "tiny-model"], environment: env,
                                      log: scratch.url.appendingPathComponent("second.log"))
        let done = second.wait(timeout: 60)
        #expect(done.status == 0, "\(second.output)")
        #expect(!scratch.allFiles().contains { $0.hasSuffix(".incomplete") || $0.hasSuffix(".tmp") })
        let folder = scratch.cache.appendingPathComponent("models--sentence-transformers--tiny-model/snapshots/\(tinyCommit)")
        #expect(try Data(contentsOf: folder.appendingPathComponent("model.safetensors")) == weights)
    }

    @Test("waiting on a stalled body uses almost no CPU until HF_HUB_DOWNLOAD_TIMEOUT ends it")
    func stalledWaitIsIdle() throws {
        let quill = try quillExecutable()
        let scratch = try Scratch()
        let server = try LocalHubServer(repos: [try tinyRepo()], faults: ["model.safetensors": .stall(seconds: 40)])
        defer { server.stop() }
        let env = childEnvironment(scratch, server, ["HF_HUB_DOWNLOAD_TIMEOUT": "4"])
        let child = try ChildProcess(quill, ["fetch", "tiny-model"], environment: env,
                                     log: scratch.url.appendingPathComponent("fetch.log"))
        let ending = child.wait(timeout: 30)
        print("stalled quill fetch: \(ending.wallSeconds) s wall, \(ending.cpuSeconds) s CPU (user + system)")
        #expect(ending.status == 1, "\(child.output)")
        #expect(child.output.contains("timed out"), "\(child.output)")
        #expect(ending.wallSeconds >= 4)
        // URLSession on Linux spun here: about half a core to a whole one for the 4 s wait.
        #expect(ending.cpuSeconds < 0.5, "the wait used \(ending.cpuSeconds) s of CPU")
        #expect(!scratch.allFiles().contains { $0.hasSuffix(".incomplete") })
    }

    @Test("the janitor keeps a temporary blob whose lock is held, and removes it once the lock is free")
    func liveOwnerKept() throws {
        let scratch = try Scratch()
        let cache = HubCache(root: scratch.cache)
        let repo = try RepoID(reference: "tiny-model")
        let etag = String(repeating: "ab", count: 32)
        let blobs = cache.repoFolder(repo).appendingPathComponent("blobs")
        try FileManager.default.createDirectory(at: blobs, withIntermediateDirectories: true)
        let temp = blobs.appendingPathComponent(CacheJanitor.temporaryBlobName(etag: etag))
        let legacy = blobs.appendingPathComponent("\(etag).incomplete")   // huggingface_hub's own name
        for file in [temp, legacy] { try Data("partial".utf8).write(to: file) }

        let held = try FileSystem.withLock(cache.lock(repo, etag: etag)) { () throws(HubError) in
            CacheJanitor.sweep(cache)
        }
        #expect(held.isEmpty)
        #expect(FileManager.default.fileExists(atPath: temp.path))
        let removed = CacheJanitor.sweep(cache)
        #expect(Set(removed) == [temp.path, legacy.path])
        #expect(!FileManager.default.fileExists(atPath: temp.path))
    }

    @Test("link and ref temporaries of a dead process are removed, a live one's are kept")
    func deadWriterTemporaries() throws {
        let scratch = try Scratch()
        let cache = HubCache(root: scratch.cache)
        let repo = try RepoID(reference: "tiny-model")
        let snapshot = cache.snapshot(repo, commit: tinyCommit).appendingPathComponent("1_Pooling")
        try FileManager.default.createDirectory(at: snapshot, withIntermediateDirectories: true)
        // A child that has exited and been reaped: its PID names no process.
        let gone = try ChildProcess(URL(fileURLWithPath: "/bin/true"), [], environment: [:],
                                    log: scratch.url.appendingPathComponent("true.log"))
        _ = gone.wait(timeout: 10)
        let dead = snapshot.appendingPathComponent(".config.json.quill-\(gone.pid)-0badf00d.tmp")
        let live = snapshot.appendingPathComponent(".config.json.quill-1-0badf00d.tmp")   // init never dies
        let mine = snapshot.appendingPathComponent(CacheJanitor.temporaryName(for: "config.json"))
        for file in [dead, live, mine] { try Data().write(to: file) }
        #expect(CacheJanitor.writerPID(dead.lastPathComponent) == gone.pid)
        #expect(CacheJanitor.sweep(cache, repo: repo) == [dead.path])
        #expect(FileManager.default.fileExists(atPath: live.path))
        #expect(FileManager.default.fileExists(atPath: mine.path))
    }
}
