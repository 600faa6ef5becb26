// Input read exactly by the workers: LF, CRLF and lone CR give the same lines, a byte order mark is dropped,
// invalid UTF-8 is named by line and byte offset, ids travel from input to output, and NaN is refused in JSON and
// .npy alike. Embeddings and scores are compared with the engine's library API on the same inputs.
import Foundation
import QuillJSON
import QuillModels
import Testing

@Suite struct InputIOTests {
    static let biEncoder = EngineCommandTests.fixtures.appendingPathComponent("bert-mean-normalize")
    static let crossEncoder = EngineCommandTests.fixtures.appendingPathComponent("ce-bert-1")

    /// The rows of JSON Lines output: arrays, or the `key` member of objects (with their ids).
    func rows(_ stdout: String, key: String = "embedding") throws -> [(id: String?, values: [Float])] {
        try stdout.split(separator: "\n").map { line in
            let value = try JSONParser.parse(Array(line.utf8))
            let id = value.objectValue?["id"].map { v in v.stringValue ?? v.doubleValue.map { "\($0)" } ?? "?" }
            let payload = value.objectValue?[key] ?? value
            let numbers = payload.arrayValue ?? [payload]
            return (id, numbers.map { Float($0.doubleValue ?? .nan) })
        }
    }

    func expectClose(_ got: [[Float]], _ want: [[Float]], _ what: String) {
        #expect(got.count == want.count, "\(what): \(got.count) rows, \(want.count) expected")
        for (a, b) in zip(got, want) {
            #expect(a.count == b.count)
            let worst = zip(a, b).map { abs($0 - $1) }.max() ?? 0
            #expect(worst <= 1e-6, "\(what): max |Δ| = \(worst)")
        }
    }

