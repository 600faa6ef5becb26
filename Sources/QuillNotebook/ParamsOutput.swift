// Parameters at run time and in the rendered notebook: they become variables before the first cell (as papermill's
// injected cell), and `quill run` records the values used under `params:` in the output's front matter:
//
//     ---
//     params:
//       model: all-MiniLM-L6-v2
//     ---

import QuillCommonMark
import QuillPython

extension Runner {
    /// Assigns each parameter in `session`; a diagnostic at the parameter's front matter line if one cannot be.
    static func define(_ params: [Param], in session: Session, notebook: Notebook) -> Diagnostic? {
        for param in params {
            let outcome = session.run("\(param.name) = \(param.value.python { session.repr(.str($0)) })\n")
            if let error = outcome.error {
                return Diagnostic("parameter '\(param.name)' could not be defined: \(error)",
                                  at: SourceRange(line: param.line, column: 1), file: notebook.path)
            }
        }
        return nil
    }
}

public enum ParamsRecord {
    /// `rendered` with its front matter's `params:` block holding `params` (replacing the declared defaults);
    /// unchanged when there are no parameters or no front matter.
    public static func record(_ params: [Param], in rendered: [UInt8], lineEnding: String = "\n") -> [UInt8] {
        guard !params.isEmpty, let found = FrontMatter.find(rendered) else { return rendered }
        let lines = FrontMatter.lines(rendered)
        // 0-based line indices of the `params:` line and the indented lines under it.
        var start: Int?, end = 0
        for entry in found.entries {
            if !entry.indented {
                if start != nil { break }
                if entry.key == "params" { start = entry.line - 1; end = entry.line }
            } else if start != nil {
                end = entry.line
            }
        }
        let block = (["params:"] + params.map { "  \($0.name): \(yaml($0.value))" })
            .map { $0 + lineEnding }.joined()
        let closing = lines.firstIndex { $0.range.upperBound == found.byteRange.upperBound } ?? (lines.count - 1)
        let from = lines[start ?? closing].range.lowerBound
        let to = start == nil ? from : lines[end - 1].range.upperBound
        return Array(rendered[..<from]) + Array(block.utf8) + Array(rendered[to...])
    }

    /// A value as the front matter writes it, reading back the same (ParamValue(reading:)): strings that would read
    /// as another type, or carry quotes, '#', ': ' or outer spaces, go in double quotes.
    static func yaml(_ value: ParamValue) -> String {
        switch value {
        case .bool(let b): return b ? "True" : "False"
        case .none: return "None"
        case .int(let digits): return digits
        case .float(let x): return pythonRepr(x)
        case .string(let s):
            let plain = ParamValue(reading: s) == .string(s) && !s.isEmpty && Substring(s).trimmingSpaces == s
                && !s.contains("#") && !s.contains(": ") && !s.hasPrefix("\"") && !s.hasPrefix("'")
                && !s.contains("\n") && !s.contains("\r")
            return plain ? s : "\"" + s + "\""
        }
    }

    /// Python's repr of a float: the shortest digits that read back, fixed notation for exponents -4...15 (with
    /// ".0" when whole), else d.ddde+XX.
    static func pythonRepr(_ x: Double) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x < 0 ? "-inf" : "inf" }
        if x == 0 { return x.sign == .minus ? "-0.0" : "0.0" }
        // Swift's description has the same shortest digits; take them and the decimal exponent from it.
        let text = "\(abs(x))"
        var mantissa = Substring(text), exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...]) ?? 0
        }
        let point = mantissa.firstIndex(of: ".").map { mantissa.distance(from: mantissa.startIndex, to: $0) }
            ?? mantissa.count
        var digits = mantissa.filter { $0 != "." }
        var decimalPoint = point + exponent   // digits[0..<decimalPoint] are the integer part
        let leadingZeros = digits.prefix(while: { $0 == "0" }).count
        digits.removeFirst(min(leadingZeros, digits.count - 1))
        decimalPoint -= leadingZeros
        while digits.count > 1, digits.last == "0" { digits.removeLast() }
        let exp10 = decimalPoint - 1
        let sign = x < 0 ? "-" : ""
        if exp10 >= -4 && exp10 < 16 {
            if decimalPoint <= 0 { return sign + "0." + String(repeating: "0", count: -decimalPoint) + digits }
            if decimalPoint >= digits.count {
                return sign + digits + String(repeating: "0", count: decimalPoint - digits.count) + ".0"
            }
            let i = digits.index(digits.startIndex, offsetBy: decimalPoint)
            return sign + String(digits[..<i]) + "." + String(digits[i...])
        }
        let rest = String(digits.dropFirst())
        let e = abs(exp10) < 10 ? "0\(abs(exp10))" : "\(abs(exp10))"
        return sign + String(digits.prefix(1)) + (rest.isEmpty ? "" : "." + rest) + "e" + (exp10 < 0 ? "-" : "+") + e
    }
}
