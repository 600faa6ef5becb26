// `check`: compares each cell's fresh output with its expected block.
// Numbers with a decimal point or exponent compare with a tolerance (default: one unit in the last digit printed
// in the expected text, or the coarser of the two when they differ); integers and all other text compare exactly,
// trailing whitespace on each line aside.

import QuillCommonMark

public struct CellCheck: Sendable {
    public enum Verdict: Sendable, Equatable {
        case match
        /// `line`: where the expected block (or, when missing, the cell) starts.
        case mismatch(line: Int, diff: String)
        /// `check: false`.
        case skipped
        case failed(Diagnostic)
        case notRun
    }
    public var cell: Cell
    public var verdict: Verdict
    /// For a mismatch: each number outside tolerance, where it is in the notebook (MismatchReport).
    public var values: [ValueMismatch] = []
    /// For a cell not run: why ("the cell at demo.md:42 failed", "model X unavailable").
    public var reason: String?
    /// Seconds the cell ran.
    public var seconds: Double = 0
}

public enum Checker {
    public static func check(_ run: NotebookRun) -> [CellCheck] {
        var firstFailure: Cell?
        return run.results.map { result in
            var check = verdict(result, in: run)
            check.seconds = result.seconds
            if case .failed = check.verdict, firstFailure == nil { firstFailure = result.cell }
            if check.verdict == .notRun {
                if let model = run.unavailable?.model {
                    check.reason = "model \(model) unavailable"
                } else if let failed = firstFailure {
                    check.reason = "the cell at \(run.notebook.path):\(failed.line) failed"
                }
            }
            return check
        }
    }

    static func verdict(_ result: CellResult, in run: NotebookRun) -> CellCheck {
        let cell = result.cell
        switch result.status {
        case .failed(let d): return CellCheck(cell: cell, verdict: .failed(d))
        case .notRun: return CellCheck(cell: cell, verdict: .notRun)
        case .ok: break
        }
        guard cell.options.check, cell.options.eval else { return CellCheck(cell: cell, verdict: .skipped) }
        let expected = cell.output?.text ?? ""
        if matches(expected: expected, actual: result.output, tolerance: cell.options.tolerance) {
            return CellCheck(cell: cell, verdict: .match)
        }
        let line = cell.output?.range.lowerBound.line ?? cell.line
        var report = MismatchReport.make(expected: expected, actual: result.output, tolerance: cell.options.tolerance,
                                         block: cell.output, bytes: run.notebook.bytes, file: run.notebook.path)
        if cell.output == nil { report.text = "(no expected output block; `quill update` adds one)\n" + report.text }
        return CellCheck(cell: cell, verdict: .mismatch(line: line, diff: report.text), values: report.values)
    }

    /// Line by line; each line splits into numbers and text.
    public static func matches(expected: String, actual: String, tolerance: Double?) -> Bool {
        let e = lines(expected), a = lines(actual)
        guard e.count == a.count else { return false }
        return zip(e, a).allSatisfy { lineMatches($0, $1, tolerance: tolerance) }
    }

    static func lines(_ text: String) -> [Substring] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.reversed().drop(while: { $0 == " " || $0 == "\t" || $0 == "\r" }).reversed().map { $0 }
        }.map { Substring(String($0)) }
        while lines.last == "" { lines.removeLast() }
        return lines
    }

    static func lineMatches(_ expected: Substring, _ actual: Substring, tolerance: Double?) -> Bool {
        if expected == actual { return true }
        return numbersOutside(expected, actual, tolerance: tolerance)?.isEmpty ?? false
    }

    /// The numbers of two lines of the same shape (same text between numbers) that differ by more than their
    /// tolerance (0 for integers), with their UTF-8 offsets in `expected`; nil when the lines differ otherwise.
    static func numbersOutside(_ expected: Substring, _ actual: Substring, tolerance: Double?)
        -> [(offset: Int, expected: String, actual: String, tolerance: Double)]?
    {
        let e = NumberTokens.split(expected), a = NumberTokens.split(actual)
        guard e.count == a.count else { return nil }
        var outside: [(offset: Int, expected: String, actual: String, tolerance: Double)] = []
        var offset = 0
        for (x, y) in zip(e, a) {
            switch (x, y) {
            case (.text(let s), .text(let t)):
                if s != t { return nil }
                offset += s.utf8.count
            case (.number(let s, let u, let decimals1), .number(let t, let v, let decimals2)):
                defer { offset += s.utf8.count }
                if decimals1 == nil || decimals2 == nil {  // integers: exact
                    if s != t { outside.append((offset, String(s), String(t), 0)) }
                    continue
                }
                let allowed = tolerance ?? max(unit(decimals1 ?? 0, s), unit(decimals2 ?? 0, t))
                if u.isNaN || v.isNaN {
                    if !(u.isNaN && v.isNaN) { outside.append((offset, String(s), String(t), allowed)) }
                    continue
                }
                // The slack absorbs binary rounding of decimal inputs (0.4580 - 0.4579 > 1e-4 in Double).
                if abs(u - v) > allowed * (1 + 1e-9) + 1e-15 { outside.append((offset, String(s), String(t), allowed)) }
            default:
                return nil
            }
        }
        return outside
    }

    /// One unit in the last printed digit: 10^-decimals, scaled by the exponent when the number has one.
    static func unit(_ decimals: Int, _ text: Substring) -> Double {
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) { exponent = Int(text[text.index(after: e)...]) ?? 0 }
        var p = 1.0
        for _ in 0..<min(decimals, 300) { p /= 10 }
        for _ in 0..<min(abs(exponent), 300) { p = exponent > 0 ? p * 10 : p / 10 }
        return p
    }
}

