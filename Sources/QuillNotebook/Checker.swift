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
}

public enum Checker {
    public static func check(_ run: NotebookRun) -> [CellCheck] {
        run.results.map { result in
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
            var diff = Diff.unified(expected: expected, actual: result.output)
            if cell.output == nil { diff = "(no expected output block; `quill update` adds one)\n" + diff }
            return CellCheck(cell: cell, verdict: .mismatch(line: line, diff: diff))
        }
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
        let e = NumberTokens.split(expected), a = NumberTokens.split(actual)
        guard e.count == a.count else { return false }
        for (x, y) in zip(e, a) {
            switch (x, y) {
            case (.text(let s), .text(let t)):
                if s != t { return false }
            case (.number(let s, let u, let decimals1), .number(let t, let v, let decimals2)):
                if decimals1 == nil || decimals2 == nil {  // integers: exact
                    if s != t { return false }
                    continue
                }
                let allowed = tolerance ?? max(unit(decimals1 ?? 0, s), unit(decimals2 ?? 0, t))
                if u.isNaN || v.isNaN { if !(u.isNaN && v.isNaN) { return false }; continue }
                // The slack absorbs binary rounding of decimal inputs (0.4580 - 0.4579 > 1e-4 in Double).
                if abs(u - v) > allowed * (1 + 1e-9) + 1e-15 { return false }
            default:
                return false
            }
        }
        return true
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
    public static func unified(expected: String, actual: String) -> String {
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let x = e.last == "" ? Array(e.dropLast()) : e, y = a.last == "" ? Array(a.dropLast()) : a
        var out = "--- expected\n+++ actual\n"
        guard x.count * y.count <= 4_000_000 else {
            return out + x.map { "-" + $0 + "\n" }.joined() + y.map { "+" + $0 + "\n" }.joined()
        }
        var lcs = [[Int]](repeating: [Int](repeating: 0, count: y.count + 1), count: x.count + 1)
        for i in stride(from: x.count - 1, through: 0, by: -1) {
            for j in stride(from: y.count - 1, through: 0, by: -1) {
                lcs[i][j] = x[i] == y[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var i = 0, j = 0
        while i < x.count || j < y.count {
            if i < x.count, j < y.count, x[i] == y[j] {
                out += " " + x[i] + "\n"; i += 1; j += 1
            } else if i < x.count, j == y.count || lcs[i + 1][j] >= lcs[i][j + 1] {
                out += "-" + x[i] + "\n"; i += 1
            } else {
                out += "+" + y[j] + "\n"; j += 1
            }
        }
        return out
    }
}
