// `template % args`, str.format and round() against CPython 3.11 (results and errors), from the generated fixtures.

import Testing
import QuillJSON
@testable import QuillPython

@Suite struct FormatTemplateTests {
    @Test func percentFormattingMatchesCPython() throws {
        let context = StandInContext()
        var failures: [String] = []
        let rows = try FormatFixtures.load("percent.json")
        #expect(rows.count > 2000)
        for case let .array(row) in rows {
            let template = try #require(row[0].stringValue)
            let args = try FormatFixtures.value(row[1])
            let got = FormatFixtures.outcome { try PercentFormat.format(template, args, context) }
            let want = FormatFixtures.expected(row[2])
            if got != want { failures.append("'\(template)' % \(row[1]): \(got) != \(want)") }
        }
        #expect(failures.isEmpty, "\(failures.count) failures: \(failures.prefix(30).joined(separator: "\n"))")
    }

    @Test func strFormatMatchesCPython() throws {
        let context = StandInContext()
        var failures: [String] = []
        let rows = try FormatFixtures.load("str_format.json")
        #expect(rows.count > 1000)
        for case let .array(row) in rows {
            let template = try #require(row[0].stringValue)
            guard case .list(let positional) = try FormatFixtures.value(row[1]),
                  case .dict(let keywords) = try FormatFixtures.value(row[2]) else {
                Issue.record("bad fixture row \(row)")
                continue
            }
            let arguments = Arguments(positional.items, keywords: keywords.storage.map { entry in
                guard case .str(let name) = entry.key.value else { return ("?", entry.value) }
                return (name, entry.value)
            })
            let got = FormatFixtures.outcome { try StrFormat.format(template, arguments, context) }
            let want = FormatFixtures.expected(row[3])
            if got != want { failures.append("'\(template)'.format(\(row[1]), \(row[2])): \(got) != \(want)") }
        }
        #expect(failures.isEmpty, "\(failures.count) failures: \(failures.prefix(30).joined(separator: "\n"))")
    }

    @Test func roundingMatchesCPython() throws {
        let context = StandInContext()
        var failures: [String] = []
        let rows = try FormatFixtures.load("rounding.json")
        #expect(rows.count > 2000)
        for case let .array(row) in rows {
            let value = try FormatFixtures.value(row[0], row[1])
            let ndigits = row[2].intValue
            let got = FormatFixtures.outcome {
                switch (value, ndigits) {
                case (.float(let x), nil): return try context.repr(try Rounding.round(x))
                case (.float(let x), let n?): return FloatRepr.repr(try Rounding.roundChecked(x, ndigits: n))
                case (_, let n?): return try context.repr(Rounding.round(value, ndigits: n))
                default: return "unexpected row"
                }
            }
            let want = FormatFixtures.expected(row[3])
            if got != want { failures.append("round(\(row[1]), \(row[2])): \(got) != \(want)") }
        }
        #expect(failures.isEmpty, "\(failures.count) failures: \(failures.prefix(30).joined(separator: "\n"))")
    }

    @Test func examplesFromTheBrief() throws {
        #expect(Rounding.round(2.675, ndigits: 2) == 2.67)
        #expect(Rounding.round(0.125, ndigits: 2) == 0.12)
        let context = StandInContext()
        #expect(try context.repr(Rounding.round(.int(1250), ndigits: -2)) == "1200")
        #expect(try context.repr(try Rounding.round(2.5)) == "2")
    }
}
