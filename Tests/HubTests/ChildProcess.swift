// A real `quill` child process for the tests that must kill one mid-download or measure what it costs: started
// with posix_spawn (output to a file), killed with any signal, reaped with wait4, which reports that child's own
// CPU time (user + system), however busy the rest of the test run is.

#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Testing

/// The `quill` executable next to this test bundle in the build products folder.
func quillExecutable() throws -> URL {
    let url = Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("quill")
    try #require(FileManager.default.isExecutableFile(atPath: url.path), "build quill first: \(url.path)")
    return url
}

/// This process's environment with every setting Hub reads replaced: no real cache, no real hub.
func childEnvironment(_ scratch: Scratch, _ server: LocalHubServer, _ extra: [String: String] = [:]) -> [String: String] {
    var env = ProcessInfo.processInfo.environment.filter {
        !$0.key.hasPrefix("HF_") && !$0.key.hasPrefix("QUILL_") && !$0.key.hasPrefix("HUGGING")
            && !["SENTENCE_TRANSFORMERS_HOME", "TRANSFORMERS_OFFLINE", "XDG_CACHE_HOME"].contains($0.key)
    }
    env.merge(scratch.environment(server, download: false)) { $1 }
    env.merge(extra) { $1 }
    return env
}

final class ChildProcess {
    struct Ending {
        /// Exit status, or nil when a signal ended the process.
        var status: Int32?
        var signal: Int32?
        /// User plus system CPU seconds of the child.
        var cpuSeconds: Double
        var wallSeconds: Double
    }

    let pid: pid_t
    let log: URL
    private let started = Date()

    /// Starts `executable` with stdout and stderr going to `log`, stdin from /dev/null.
    init(_ executable: URL, _ arguments: [String], environment: [String: String], log: URL) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid = pid_t()
        let rc = posix_spawn(&pid, executable.path, &actions, nil, argv, envp)
        guard rc == 0 else { throw ServerError("posix_spawn \(executable.path): \(String(cString: strerror(rc)))") }
        self.pid = pid
        self.log = log
    }

    func kill(_ signal: Int32) { _ = Glibc.kill(pid, signal) }

    /// Waits at most `timeout` seconds for the child to end (then kills it), and reaps it.
    func wait(timeout: TimeInterval) -> Ending {
        var status: Int32 = 0
        var usage = rusage()
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let r = wait4(pid, &status, WNOHANG, &usage)
            if r == pid { break }
            if r < 0 && errno != EINTR { break }
            if Date() > deadline {
                kill(SIGKILL)
                while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
                break
            }
            usleep(20_000)
        }
        let seconds = { (t: timeval) in Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        let signal = status & 0x7f
        return Ending(status: signal == 0 ? (status >> 8) & 0xff : nil, signal: signal == 0 ? nil : signal,
                      cpuSeconds: seconds(usage.ru_utime) + seconds(usage.ru_stime),
                      wallSeconds: Date().timeIntervalSince(started))
    }

    var output: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }
}
