// Notebook parameters (papermill's -p, Quarto's params): declared in the front matter with their defaults,
//
//     ---
//     params:
//       model: all-MiniLM-L6-v2
//       top_k: 3
//     ---
//
// overridden by `quill run -p NAME=VALUE`, and defined as variables before the first cell. A value, in the front
// matter or on the command line, is read as papermill reads -p: True, False, None, an int, a float, else a string
// (quotes in the front matter make it a string whatever it looks like).

public enum ParamValue: Sendable, Equatable {
    case bool(Bool)
    case none
    /// Decimal digits (ASCII, no leading zeros), with a leading "-" when negative.
    case int(String)
    case float(Double)
    case string(String)

    /// papermill's `_resolve_type`: "True"/"False"/"None" exactly, else what Python's int() accepts, else what
    /// float() accepts, else the text itself.
    public init(reading text: String) {
        switch text {
        case "True": self = .bool(true)
        case "False": self = .bool(false)
        case "None": self = .none
        default:
            if let digits = ParamValue.integer(text) {
                self = .int(digits)
            } else if PythonFloatSyntax.parses(text), let x = Double(ParamValue.asciiNumber(text)) {
                self = .float(x)
            } else {
                self = .string(text)
            }
        }
    }

    /// Python source for the value: what the cells see. `literal` writes a string literal (the session's repr).
    func python(literal: (String) -> String) -> String {
        switch self {
        case .bool(let b): return b ? "True" : "False"
        case .none: return "None"
        case .int(let digits): return digits
        case .float(let x): return "float(" + literal(x.isNaN ? "nan" : x.isInfinite ? (x < 0 ? "-inf" : "inf") : "\(x)") + ")"
        case .string(let s): return literal(s)
        }
    }

    /// int() of `text`: surrounding whitespace, a sign, decimal digits (any script) with single underscores between
    /// them. Nil when int() would raise ValueError.
    static func integer(_ text: String) -> String? {
        var s = Substring(text).unicodeScalars.drop(while: \.properties.isWhitespace)
        while let last = s.last, last.properties.isWhitespace { s = s.dropLast() }
        var negative = false
        if let first = s.first, first == "+" || first == "-" {
            negative = first == "-"
            s = s.dropFirst()
        }
        var digits = "", previousUnderscore = true
        for scalar in s {
            if scalar == "_" {
                if previousUnderscore { return nil }
                previousUnderscore = true
                continue
            }
            guard scalar.properties.numericType == .decimal, let v = scalar.properties.numericValue else { return nil }
            digits += String(Int(v))
            previousUnderscore = false
        }
        guard !digits.isEmpty, !previousUnderscore else { return nil }
        let trimmed = String(digits.drop(while: { $0 == "0" }))
        if trimmed.isEmpty { return "0" }
        return (negative ? "-" : "") + trimmed
    }

    /// A float() string with underscores removed, digits in ASCII and whitespace trimmed, for Double(_:).
    static func asciiNumber(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars where scalar != "_" && !scalar.properties.isWhitespace {
            if scalar.properties.numericType == .decimal, let v = scalar.properties.numericValue {
                out += String(Int(v))
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// A parameter the notebook declares, with its default.
public struct Param: Sendable, Equatable {
    public var name: String
    public var value: ParamValue
    /// The front matter line that declares it.
    public var line: Int
}

extension Notebook {
    /// The parameters the front matter declares, in order.
    public var params: [Param] { isScript ? [] : FrontMatter.find(bytes).map(FrontMatter.params) ?? [] }

    /// The names among `names` that this notebook does not declare.
    public func undeclared(_ names: [String]) -> [String] {
        let declared = Set(params.map(\.name))
        return names.filter { !declared.contains($0) }
    }
}
