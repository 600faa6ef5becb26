// The streaming workers: output order is input order across batches, results flow while the input is still
// open, a bad line stops the worker after the lines before it, and SIGTERM stops it quietly at a line boundary.
import Foundation
import QuillJSON
import QuillModels
import Testing

/// A running `quill` with a pipe on stdin and its stdout and stderr collected in files.
final class LiveWorker {
    let process = Process()
    let input = Pipe()
    let outURL: URL, errURL: URL

    init(_ arguments: [String], in dir: URL, environment extra: [String: String] = [:]) throws {
        outURL = dir.appendingPathComponent(".live-stdout")
        errURL = dir.appendingPathComponent(".live-stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        process.executableURL = try quillURL()
        process.arguments = arguments
        process.currentDirectoryURL = dir
        process.environment = try ioEnvironment(dir).merging(extra) { $1 }
        process.standardInput = input
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        try process.run()
    }

    var stdout: String { String(decoding: (try? Data(contentsOf: outURL)) ?? Data(), as: UTF8.self) }
    var stderr: String { String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self) }

    func send(_ text: String) throws { try input.fileHandleForWriting.write(contentsOf: Data(text.utf8)) }

    /// Waits (at most 60 s) until stdout holds `lines` lines.
    func waitForLines(_ lines: Int) -> Bool {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if stdout.split(separator: "\n").count >= lines { return true }
            usleep(20_000)
        }
        return false
    }

    /// Waits (at most 60 s) for the process to end.
    func waitForExit() -> Bool {
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        guard process.isRunning else { return true }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return false
    }
}

@Suite struct StreamingIOTests {
    let model = EngineCommandTests.fixtures.appendingPathComponent("bert-mean-normalize").path

