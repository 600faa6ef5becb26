// str methods against CPython 3.11: ~9,000 calls (results and errors) on tricky receivers, and every code point's
// character classes and case mappings against Python's own tables (Unicode 14.0).

import Testing
import Foundation
import QuillJSON
@testable import QuillPython

@Suite struct StrMethodsTests {
    @Test func callsMatchCPython() throws {
        let context = StandInContext()
        var failures: [String] = []
        let rows = try FormatFixtures.load("str_methods.json")
        #expect(rows.count > 5000)
        for case let .array(row) in rows {
            let name = try #require(row[0].stringValue)
            let receiver = try #require(row[1].stringValue)
            guard case .list(let positional) = try FormatFixtures.value(row[2]),
                  case .dict(let keywords) = try FormatFixtures.value(row[3]) else {
                Issue.record("bad fixture row \(row)")
                continue
            }
            let arguments = Arguments(positional.items, keywords: keywords.storage.map { entry in
                guard case .str(let key) = entry.key.value else { return ("?", entry.value) }
                return (key, entry.value)
            })
            let got = FormatFixtures.outcome {
                try context.repr(try StrMethods.call(name, receiver, arguments, context))
            }
            let want = FormatFixtures.expected(row[4])
            if got != want { failures.append("\(StringRepr.repr(receiver)).\(name)(\(row[2])): \(got) != \(want)") }
        }
        #expect(failures.isEmpty, "\(failures.count) failures: \(failures.prefix(30).joined(separator: "\n"))")
    }

    @Test func characterClassesMatchCPython() throws {
        let tables = try loadTables()
        // One code point at a time: isupper of a single character is the Uppercase property, istitle category Lt.
        let predicates: [(String, (Unicode.Scalar) -> Bool)] = [
            ("isspace", UnicodeData.isSpace), ("isdigit", UnicodeData.isDigit), ("isdecimal", UnicodeData.isDecimal),
            ("isnumeric", UnicodeData.isNumeric), ("isalpha", UnicodeData.isAlpha), ("isalnum", UnicodeData.isAlnum),
            ("isupper", { CaseMapping.isUpper([$0]) }), ("islower", { CaseMapping.isLower([$0]) }),
            ("istitle", { CaseMapping.isTitle([$0]) }), ("isprintable", UnicodeData.isPrintable),
        ]
        for (name, predicate) in predicates {
            var expected = Set<UInt32>()
            var edges = Set<UInt32>()
            for case let .array(range) in try #require(tables[name]?.arrayValue) {
                let lo = try #require(range[0].intValue), hi = try #require(range[1].intValue)
                for c in lo...hi { expected.insert(UInt32(c)) }
                edges.formUnion([UInt32(max(0, lo - 1)), UInt32(lo), UInt32(hi), UInt32(hi + 1)])
            }
            // Every code point of the first two planes, and each range's edges beyond them.
            var wrong: [String] = []
            for v in Array(UInt32(0)..<0x20000) + edges.filter({ $0 >= 0x20000 }) {
                guard let c = Unicode.Scalar(v) else { continue }
                if predicate(c) != expected.contains(v) { wrong.append(String(v, radix: 16)) }
            }
            #expect(wrong.isEmpty, "\(name): \(wrong.count) code points differ, e.g. \(wrong.prefix(20))")
        }
    }

    @Test func caseMappingsMatchCPython() throws {
        let tables = try loadTables()
        let mappings: [(String, ([Unicode.Scalar]) -> [Unicode.Scalar])] = [
            ("lower", CaseMapping.lower), ("upper", { $0.flatMap(CaseMapping.upper) }),
            ("casefold", { $0.flatMap(CaseMapping.fold) }), ("title", CaseMapping.title),
            ("swapcase", CaseMapping.swapcase), ("capitalize", CaseMapping.capitalize),
        ]
        for (name, mapping) in mappings {
            var expected: [UInt32: String] = [:]
            for case let .array(entry) in try #require(tables[name]?.arrayValue) {
                expected[UInt32(try #require(entry[0].intValue))] = try #require(entry[1].stringValue)
            }
            var wrong: [String] = []
            for v in Array(UInt32(0)..<0x20000) + Array(expected.keys) {
                guard let c = Unicode.Scalar(v) else { continue }
                let got = String(String.UnicodeScalarView(mapping([c])))
                if !got.unicodeScalars.elementsEqual((expected[v] ?? String(c)).unicodeScalars) {
                    wrong.append(String(v, radix: 16))
                }
            }
            #expect(wrong.isEmpty, "\(name): \(wrong.count) code points differ, e.g. \(wrong.prefix(20))")
        }
    }

    @Test func finalSigmaAndFullMappings() throws {
        let context = StandInContext()
        #expect(try StrMethods.call("lower", "ΣΑΣ", Arguments(), context).isStr("σας"))
        #expect(try StrMethods.call("upper", "straße", Arguments(), context).isStr("STRASSE"))
        #expect(StrMethods.names.contains("splitlines"))
    }

    private func loadTables() throws -> JSONObject {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/format/unicode_tables.json", withExtension: nil))
        return try #require(try JSONParser.parse(try Data(contentsOf: url)).objectValue)
    }
}

extension Value {
    fileprivate func isStr(_ expected: String) -> Bool {
        if case .str(let s) = self { return s.unicodeScalars.elementsEqual(expected.unicodeScalars) }
        return false
    }
}
