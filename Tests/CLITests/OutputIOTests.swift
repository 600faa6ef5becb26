// Every command against a stdout or stderr that cannot be written: /dev/full (ENOSPC), a closed descriptor (`>&-`),
// and a reader that goes away (`| head -1`). Expected: exit 1 and a message on stderr where stderr works, no crash
// signal ever; a broken pipe ends quill quietly by SIGPIPE, as `cat` (a shell reports 141).
import Foundation
import Testing

/// How a shell command through bash ended, with what it wrote to stdout and stderr (collected in files, so that
/// no pipe can fill up).
struct ShellRun {
    var signalled: Bool
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs `script` with bash in `directory`; `$QUILL` is the built executable, `$FIXTURES` Tests/ModelsTests/Fixtures.
func shell(_ script: String, in directory: URL, environment extra: [String: String] = [:]) throws -> ShellRun {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = ["-c", script]
    process.currentDirectoryURL = directory
    process.environment = try ioEnvironment(directory).merging(extra) { $1 }
    let out = directory.appendingPathComponent(".stdout"), err = directory.appendingPathComponent(".stderr")
    _ = FileManager.default.createFile(atPath: out.path, contents: nil)
    _ = FileManager.default.createFile(atPath: err.path, contents: nil)
    process.standardOutput = try FileHandle(forWritingTo: out)
    process.standardError = try FileHandle(forWritingTo: err)
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    defer {
        try? FileManager.default.removeItem(at: out)
        try? FileManager.default.removeItem(at: err)
    }
    return ShellRun(signalled: process.terminationReason == .uncaughtSignal, status: process.terminationStatus,
                    stdout: read(".stdout", in: directory), stderr: read(".stderr", in: directory))
}

/// The environment of the transcript tests (hash engine, offline, no model caches), plus QUILL and FIXTURES.
func ioEnvironment(_ directory: URL) throws -> [String: String] {
    var environment = ProcessInfo.processInfo.environment
    environment["QUILL_ENGINE"] = "hash"
    environment["HF_HUB_OFFLINE"] = "1"
    let emptyCache = directory.appendingPathComponent(".empty-hf-cache").path
    for key in ["HF_HUB_CACHE", "SENTENCE_TRANSFORMERS_HOME", "HF_HOME"] { environment[key] = emptyCache }
    environment["QUILL_MODEL_PATH"] = nil
    environment["QUILL"] = try quillURL().path
    environment["FIXTURES"] = EngineCommandTests.fixtures.path
    return environment
}

@Suite struct OutputIOTests {
    /// Each command with a successful run that writes to stdout (the notebook made to match first, so that check
    /// passes and only the write can fail it).
    static let commands: [(name: String, line: String)] = [
        ("embed", #"printf '"a"\n"b"\n' | "$QUILL" embed --model "$FIXTURES/bert-mean-normalize""#),
        ("embed text", #"printf 'a\nb\n' | "$QUILL" embed --format text --model "$FIXTURES/bert-mean-normalize""#),
        ("score", #"printf '["a", "b"]\n' | "$QUILL" score --model "$FIXTURES/ce-bert-1""#),
        ("tokenize", #"printf '"a"\n' | "$QUILL" tokenize --model "$FIXTURES/bert-mean-normalize""#),
        ("models", #""$QUILL" models"#),
        ("run", #""$QUILL" run seed.md"#),
        ("check", #""$QUILL" check seed.md"#),
        ("run script", #"printf 'print(1)\n' > s.py && "$QUILL" run s.py"#),
    ]

    func prepared() throws -> URL {
        let dir = try scratch()
        let update = try shell(#""$QUILL" update seed.md"#, in: dir)
        #expect(update.status == 0, "\(update.stderr)")
        return dir
    }

    @Test(arguments: commands.map(\.name))
    func fullDiskOnStdoutIsAnErrorNotACrash(_ name: String) throws {
        let dir = try prepared()
        defer { try? FileManager.default.removeItem(at: dir) }
        let line = try #require(Self.commands.first { $0.name == name }?.line)
        let ok = try shell(line, in: dir)
        #expect(!ok.signalled && ok.status == 0 && !ok.stdout.isEmpty, "\(name): \(ok.stderr)")
        let full = try shell(line + " > /dev/full", in: dir)
        #expect(!full.signalled, "\(name) died of signal \(full.status)")
        #expect(full.status == 1, "\(name): \(full.stderr)")
        #expect(full.stderr.contains("quill: error: cannot write to stdout: No space left on device"), "\(name): \(full.stderr)")
    }

    @Test(arguments: commands.map(\.name))
    func closedStdoutIsAnErrorNotACrash(_ name: String) throws {
        let dir = try prepared()
        defer { try? FileManager.default.removeItem(at: dir) }
        let line = try #require(Self.commands.first { $0.name == name }?.line)
        let closed = try shell(line + " >&-", in: dir)
        #expect(!closed.signalled, "\(name) died of signal \(closed.status)")
        #expect(closed.status == 1, "\(name): \(closed.stderr)")
        #expect(closed.stderr.contains("quill: error: cannot write to stdout: it is closed"), "\(name): \(closed.stderr)")
    }

    @Test(arguments: commands.map(\.name))
    func unwritableStderrIsExit1(_ name: String) throws {
        let dir = try prepared()
        defer { try? FileManager.default.removeItem(at: dir) }
        let line = try #require(Self.commands.first { $0.name == name }?.line)
        // A failing command whose error message cannot be written: still exit 1, no crash.
        let failing = line.replacingOccurrences(of: "$FIXTURES/", with: "./missing-") .replacingOccurrences(of: "seed.md", with: "missing.md")
        for redirect in [" 2>/dev/full", " 2>&-"] where failing != line {
            let t = try shell(failing + redirect, in: dir)
            #expect(!t.signalled && t.status != 0, "\(name)\(redirect): \(t.status)")
        }
        let timings = try shell(#"printf '"a"\n' | "$QUILL" embed --timings --model "$FIXTURES/bert-mean-normalize" 2>/dev/full"#, in: dir)
        #expect(!timings.signalled && timings.status == 1)
        let fetch = try shell(#""$QUILL" fetch some-model 2>/dev/full"#, in: dir)
        #expect(!fetch.signalled && fetch.status == 1)
    }

    @Test func fileOutputThatCannotBeWrittenLeavesNothing() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        try write((0..<200).map { "\"sentence \($0)\"" }.joined(separator: "\n"), "in.jsonl", in: dir)
        let embed = #""$QUILL" embed --model "$FIXTURES/bert-mean-normalize" --input in.jsonl"#
        // A file size limit stands for a full disk (the output is far over 8 KiB): EFBIG, not SIGXFSZ.
        for output in ["out.jsonl", "out.npy"] {
            let t = try shell("ulimit -f 8; " + embed + " --output " + output, in: dir)
            #expect(!t.signalled && t.status == 1, "\(output): \(t.status) \(t.stderr)")
            #expect(t.stderr == "quill: error: cannot write to \(output): File too large\n")
        }
        let missing = try shell(embed + " --output no/such/folder/out.jsonl", in: dir)
        #expect(missing.status == 1)
        #expect(missing.stderr == "quill: error: cannot write to no/such/folder/out.jsonl: No such file or directory\n")
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains("out") }
        #expect(left == [])
    }

    @Test func closedStdinIsAnError() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        for command in ["embed", "tokenize"] {
            let t = try shell(#""$QUILL" "# + command + #" --model "$FIXTURES/bert-mean-normalize" <&-"#, in: dir)
            #expect(!t.signalled && t.status == 1 && t.stdout == "")
            #expect(t.stderr == "quill: error: stdin: cannot read: Bad file descriptor\n")
        }
    }

    @Test func readerGoingAwayIsAQuietSIGPIPE() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        // Far more output than a pipe holds, so that quill is still writing when head has gone.
        try write((0..<3000).map { "\"sentence \($0)\"" }.joined(separator: "\n") + "\n", "in.jsonl", in: dir)
        let t = try shell(#"set -o pipefail; "$QUILL" embed --model "$FIXTURES/bert-mean-normalize" --input in.jsonl | head -1; echo "status=$?""#, in: dir)
        #expect(t.stderr == "")
        let lines = t.stdout.split(separator: "\n")
        #expect(lines.count == 2 && lines.first?.hasPrefix("[") == true)
        #expect(lines.last == "status=141")
        for command in [#""$QUILL" models --paths"#, #""$QUILL" run seed.md"#] {
            let quiet = try shell(#"set -o pipefail; ( sleep 0.2; "# + command + #" ) | true; echo "status=$?""#, in: dir)
            #expect(quiet.stderr == "" && quiet.stdout == "status=141\n", "\(command): \(quiet.stdout) \(quiet.stderr)")
        }
    }
}
