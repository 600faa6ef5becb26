import Testing
@testable import QuillJSON

@Suite struct JSONParserTests {
    @Test func parsesNestedDocument() throws {
        let v = try JSONParser.parse(#" {"a": [1, 2.5, -3e2, true, false, null], "b": {"c": "x\u00e9\ud83d\ude00"}} "#)
        #expect(v["a"]?.arrayValue?.count == 6)
        #expect(v["a"]?.arrayValue?[0].intValue == 1)
        #expect(v["a"]?.arrayValue?[2].doubleValue == -300)
        #expect(v["b"]?["c"]?.stringValue == "xé😀")
    }

    @Test func keepsCanonicallyEquivalentKeysApart() throws {
        // "à" precomposed and decomposed are different keys byte for byte.
        let v = try JSONParser.parse("{\"\u{00E0}\": 1, \"a\u{0300}\": 2}")
        let o = try #require(v.objectValue)
        #expect(o.count == 2)
        #expect(Array(o.members[1].key.unicodeScalars) == ["a", "\u{0300}"])
    }

    @Test func rejectsDuplicateKeys() {
        #expect(throws: JSONError.self) { try JSONParser.parse(#"{"a": 1, "a": 2}"#) }
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONError.self) { try JSONParser.parse(deep) }
        let ok = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect((try? JSONParser.parse(ok)) != nil)
    }

    @Test func errorsCarryPositions() {
        do {
            _ = try JSONParser.parse("{\n  \"a\": tru\n}")
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 2)
            #expect(error.column == 8)
        }
    }

    @Test func rejectsMalformedInput() {
        for bad in ["", "{", "[1,]", "01", "1.", "\"\\x\"", "\"\u{01}\"", "\"\\ud800\"", "{\"a\" 1}", "[1] x", "nul"] {
            #expect(throws: JSONError.self, "\(bad.debugDescription)") { try JSONParser.parse(bad) }
        }
        #expect(throws: JSONError.self) { try JSONParser.parse([0x22, 0xFF, 0x22]) }
    }

    @Test func bigIntegersStayExact() throws {
        let v = try JSONParser.parse("[18446744073709551615, 9007199254740993]")
        #expect(v.arrayValue?[0].uint64Value == UInt64.max)
        #expect(v.arrayValue?[1].intValue == 9007199254740993)
    }
}
