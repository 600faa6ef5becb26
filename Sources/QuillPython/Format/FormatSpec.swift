// The format-spec mini-language, parsed as CPython 3.11 parses it:
//   [[fill]align][sign][z][#][0][width][,|_][.precision][type]
// Widths and precisions may be written with any Unicode decimal digits. Errors carry CPython's wording.

struct FormatSpec {
    enum Grouping: Equatable { case none, comma, underscore, underscoreFour }

    var fill: Unicode.Scalar = " "
    var align: Unicode.Scalar
    var sign: Unicode.Scalar?
    var noNegativeZero = false
    var alternate = false
    /// -1: not given.
    var width = -1
    var grouping = Grouping.none
    /// -1: not given.
    var precision = -1
    /// nil: no type given (floats: repr-like; other types take their default before validation).
    var type: Unicode.Scalar?

    /// - Parameters: `defaultType` is 's' for str and 'd' for int (nil for float); `defaultAlign` '<' for str,
    ///   '>' for numbers; `typeName` names the value in "Invalid format specifier" errors.
    init(_ spec: String, defaultType: Unicode.Scalar?, defaultAlign: Unicode.Scalar, typeName: String) throws {
        align = defaultAlign
        type = defaultType
        let s = Array(spec.unicodeScalars)
        var i = 0
        var alignGiven = false, fillGiven = false
        if s.count >= 2, Self.isAlign(s[1]) {
            fill = s[0]; align = s[1]; fillGiven = true; alignGiven = true; i = 2
        } else if s.count >= 1, Self.isAlign(s[0]) {
            align = s[0]; alignGiven = true; i = 1
        }
        if i < s.count, s[i] == "+" || s[i] == "-" || s[i] == " " { sign = s[i]; i += 1 }
        if i < s.count, s[i] == "z" { noNegativeZero = true; i += 1 }
        if i < s.count, s[i] == "#" { alternate = true; i += 1 }
        if !fillGiven, i < s.count, s[i] == "0" {
            fill = "0"
            if !alignGiven && defaultAlign == ">" { align = "=" }
            i += 1
        }
        if let w = try Self.integer(s, &i) { width = w }
        if i < s.count, s[i] == "," { grouping = .comma; i += 1 }
        if i < s.count, s[i] == "_" {
            if grouping != .none { throw PyError.value("Cannot specify both ',' and '_'.") }
            grouping = .underscore; i += 1
        }
        if i < s.count, s[i] == "," { throw PyError.value("Cannot specify both ',' and '_'.") }
        if i < s.count, s[i] == "." {
            i += 1
            guard let p = try Self.integer(s, &i) else { throw PyError.value("Format specifier missing precision") }
            precision = p
        }
        if s.count - i > 1 {
            throw PyError.value("Invalid format specifier '\(spec)' for object of type '\(typeName)'")
        }
        if i < s.count { type = s[i] }
        if grouping != .none {
            switch type {
            case "d", "e", "f", "g", "E", "G", "%", "F", nil: break
            case "b", "o", "x", "X":
                // Underscores group bin/oct/hex digits by four; commas are refused.
                guard grouping == .underscore else { fallthrough }
                grouping = .underscoreFour
            default: throw PyError.value("Cannot specify '\(grouping == .comma ? "," : "_")' with \(Self.quoted(type))")
            }
        }
    }

    /// "'x'." for printable ASCII type codes, "'\x5'." otherwise (CPython's wording for bad grouping).
    private static func quoted(_ type: Unicode.Scalar?) -> String {
        let v = type?.value ?? 0
        return v > 32 && v < 128 ? "'\(Character(type ?? " "))'." : "'\\x\(String(v, radix: 16))'."
    }

    /// "Unknown format code 'd' for object of type 'float'".
    static func unknownType(_ type: Unicode.Scalar, _ typeName: String) -> PyError {
        let v = type.value
        let code = v > 32 && v < 128 ? String(Character(type)) : "\\x\(String(v, radix: 16))"
        return PyError.value("Unknown format code '\(code)' for object of type '\(typeName)'")
    }

    private static func isAlign(_ c: Unicode.Scalar) -> Bool { c == "<" || c == ">" || c == "=" || c == "^" }

    /// Consumes decimal digits (any script); nil when there are none.
    private static func integer(_ s: [Unicode.Scalar], _ i: inout Int) throws -> Int? {
        var value = 0
        var count = 0
        while i < s.count, let d = UnicodeData.decimalValue(s[i]) {
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(d)
            if o1 || o2 { throw PyError.value("Too many decimal digits in format string") }
            value = a
            count += 1
            i += 1
        }
        return count == 0 ? nil : value
    }
}