    @Test func resultsFlowWhileTheInputIsOpenAndSIGTERMStopsQuietly() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let worker = try LiveWorker(["embed", "--model", model], in: dir)
        // Request and response: the writer waits for each answer before it writes more.
        try worker.send("\"one\"\n\"two\"\n")
        #expect(worker.waitForLines(2), "no output while stdin is open: \(worker.stderr)")
        try worker.send("{\"id\": 3, \"text\": \"three\"}\n")
        #expect(worker.waitForLines(3))
        worker.process.terminate()
        #expect(worker.waitForExit())
        #expect(worker.process.terminationReason == .uncaughtSignal && worker.process.terminationStatus == SIGTERM)
        #expect(worker.stderr == "")
        let want = try BiEncoder(directory: URL(fileURLWithPath: model)).encode(["one", "two", "three"])
        let lines = worker.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 4 && lines.last == "")
        let got = try lines.dropLast().map { line -> [Float] in
            let v = try JSONParser.parse(Array(line.utf8))
            return (v["embedding"] ?? v).arrayValue?.map { Float($0.doubleValue ?? .nan) } ?? []
        }
        for (a, b) in zip(got, want) { #expect(zip(a, b).allSatisfy { abs($0 - $1) <= 1e-6 }) }
    }

    @Test func sigtermInTheMiddleOfALargeInputLeavesWholeLines() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        try write((0..<40_000).map { "{\"id\": \($0), \"text\": \"sentence number \($0)\"}" }.joined(separator: "\n"), "in.jsonl", in: dir)
        for output in [[], ["--output", "out.jsonl"], ["--output", "out.npy"]] {
            let worker = try LiveWorker(["embed", "--model", model, "--input", "in.jsonl"] + output, in: dir,
                                        environment: ["QUILL_BATCH_LINES": "64"])
            if output.isEmpty { #expect(worker.waitForLines(100)) } else { usleep(300_000) }
            worker.process.terminate()
            #expect(worker.waitForExit())
            #expect(worker.process.terminationReason == .uncaughtSignal && worker.process.terminationStatus == SIGTERM)
            #expect(worker.stderr == "")
            let text = worker.stdout
            #expect(text.isEmpty || text.hasSuffix("\n"))
            for (i, line) in text.split(separator: "\n").enumerated() {
                let v = try JSONParser.parse(Array(line.utf8))
                #expect(v["id"]?.intValue == i && v["embedding"]?.arrayValue?.count == 32)
            }
            // A file output appears only when complete: none, and no temp file.
            let left = try FileManager.default.contentsOfDirectory(atPath: dir.path)
                .filter { $0.hasPrefix("out") || $0.contains(".out.") }
            #expect(left == [], "\(left)")
        }
    }

    @Test func orderAcrossBatchesAndTheLinesBeforeABadOne() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let sentences = (0..<50).map { "sentence \($0) " + String(repeating: "word ", count: $0 % 7) }
        var lines = sentences.enumerated().map { "{\"id\": \"s\($0.offset)\", \"text\": \"\($0.element)\"}" }
        try write(lines.joined(separator: "\n") + "\n", "in.jsonl", in: dir)
        let want = try BiEncoder(directory: URL(fileURLWithPath: model)).encode(sentences)
        for batch in ["1", "7", "512"] {
            let t = try shell(#""$QUILL" embed --model "$FIXTURES/bert-mean-normalize" --input in.jsonl"#, in: dir,
                              environment: ["QUILL_BATCH_LINES": batch])
            #expect(t.status == 0, "\(t.stderr)")
            let out = t.stdout.split(separator: "\n")
            #expect(out.count == 50)
            for (i, line) in out.enumerated() {
                let v = try JSONParser.parse(Array(line.utf8))
                #expect(v["id"]?.stringValue == "s\(i)")
                let got = (v["embedding"]?.arrayValue ?? []).map { Float($0.doubleValue ?? .nan) }
                #expect(got.count == 32 && zip(got, want[i]).allSatisfy { abs($0 - $1) <= 1e-6 }, "batch \(batch), line \(i)")
            }
        }
        lines[30] = "{\"id\": \"s30\"}"
        try write(lines.joined(separator: "\n") + "\n", "bad.jsonl", in: dir)
        for batch in ["1", "7", "512"] {
            let t = try shell(#""$QUILL" embed --model "$FIXTURES/bert-mean-normalize" --input bad.jsonl"#, in: dir,
                              environment: ["QUILL_BATCH_LINES": batch])
            #expect(t.status == 65)
            #expect(t.stderr == "quill: error: bad.jsonl:31: expected a JSON string or an object with a \"text\" string, found object\n")
            #expect(t.stdout.split(separator: "\n").count == 30, "batch \(batch)")
            let f = try shell(#""$QUILL" embed --model "$FIXTURES/bert-mean-normalize" --input bad.jsonl --output out.jsonl"#,
                              in: dir, environment: ["QUILL_BATCH_LINES": batch])
            #expect(f.status == 65 && !FileManager.default.fileExists(atPath: dir.appendingPathComponent("out.jsonl").path))
        }
    }

    @Test func npyIsStreamedWithTheRightShape() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let sentences = (0..<1000).map { "line \($0)" }
        try write(sentences.joined(separator: "\r\n"), "in.txt", in: dir)
        let t = try shell(#""$QUILL" embed --model "$FIXTURES/bert-mean-normalize" --format text --input in.txt --output out.npy"#,
                          in: dir, environment: ["QUILL_BATCH_LINES": "100"])
        #expect(t.status == 0, "\(t.stderr)")
        let data = try Data(contentsOf: dir.appendingPathComponent("out.npy"))
        let headerLength = Int(data[8]) | Int(data[9]) << 8
        #expect(10 + headerLength == 128)
        #expect(String(decoding: data[10..<128], as: UTF8.self).hasPrefix("{'descr': '<f4', 'fortran_order': False, 'shape': (1000, 32), }"))
        #expect(data.count == 128 + 1000 * 32 * 4)
        let want = try BiEncoder(directory: URL(fileURLWithPath: model)).encode(sentences)
        let got = data.withUnsafeBytes { raw in
            (0..<1000 * 32).map { raw.loadUnaligned(fromByteOffset: 128 + 4 * $0, as: Float.self) }
        }
        #expect(zip(got, want.flatMap { $0 }).allSatisfy { abs($0 - $1) <= 1e-6 })
    }
}