    @Test func everyLineEndingGivesTheSameEmbeddings() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let sentences = ["a", "b", "c"]
        let want = try BiEncoder(directory: Self.biEncoder).encode(sentences)
        let inputs: [(String, String)] = [
            ("text LF", #"printf 'a\nb\nc\n'"#), ("text CRLF", #"printf 'a\r\nb\r\nc\r\n'"#),
            ("text CR", #"printf 'a\rb\rc\r'"#), ("text mixed, no final newline", #"printf 'a\r\nb\rc'"#),
            ("text BOM", #"printf '\xef\xbb\xbfa\r\nb\r\nc\r\n'"#),
        ]
        for (what, producer) in inputs {
            let t = try shell(producer + #" | "$QUILL" embed --format text --model "$FIXTURES/bert-mean-normalize""#, in: dir)
            #expect(t.status == 0, "\(what): \(t.stderr)")
            expectClose(try rows(t.stdout).map(\.values), want, what)
        }
        for (what, bytes) in [("jsonl CRLF", "\"a\"\r\n\"b\"\r\n\"c\"\r\n"), ("jsonl CR", "\"a\"\r\"b\"\r\"c\"")] {
            try write(bytes, "in.jsonl", in: dir)
            let t = try shell(#""$QUILL" embed --model "$FIXTURES/bert-mean-normalize" --input in.jsonl"#, in: dir)
            #expect(t.status == 0, "\(what): \(t.stderr)")
            expectClose(try rows(t.stdout).map(\.values), want, what)
        }
        // A blank line between CRLF endings is still a blank line, and an error in JSON Lines.
        try write("\"a\"\r\n\r\n\"c\"\r\n", "blank.jsonl", in: dir)
        let blank = try shell(#""$QUILL" embed --model "$FIXTURES/bert-mean-normalize" --input blank.jsonl"#, in: dir)
        #expect(blank.status == 65 && blank.stderr.hasPrefix("quill: error: blank.jsonl:2: invalid JSON"), "\(blank.stderr)")
    }

    @Test func pairsWithCRLFScoreAsWithLF() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let want = try CrossEncoder(directory: Self.crossEncoder).predict([("a b", "c"), ("d", "e f")])
        try write("[\"a b\", \"c\"]\r\n[\"d\", \"e f\"]\r\n", "pairs.jsonl", in: dir)
        let t = try shell(#""$QUILL" score --model "$FIXTURES/ce-bert-1" --input pairs.jsonl"#, in: dir)
        #expect(t.status == 0, "\(t.stderr)")
        expectClose(try rows(t.stdout).map(\.values), want, "score CRLF")
    }

    @Test func invalidUTF8NamesItsLineAndOffset() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cases: [(bytes: [UInt8], message: String)] = [
            (Array("\"ok\"\n\"".utf8) + [0xFF] + Array("\"\n".utf8), "in:2: not valid UTF-8: byte 0xFF at byte offset 6 of the input (byte 2 of the line)"),
            (Array("\"ok\"\r\n\"ab".utf8) + [0xC0, 0xAF] + Array("\"\r\n".utf8), "in:2: not valid UTF-8: byte 0xC0 at byte offset 9 of the input (byte 4 of the line)"),
            (Array("\"".utf8) + [0xED, 0xA0, 0x80] + Array("\"\n".utf8), "in:1: not valid UTF-8: byte 0xED at byte offset 1 of the input (byte 2 of the line)"),
            (Array("\"ok\"\n\"x".utf8) + [0xE2, 0x82], "in:2: not valid UTF-8: byte 0xE2 at byte offset 7 of the input (byte 3 of the line)"),
        ]
        for (bytes, message) in cases {
            try Data(bytes).write(to: dir.appendingPathComponent("in"))
            for format in ["jsonl", "text"] {
                let t = try shell(#""$QUILL" embed --format "# + format + #" --model "$FIXTURES/bert-mean-normalize" --input in"#, in: dir)
                #expect(t.status == 65)
                #expect(t.stderr == "quill: error: \(message)\n")
            }
        }
    }

    @Test func idsTravelAndPlainLinesKeepTheirForm() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        try write("""
            {"id": "doc-1", "text": "The cat sits outside"}
            "A man is playing guitar"
            {"id": 12345678901234567890, "text": "The new movie is awesome", "lang": "en"}
            {"text": "no id"}

            """, "in.jsonl", in: dir)
        let want = try BiEncoder(directory: Self.biEncoder)
            .encode(["The cat sits outside", "A man is playing guitar", "The new movie is awesome", "no id"])
        let t = try shell(#""$QUILL" embed --model "$FIXTURES/bert-mean-normalize" --input in.jsonl"#, in: dir)
        #expect(t.status == 0, "\(t.stderr)")
        let lines = t.stdout.split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines[0].hasPrefix("{\"id\":\"doc-1\",\"embedding\":["))
        #expect(lines[1].hasPrefix("["))
        #expect(lines[2].hasPrefix("{\"id\":12345678901234567890,\"embedding\":["), "the id keeps its digits")
        #expect(lines[3].hasPrefix("{\"embedding\":["))
        expectClose(try rows(t.stdout).map(\.values), want, "embed ids")

        try write("""
            {"id": "q1", "query": "a b", "passage": "c"}
            ["d", "e f"]

            """, "pairs.jsonl", in: dir)
        let scores = try CrossEncoder(directory: Self.crossEncoder).predict([("a b", "c"), ("d", "e f")])
        let s = try shell(#""$QUILL" score --model "$FIXTURES/ce-bert-1" --input pairs.jsonl"#, in: dir)
        #expect(s.status == 0, "\(s.stderr)")
        #expect(s.stdout.hasPrefix("{\"id\":\"q1\",\"score\":"))
        expectClose(try rows(s.stdout, key: "score").map(\.values), scores, "score ids")

        try write("{\"id\": 1, \"query\": \"a\"}\n", "bad.jsonl", in: dir)
        let bad = try shell(#""$QUILL" score --model "$FIXTURES/ce-bert-1" --input bad.jsonl"#, in: dir)
        #expect(bad.status == 65)
        #expect(bad.stderr == "quill: error: bad.jsonl:1: expected a two-string array [a, b] or an object with \"query\" and \"passage\" strings, found object\n")
    }

    /// A copy of `fixture` whose embedding LayerNorm weight is NaN, so that every output is NaN.
    func poisoned(_ fixture: URL, tensor: String, in dir: URL) throws -> URL {
        let copy = dir.appendingPathComponent("nan-" + fixture.lastPathComponent)
        try FileManager.default.copyItem(at: fixture, to: copy)
        let file = copy.appendingPathComponent("model.safetensors")
        var data = try Data(contentsOf: file)
        let n = data.prefix(8).enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
        let header = try JSONParser.parse(Array(data[8..<(8 + n)]))
        let entry = header[tensor]?["data_offsets"]?.arrayValue ?? []
        let offsets = entry.compactMap(\.intValue)
        try #require(offsets.count == 2)
        for i in stride(from: 8 + n + offsets[0], to: 8 + n + offsets[1], by: 4) {
            data.replaceSubrange(i..<(i + 4), with: [0x00, 0x00, 0xC0, 0x7F])
        }
        try data.write(to: file)
        return copy
    }

    @Test func nanIsRefusedInEveryOutputFormat() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let model = try poisoned(Self.biEncoder, tensor: "embeddings.LayerNorm.weight", in: dir)
        try write("\"a\"\n\"b\"\n", "in.jsonl", in: dir)
        let message = "quill: error: in.jsonl:1: the model produced NaN (do its weights contain NaN or infinity?)\n"
        for output in ["", " --output out.jsonl", " --output out.npy"] {
            let t = try shell(#""$QUILL" embed --model "# + model.path + " --input in.jsonl" + output, in: dir)
            #expect(t.status == 1 && t.stderr == message, "\(output): \(t.stderr)")
            #expect(t.stdout == "")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix("out") || $0.contains(".out.") } == [])
        let ce = try poisoned(Self.crossEncoder, tensor: "bert.embeddings.LayerNorm.weight", in: dir)
        try write("[\"a\", \"b\"]\n", "pairs.jsonl", in: dir)
        let s = try shell(#""$QUILL" score --model "# + ce.path + " --input pairs.jsonl", in: dir)
        #expect(s.status == 1 && s.stderr.hasPrefix("quill: error: pairs.jsonl:1: the model produced NaN"), "\(s.stderr)")
    }
}
