// `quill tokenize` takes the id objects embed and score take: {"id", "text"} (or {"id", "query", "passage"} with
// --pairs) gives {"id", "input_ids"}, against the reference ids stored with the fixtures (sentence-transformers 6.2,
// Tests/ModelsTests/Fixtures/*/expected.json); plain lines mixed in keep their plain arrays.
import Foundation
import QuillJSON
import Testing

@Suite struct TokenizeRecordTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("ModelsTests/Fixtures")

    func expected(_ name: String) throws -> JSONValue {
        try JSONParser.parse(try Data(contentsOf: Self.fixtures.appendingPathComponent("\(name)/expected.json")))
    }

    func idList(_ value: JSONValue) -> String {
        "[" + (value.arrayValue ?? []).compactMap(\.intValue).map(String.init).joined(separator: ",") + "]"
    }

    func quoted(_ s: String) throws -> String { String(decoding: try JSONEncoder().encode(s), as: UTF8.self) }

    @Test func idObjectsCarryTheirIdsToTheTokenIds() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let exp = try expected("roberta-mean")
        let sentences = try #require(exp["sentences"]?.arrayValue).compactMap(\.stringValue)
        let want = try #require(exp["token_ids"]?.arrayValue).map(idList)
        try #require(sentences.count >= 2 && sentences.count == want.count)
        // Even lines are objects (string and number ids alternating), odd lines plain strings.
        let lines = try sentences.enumerated().map { i, s in
            i % 2 == 1 ? try quoted(s) : "{\"id\": \(i % 4 == 0 ? "\"t\(i)\"" : "\(i)"), \"text\": \(try quoted(s))}"
        }
        try write(lines.joined(separator: "\n") + "\n", "in.jsonl", in: dir)
        let model = Self.fixtures.appendingPathComponent("roberta-mean").path
        let t = try quill(["tokenize", "--model", model, "--input", "in.jsonl"], in: dir)
        #expect(t.status == 0, "\(t.stderr)")
        let got = t.stdout.split(separator: "\n").map(String.init)
        let wantLines = want.enumerated().map { i, ids in
            i % 2 == 1 ? ids : "{\"id\":\(i % 4 == 0 ? "\"t\(i)\"" : "\(i)"),\"input_ids\":\(ids)}"
        }
        #expect(got == wantLines)
    }

    @Test func pairObjectsCarryTheirIds() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let exp = try expected("ce-roberta-1")
        let pairs = try #require(exp["pairs"]?.arrayValue).map { ($0.arrayValue ?? []).compactMap(\.stringValue) }
        let want = try #require(exp["token_ids"]?.arrayValue).map(idList)
        try #require(!pairs.isEmpty && pairs.count == want.count && pairs.allSatisfy { $0.count == 2 })
        let lines = try pairs.enumerated().map { i, p in
            "{\"id\": \"p\(i)\", \"query\": \(try quoted(p[0])), \"passage\": \(try quoted(p[1]))}"
        }
        try write(lines.joined(separator: "\n") + "\n", "pairs.jsonl", in: dir)
        let model = Self.fixtures.appendingPathComponent("ce-roberta-1").path
        let t = try quill(["tokenize", "--pairs", "--model", model, "--input", "pairs.jsonl"], in: dir)
        #expect(t.status == 0, "\(t.stderr)")
        #expect(t.stdout.split(separator: "\n").map(String.init)
                == want.enumerated().map { "{\"id\":\"p\($0.offset)\",\"input_ids\":\($0.element)}" })
    }

    @Test func anObjectWithoutTextIsNamedByItsLine() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        try write("\"fine\"\n{\"id\": 2, \"txt\": \"typo\"}\n", "in.jsonl", in: dir)
        let model = Self.fixtures.appendingPathComponent("roberta-mean").path
        let t = try quill(["tokenize", "--model", model, "--input", "in.jsonl"], in: dir)
        #expect(t.status == 65)
        #expect(t.stderr.contains("in.jsonl:2: expected a JSON string or an object with a \"text\" string, found object"),
                "\(t.stderr)")
        #expect(t.stdout.split(separator: "\n").count == 1)
    }
}
