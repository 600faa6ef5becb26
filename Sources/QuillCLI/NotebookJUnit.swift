// JUnit XML for `quill check --junit`: one testsuite per notebook, one testcase per cell (named with its line),
// with the seconds each cell ran; a mismatch's failure carries the precise report (each value outside tolerance,
// then the diff), and a cell not run is skipped with the reason.

import Foundation
import QuillNotebook

enum JUnitReport {
    struct Suite {
        var path: String
        var checks: [CellCheck]
        var notebookErrors: [Diagnostic]
        var unavailable: String?
    }

    static func xml(_ suites: [Suite]) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"quill check\">\n"
        for suite in suites {
            var cases = ""
            var failures = 0, errors = 0, skipped = 0
            for check in suite.checks {
                let name = "cell \(check.cell.index + 1) (line \(check.cell.line))"
                cases += "    <testcase classname=\"\(escape(suite.path))\" name=\"\(escape(name))\" time=\"\(time(check.seconds))\""
                switch check.verdict {
                case .match:
                    cases += "/>\n"
                case .skipped:
                    skipped += 1
                    cases += "><skipped message=\"check: false\"/></testcase>\n"
                case .notRun:
                    skipped += 1
                    cases += "><skipped message=\"\(escape("not run" + (check.reason.map { ": " + $0 } ?? "")))\"/></testcase>\n"
                case .mismatch(let line, let diff):
                    failures += 1
                    let first = check.values.first.map { "; \(check.values.count) outside tolerance, first \(suite.path):\($0)" } ?? ""
                    cases += "><failure message=\"\(escape("\(suite.path):\(line): output differs" + first))\">\(escape(diff))</failure></testcase>\n"
                case .failed(let d):
                    errors += 1
                    cases += "><error message=\"\(escape(d.message))\">\(escape(d.description))</error></testcase>\n"
                }
            }
            for d in suite.notebookErrors where d.severity == .error {
                errors += 1
                cases += "    <testcase classname=\"\(escape(suite.path))\" name=\"notebook\"><error message=\"\(escape(d.message))\">\(escape(d.description))</error></testcase>\n"
            }
            if let reason = suite.unavailable {
                skipped += 1
                cases += "    <testcase classname=\"\(escape(suite.path))\" name=\"notebook\"><skipped message=\"\(escape(reason))\"/></testcase>\n"
            }
            let tests = suite.checks.count + suite.notebookErrors.filter { $0.severity == .error }.count + (suite.unavailable == nil ? 0 : 1)
            let seconds = suite.checks.reduce(0) { $0 + $1.seconds }
            out += "  <testsuite name=\"\(escape(suite.path))\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"\(skipped)\" time=\"\(time(seconds))\">\n"
            out += cases + "  </testsuite>\n"
        }
        return out + "</testsuites>\n"
    }

    /// Seconds with millisecond precision, as JUnit readers expect ("0.125").
    static func time(_ seconds: Double) -> String {
        String(format: "%.3f", seconds)
    }

    /// XML-escapes text and drops characters XML 1.0 cannot carry.
    static func escape(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value) { out += "\u{FFFD}" } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
