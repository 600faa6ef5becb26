// quill check: runs notebooks and compares each cell's output with its expected block, then sums up what failed
// (CheckSummary, below). Never writes the source.

import ArgumentParser
import Foundation
import QuillNotebook

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run notebooks and compare each cell's output with its expected output block.",
        discussion: """
            Numbers with a decimal point compare with a tolerance (one unit in the last printed digit, or \
            '#| tolerance: X'); other text compares exactly, trailing whitespace aside. Exit status: 0 when all \
            match, 1 on a mismatch, on a notebook whose model cannot be had, or when no cell was compared at all, \
            65 when a cell fails. With --allow-missing-models a notebook whose model cannot be had is reported as \
            not run and does not fail the check (nor does comparing nothing when every notebook was skipped so).
            """)

    @OptionGroup var options: NotebookOptions

    @Option(name: .customLong("junit"), help: "Write a JUnit XML report to this file.")
    var junitPath: String?

    @Option(name: .long, help: "Run only shard K of N (K/N, 1 <= K <= N): a fixed part of the notebooks, balanced by file size.")
    var shard: String?

    @Flag(name: .customLong("keep-going"), help: "Run the cells after a failing cell instead of stopping.")
    var keepGoing = false

    func validate() throws {
        try options.rejectScripts("check")
        try options.rejectParameters("check")
    }

    func run() throws {
        let files = try Shard.notebooks(NotebookFiles.expand(options.paths), shard: shard, junit: junitPath)
        let runner = try notebookRunner(download: options.download, cache: !options.noCache)
        var suites: [JUnitReport.Suite] = []
        var summary: [String] = []
        var mismatches = 0, failures = 0, passed = 0, skipped = 0, unavailable = 0, ioErrors = 0
        for path in files {
            let runOptions = RunOptions(keepGoing: keepGoing, timeout: options.timeout)
            guard let (notebook, result) = NotebookFiles.run(path, with: runner, options: runOptions) else {
                ioErrors += 1
                continue
            }
            Report.unavailable(result)
            for d in notebook.diagnostics { Report.error(d.description) }
            if notebook.hasErrors { failures += 1 }
            if result.unavailable != nil { unavailable += 1 }
            let checks = result.unavailable == nil ? Checker.check(result) : []
            for check in checks {
                switch check.verdict {
                case .match: passed += 1
                case .skipped, .notRun: skipped += 1
                case .failed(let d):
                    failures += 1
                    Report.error(d.description)
                case .mismatch(let line, let diff):
                    mismatches += 1
                    Report.error("\(path):\(line): error: output of the cell at line \(check.cell.line) differs from the expected block\n\(diff)")
                }
            }
            summary += CheckSummary.lines(path, checks)
            suites.append(JUnitReport.Suite(path: path, checks: checks, notebookErrors: notebook.diagnostics,
                                            unavailable: result.unavailable.map { "notebook not run: \($0)" }))
        }
        if !summary.isEmpty { Report.error("summary:\n" + summary.joined(separator: "\n")) }
        Report.out("\(files.count) notebook\(files.count == 1 ? "" : "s"): \(passed) passed, \(mismatches) mismatched, "
                   + "\(failures) failed, \(skipped) skipped" + (unavailable > 0 ? ", \(unavailable) not run" : ""))
        if let junitPath {
            do {
                try AtomicFile.write(Array(JUnitReport.xml(suites).utf8), to: junitPath)
            } catch {
                Report.error("\(error)")
                throw ExitStatus.failure
            }
        }
        if failures > 0 { throw ExitStatus.diagnostics }
        if mismatches > 0 || ioErrors > 0 || (!options.allowMissingModels && unavailable > 0) { throw ExitStatus.failure }
        // A check that compared nothing verified nothing: only notebooks all skipped for their models excuse it.
        if passed == 0 {
            let allSkipped = options.allowMissingModels && unavailable > 0 && unavailable == files.count
            if !allSkipped {
                Report.error("error: no cell was compared: "
                             + (files.isEmpty ? "no notebook found" : "no notebook has a cell with an expected output block"))
                throw ExitStatus.failure
            }
        }
    }
}

// The end of `quill check`'s report on stderr: which cells failed or mismatched, and why later cells did not run,
// one line each, so that the verdict of a long run is readable without scrolling back:
//
//     summary:
//       demo.md:14:7: failed (the cell at line 12): NameError: name 'sentence' is not defined
//       demo.md:31: mismatched: 2 values outside tolerance, first at demo.md:38:12
//       demo.md:40, demo.md:52: not run: the cell at demo.md:14 failed (--keep-going runs them)

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
