// Transcripts of `quill embed`, `quill score` and `quill tokenize` on the engine's tiny fixture models, against the
// reference values stored with the fixtures (Tests/ModelsTests/Fixtures/*/expected.json, sentence-transformers
// 6.2). Tolerance 1e-5, as in the engine's own golden tests.
import Foundation
import QuillJSON
import Testing

@Suite struct EngineCommandTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("ModelsTests/Fixtures")

    func fixture(_ name: String) -> String { Self.fixtures.appendingPathComponent(name).path }

    func expected(_ name: String) throws -> JSONValue {
        try JSONParser.parse(try Data(contentsOf: Self.fixtures.appendingPathComponent(name).appendingPathComponent("expected.json")))
    }

    func jsonLine(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default:
                if u.value < 0x20 { out += String(format: "\\u%04x", u.value) } else { out.unicodeScalars.append(u) }
            }
        }
        return out + "\""
    }

    func numbers(_ line: Substring) throws -> [Float] {
        try #require(try JSONParser.parse(Array(line.utf8)).arrayValue).map { Float($0.doubleValue ?? .nan) }
    }

    @Test func embedMatchesTheReference() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let exp = try expected("bert-mean-normalize")
        let sentences = try #require(exp["sentences"]?.arrayValue).compactMap(\.stringValue)
        try write(sentences.map(jsonLine).joined(separator: "\n") + "\n", "in.jsonl", in: dir)
        let t = try quill(["embed", "--model", fixture("bert-mean-normalize"), "--input", "in.jsonl", "--batch-size", "3"], in: dir)
        #expect(t.status == 0, "\(t.stderr)")
        let lines = t.stdout.split(separator: "\n")
        let reference = try #require(exp["embeddings"]?.arrayValue)
        #expect(lines.count == sentences.count)
        var worst: Float = 0
        for (line, row) in zip(lines, reference) {
            let got = try numbers(line)
            let want = (row.arrayValue ?? []).map { Float($0.doubleValue ?? .nan) }
            #expect(got.count == want.count)
            for (a, b) in zip(got, want) { worst = max(worst, abs(a - b)) }
        }
        #expect(worst <= 1e-5, "max |Δ| = \(worst)")
    }

    @Test func embedTextInputAndNPYOutput() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        try write("The cat sits outside\nA man is playing guitar\n", "in.txt", in: dir)
        let t = try quill(["embed", "--model", fixture("bert-mean-normalize"), "--format", "text", "--input", "in.txt",
                           "--output", "out.npy"], in: dir)
        #expect(t.status == 0, "\(t.stderr)")
        let data = try Data(contentsOf: dir.appendingPathComponent("out.npy"))
        #expect(data.prefix(6) == Data([0x93]) + Data("NUMPY".utf8))
        let headerLength = Int(data[8]) | Int(data[9]) << 8
        #expect((10 + headerLength) % 64 == 0)
        #expect(String(decoding: data[10..<(10 + headerLength)], as: UTF8.self).contains("'shape': (2, 32)"))
        #expect(data.count == 10 + headerLength + 2 * 32 * 4)
    }

    @Test func timingsAndPipedInput() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        // A named pipe stands for `--input <(...)`: it has no size to read up front.
        let fifo = dir.appendingPathComponent("in.fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let writer = Thread {
            if let h = FileHandle(forWritingAtPath: fifo) {
                h.write(Data("\"one\"\n\"two\"\n\"three\"\n".utf8))
                try? h.close()
            }
        }
        writer.start()
        let t = try quill(["embed", "--model", fixture("bert-mean-normalize"), "--input", "in.fifo", "--timings"], in: dir)
        #expect(t.status == 0, "\(t.stderr)")
        #expect(t.stdout.split(separator: "\n").count == 3)
        let timings = try JSONParser.parse(Array(t.stderr.utf8))
        #expect(timings["n"]?.doubleValue == 3)
        #expect((timings["seconds"]?.doubleValue ?? -1) >= 0)
        #expect((timings["load_seconds"]?.doubleValue ?? -1) > 0)
    }

    @Test func badLinesAreReportedWithTheirNumbers() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        try write("\"fine\"\n{\"not\": \"a string\"}\n", "objects.jsonl", in: dir)
        let a = try quill(["embed", "--model", fixture("bert-mean-normalize"), "--input", "objects.jsonl"], in: dir)
        #expect(a.status == 65)
        #expect(a.stderr == "quill: error: objects.jsonl:2: expected a JSON string or an object with a \"text\" string, found object\n")
        try write("\"fine\"\n\"also fine\"\n\"unterminated\n", "broken.jsonl", in: dir)
        let b = try quill(["embed", "--model", fixture("bert-mean-normalize"), "--input", "broken.jsonl"], in: dir)
        #expect(b.status == 65)
        #expect(b.stderr.hasPrefix("quill: error: broken.jsonl:3: invalid JSON"), "\(b.stderr)")
        try write("\"one\"\n\n\"three\"\n", "blank.jsonl", in: dir)
        let c = try quill(["embed", "--model", fixture("bert-mean-normalize"), "--input", "blank.jsonl"], in: dir)
        #expect(c.status == 65)
        #expect(c.stderr.hasPrefix("quill: error: blank.jsonl:2: invalid JSON"), "\(c.stderr)")
        try write("[\"only one\"]\n", "pairs.jsonl", in: dir)
        let d = try quill(["score", "--model", fixture("ce-bert-1"), "--input", "pairs.jsonl"], in: dir)
        #expect(d.status == 65)
        #expect(d.stderr == "quill: error: pairs.jsonl:1: expected a two-string array [a, b] or an object with \"query\" and \"passage\" strings, found array\n")
        try Data([0x22, 0xFF, 0x22, 0x0A]).write(to: dir.appendingPathComponent("latin1.jsonl"))
        let e = try quill(["embed", "--model", fixture("bert-mean-normalize"), "--input", "latin1.jsonl"], in: dir)
        #expect(e.status == 65)
        #expect(e.stderr.contains("not valid UTF-8"), "\(e.stderr)")
    }

    @Test func scoreMatchesTheReference() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        for name in ["ce-bert-1", "ce-bert-3-legacy-sigmoid"] {
            let exp = try expected(name)
            let pairs = try #require(exp["pairs"]?.arrayValue).map { ($0.arrayValue ?? []).compactMap(\.stringValue) }
            try write(pairs.map { "[\(jsonLine($0[0])), \(jsonLine($0[1]))]" }.joined(separator: "\n") + "\n", "pairs.jsonl", in: dir)
            let t = try quill(["score", "--model", fixture(name), "--input", "pairs.jsonl"], in: dir)
            #expect(t.status == 0, "\(t.stderr)")
            let reference = try #require(exp["scores"]?.arrayValue)
            let lines = t.stdout.split(separator: "\n")
            #expect(lines.count == pairs.count)
            for (line, row) in zip(lines, reference) {
                let want = (row.arrayValue ?? []).map { Float($0.doubleValue ?? .nan) }
                // One label prints a number, several an array.
                let got = want.count == 1 ? [Float(String(line)) ?? .nan] : try numbers(line)
                #expect(got.count == want.count)
                for (a, b) in zip(got, want) { #expect(abs(a - b) <= 1e-5, "\(name): \(a) vs \(b)") }
            }
        }
    }

    @Test func tokenizeGivesTheModelsIds() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let exp = try expected("roberta-mean")
        let sentences = try #require(exp["sentences"]?.arrayValue).compactMap(\.stringValue)
        try write(sentences.map(jsonLine).joined(separator: "\n") + "\n", "in.jsonl", in: dir)
        let t = try quill(["tokenize", "--model", fixture("roberta-mean"), "--input", "in.jsonl"], in: dir)
        #expect(t.status == 0, "\(t.stderr)")
        let want = try #require(exp["token_ids"]?.arrayValue).map { "[" + ($0.arrayValue ?? []).compactMap(\.intValue).map(String.init).joined(separator: ",") + "]" }
        #expect(t.stdout.split(separator: "\n").map(String.init) == want)

        let ce = try expected("ce-roberta-1")
        let pairs = try #require(ce["pairs"]?.arrayValue).map { ($0.arrayValue ?? []).compactMap(\.stringValue) }
        try write(pairs.map { "[\(jsonLine($0[0])), \(jsonLine($0[1]))]" }.joined(separator: "\n") + "\n", "pairs.jsonl", in: dir)
        let p = try quill(["tokenize", "--pairs", "--model", fixture("ce-roberta-1"), "--input", "pairs.jsonl"], in: dir)
        #expect(p.status == 0, "\(p.stderr)")
        let wantPairs = try #require(ce["token_ids"]?.arrayValue).map { "[" + ($0.arrayValue ?? []).compactMap(\.intValue).map(String.init).joined(separator: ",") + "]" }
        #expect(p.stdout.split(separator: "\n").map(String.init) == wantPairs)
    }

    @Test func missingModelIsAClearError() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        try write("\"x\"\n", "in.jsonl", in: dir)
        let t = try quill(["embed", "--model", "./no-such-model", "--input", "in.jsonl"], in: dir)
        #expect(t.status == 1)
        #expect(t.stderr.contains("no-such-model"), "\(t.stderr)")
        let pickle = dir.appendingPathComponent("pickle-model")
        try FileManager.default.createDirectory(at: pickle, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent("bert-plain-bf16/config.json"),
                                         to: pickle.appendingPathComponent("config.json"))
        try Data([0x80, 0x02]).write(to: pickle.appendingPathComponent("pytorch_model.bin"))
        let p = try quill(["embed", "--model", pickle.path, "--input", "in.jsonl"], in: dir)
        #expect(p.status == 1)
        #expect(p.stderr.contains("never unpickles"), "\(p.stderr)")
    }
}