enum NumberTokens {
    enum Token: Equatable {
        case text(Substring)
        /// decimals: digits after the point (0 for "1e-3"); nil for an integer.
        case number(Substring, Double, decimals: Int?)
    }

    static func split(_ line: Substring) -> [Token] {
        var tokens: [Token] = []
        let chars = Array(line)
        var k = 0, textStart = 0
        func isDigit(_ i: Int) -> Bool { i < chars.count && chars[i].isASCII && chars[i].isNumber }
        while k < chars.count {
            let startsNumber = isDigit(k) || (chars[k] == "-" && isDigit(k + 1)) || (chars[k] == "-" && k + 2 < chars.count && chars[k + 1] == "." && isDigit(k + 2)) || (chars[k] == "." && isDigit(k + 1))
            let afterWord = k > 0 && (chars[k - 1].isLetter || chars[k - 1] == "_" || (chars[k - 1].isASCII && chars[k - 1].isNumber))
            guard startsNumber, !afterWord else { k += 1; continue }
            var j = k
            if chars[j] == "-" { j += 1 }
            while isDigit(j) { j += 1 }
            var decimals: Int?
            if j < chars.count, chars[j] == ".", isDigit(j + 1) {
                j += 1
                let start = j
                while isDigit(j) { j += 1 }
                decimals = j - start
            }
            if j < chars.count, chars[j] == "e" || chars[j] == "E" {
                var m = j + 1
                if m < chars.count, chars[m] == "-" || chars[m] == "+" { m += 1 }
                if isDigit(m) {
                    while isDigit(m) { m += 1 }
                    j = m
                    decimals = decimals ?? 0
                }
            }
            let text = Substring(String(chars[k..<j]))
            if textStart < k { tokens.append(.text(Substring(String(chars[textStart..<k])))) }
            tokens.append(.number(text, Double(text) ?? .nan, decimals: decimals))
            k = j
            textStart = j
        }
        if textStart < chars.count { tokens.append(.text(Substring(String(chars[textStart...])))) }
        return tokens
    }
}

/// A small unified diff of two texts (LCS over lines; falls back to whole-text replacement when huge).
public enum Diff {
    enum Operation: Equatable {
        /// Line `expected` of the first text, matched by line `actual` of the second.
        case same(expected: Int, actual: Int)
        case removed(Int)
        case added(Int)
    }

    public static func unified(expected: String, actual: String) -> String {
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let x = e.last == "" ? Array(e.dropLast()) : e, y = a.last == "" ? Array(a.dropLast()) : a
        var out = "--- expected\n+++ actual\n"
        for op in operations(x, y, equal: ==) {
            switch op {
            case .same(let i, _): out += " " + x[i] + "\n"
            case .removed(let i): out += "-" + x[i] + "\n"
            case .added(let j): out += "+" + y[j] + "\n"
            }
        }
        return out
    }

    /// The edit script from `x` to `y`, lines compared with `equal` (exact, or within a check's tolerance).
    static func operations(_ x: [String], _ y: [String], equal: (String, String) -> Bool) -> [Operation] {
        guard x.count * y.count <= 4_000_000 else { return x.indices.map { .removed($0) } + y.indices.map { .added($0) } }
        var lcs = [[Int]](repeating: [Int](repeating: 0, count: y.count + 1), count: x.count + 1)
        var same = [[Bool]](repeating: [Bool](repeating: false, count: y.count), count: x.count)
        for i in stride(from: x.count - 1, through: 0, by: -1) {
            for j in stride(from: y.count - 1, through: 0, by: -1) {
                same[i][j] = equal(x[i], y[j])
                lcs[i][j] = same[i][j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var ops: [Operation] = []
        var i = 0, j = 0
        while i < x.count || j < y.count {
            if i < x.count, j < y.count, same[i][j] {
                ops.append(.same(expected: i, actual: j)); i += 1; j += 1
            } else if i < x.count, j == y.count || lcs[i + 1][j] >= lcs[i][j + 1] {
                ops.append(.removed(i)); i += 1
            } else {
                ops.append(.added(j)); j += 1
            }
        }
        return ops
    }
}
