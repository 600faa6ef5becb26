// The end of `quill check`'s report on stderr: which cells failed or mismatched, and why later cells did not run,
// one line each, so that the verdict of a long run is readable without scrolling back:
//
//     summary:
//       demo.md:14:7: failed (the cell at line 12): NameError: name 'sentence' is not defined
//       demo.md:31: mismatched: 2 values outside tolerance, first at demo.md:38:12
//       demo.md:40, demo.md:52: not run: the cell at demo.md:14 failed (--keep-going runs them)

import QuillNotebook

enum CheckSummary {
    static func lines(_ path: String, _ checks: [CellCheck]) -> [String] {
        var lines: [String] = []
        var notRun: [String: [Int]] = [:], reasons: [String] = []
        for check in checks {
            switch check.verdict {
            case .failed(let d):
                lines.append("  \(path):\(d.range.lowerBound): failed (the cell at line \(check.cell.line)): \(d.message)")
            case .mismatch(let line, _):
                let values = check.values
                let what = values.isEmpty ? "output differs from the expected block"
                    : "\(values.count) value\(values.count == 1 ? "" : "s") outside tolerance, first at \(path):\(values[0].position)"
                lines.append("  \(path):\(line): mismatched: \(what)")
            case .notRun:
                // A notebook whose model is missing is reported as a whole ("notebook not run").
                guard let reason = check.reason, !reason.hasPrefix("model ") else { continue }
                if notRun[reason] == nil { reasons.append(reason) }
                notRun[reason, default: []].append(check.cell.line)
            case .match, .skipped:
                continue
            }
        }
        for reason in reasons {
            let places = (notRun[reason] ?? []).map { "\(path):\($0)" }.joined(separator: ", ")
            lines.append("  \(places): not run: \(reason) (--keep-going runs them)")
        }
        return lines
    }
}
