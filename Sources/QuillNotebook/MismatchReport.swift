// What `check` says when a cell's output differs from its expected block: each number outside tolerance with its
// place in the notebook, then a diff in which lines that match within tolerance count as unchanged:
//
//       demo.md:59:31: expected 0.8939, got 0.8812 (tolerance 0.0001)
//     --- expected
//     +++ actual
//      |  | a | b |
//     -| a | 1.00 | 0.89 |
//     +| a | 1.00 | 0.88 |
//
// Positions are file lines and 1-based UTF-8 byte columns, like every other diagnostic.

import Foundation
import QuillCommonMark

/// One number of an expected block that the fresh output does not match within tolerance.
public struct ValueMismatch: Sendable, Equatable, CustomStringConvertible {
    /// Where the expected number starts in the notebook.
    public var position: SourcePosition
    public var expected: String
    public var actual: String
    /// The largest difference allowed for this number ('#| tolerance' or one unit in the last digit printed).
    public var tolerance: Double

    public var description: String {
        "\(position): expected \(expected), got \(actual) (tolerance \(MismatchReport.format(tolerance)))"
    }
}

enum MismatchReport {
    /// Lines of unchanged context kept on each side of a change; longer runs show as " ...".
    static let context = 2

    /// The numbers outside tolerance and the report text (the numbers, each prefixed by `file:`, then the diff).
    static func make(expected: String, actual: String, tolerance: Double?, block: Block?, bytes: [UInt8],
                     file: String) -> (values: [ValueMismatch], text: String) {
        let e = Checker.lines(expected), a = Checker.lines(actual)
        let ops = Diff.operations(e.map(String.init), a.map(String.init)) {
            Checker.lineMatches(Substring($0), Substring($1), tolerance: tolerance)
        }
        let columns = block.map { contentColumns($0, bytes: bytes) } ?? []
        var values: [ValueMismatch] = []
        // A run of removed lines followed by added ones: the k-th of each are one line changed.
        var k = 0
        while k < ops.count {
            var removed: [Int] = [], added: [Int] = []
            while k < ops.count, case .removed(let i) = ops[k] { removed.append(i); k += 1 }
            while k < ops.count, case .added(let j) = ops[k] { added.append(j); k += 1 }
            if removed.isEmpty && added.isEmpty { k += 1; continue }
            for (i, j) in zip(removed, added) {
                guard let numbers = Checker.numbersOutside(e[i], a[j], tolerance: tolerance), let block else { continue }
                let line = block.range.lowerBound.line + 1 + i
                let start = i < columns.count ? columns[i] : 1
                values += numbers.map {
                    ValueMismatch(position: SourcePosition(line: line, column: start + $0.offset), expected: $0.expected,
                                  actual: $0.actual, tolerance: $0.tolerance)
                }
            }
        }
        let head = values.map { "  \(file.isEmpty ? "" : file + ":")\($0)\n" }.joined()
        return (values, head + render(ops, e.map(String.init), a.map(String.init)))
    }

    /// The unified text of `ops`, unchanged runs cut to `context` lines around the changes.
    static func render(_ ops: [Diff.Operation], _ e: [String], _ a: [String]) -> String {
        let changed = ops.indices.filter { if case .same = ops[$0] { return false } else { return true } }
        var keep = [Bool](repeating: false, count: ops.count)
        for c in changed { for d in max(0, c - context)...min(ops.count - 1, c + context) { keep[d] = true } }
        var out = "--- expected\n+++ actual\n"
        var elided = false
        for (k, op) in ops.enumerated() {
            guard keep[k] else {
                if !elided { out += " ...\n" }
                elided = true
                continue
            }
            elided = false
            switch op {
            case .same(let i, _): out += " " + e[i] + "\n"
            case .removed(let i): out += "-" + e[i] + "\n"
            case .added(let j): out += "+" + a[j] + "\n"
            }
        }
        return out
    }

    /// For each content line of `block`: the file column its first character sits at (after a list item's
    /// indentation, a quote's "> " or the fence's own indentation).
    static func contentColumns(_ block: Block, bytes: [UInt8]) -> [Int] {
        let starts = Document.lineTable(bytes)
        let text = block.text.split(separator: "\n", omittingEmptySubsequences: false)
        let first = block.range.lowerBound.line   // the opening fence; content starts on the next line
        return text.enumerated().map { k, content in
            let index = first + k   // 0-based index of file line first + 1 + k
            guard index < starts.count else { return 1 + block.linePrefix.utf8.count }
            var end = index + 1 < starts.count ? starts[index + 1] : bytes.count
            while end > starts[index], bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
            let line = bytes[starts[index]..<end]
            let suffix = Array(content.utf8)
            guard line.count >= suffix.count, line.suffix(suffix.count).elementsEqual(suffix) else {
                return 1 + block.linePrefix.utf8.count
            }
            return 1 + line.count - suffix.count
        }
    }

    /// A tolerance as people write it: 0.0001, 0.5, 1e-07.
    static func format(_ tolerance: Double) -> String {
        String(format: "%g", tolerance)
    }
}
