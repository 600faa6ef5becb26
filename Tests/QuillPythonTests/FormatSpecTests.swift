// format(value, spec) for int, bool, float, str and None against CPython 3.11, case by case (results and errors).

import Testing
import QuillJSON
@testable import QuillPython

@Suite struct FormatSpecTests {
    @Test func formatMatchesCPython() throws {
        let context = StandInContext()
        var failures: [String] = []
        let rows = try FormatFixtures.load("format_spec.json")
        #expect(rows.count > 5000)
        for case let .array(row) in rows {
            let value = try FormatFixtures.value(row[0], row[1])
            let spec = try #require(row[2].stringValue)
            let got = FormatFixtures.outcome { try Formatter.format(value, spec, context) }
            let want = FormatFixtures.expected(row[3])
            if got != want { failures.append("format(\(row[1]), '\(spec)'): \(got) != \(want)") }
        }
        #expect(failures.isEmpty, "\(failures.count) failures: \(failures.prefix(30).joined(separator: "\n"))")
    }

    @Test func containersFormatAsStrOnlyWithAnEmptySpec() throws {
        let context = StandInContext()
        #expect(try Formatter.format(.list(PyList([.int(1), .str("a")])), "", context) == "[1, 'a']")
        #expect(throws: PyError.self) { try Formatter.format(.list(PyList()), "s", context) }
        #expect(context.error { try Formatter.format(.list(PyList()), ">5", context) }
                == "TypeError: unsupported format string passed to list.__format__")
    }
}
