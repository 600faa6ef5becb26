// format(value, spec) for the built-in scalars, as CPython 3.11's int, float, str, bool and None __format__ do.
// An empty spec gives str(value). Other values (lists, tuples, dicts, objects) format as str() with an empty spec
// and raise TypeError otherwise; the interpreter asks PyFormattable objects first.

import BigInt

enum Formatter {
    static func format(_ value: Value, _ spec: String, _ context: any Context) throws -> String {
        switch value {
        case .str(let s):
            return spec.isEmpty ? s : try formatString(s, spec, context)
        case .int(let i):
            return spec.isEmpty ? String(i) : try formatInteger(BigInt(i), spec, typeName: "int", context)
        case .bigInt(let b):
            return spec.isEmpty ? String(b) : try formatInteger(b, spec, typeName: "int", context)
        case .bool(let b):
            return spec.isEmpty ? (b ? "True" : "False") : try formatInteger(BigInt(b ? 1 : 0), spec, typeName: "bool", context)
        case .float(let d):
            return spec.isEmpty ? FloatRepr.repr(d) : try formatFloat(d, spec, context)
        case .none, .list, .tuple, .dict, .object:
            if spec.isEmpty { return try context.str(value) }
            throw PyError.type("unsupported format string passed to \(value.typeName).__format__")
        }
    }

    /// str.__format__: types 's' and none; precision truncates (by code points).
    static func formatString(_ s: String, _ text: String, _ context: any Context) throws -> String {
        let spec = try FormatSpec(text, defaultType: "s", defaultAlign: "<", typeName: "str")
        guard spec.type == "s" else { throw FormatSpec.unknownType(spec.type ?? "s", "str") }
        if let sign = spec.sign {
            throw PyError.value(sign == " " ? "Space not allowed in string format specifier"
                                            : "Sign not allowed in string format specifier")
        }
        if spec.noNegativeZero { throw PyError.value("Negative zero coercion (z) not allowed in string format specifier") }
        if spec.alternate { throw PyError.value("Alternate form (#) not allowed in string format specifier") }
        if spec.align == "=" { throw PyError.value("'=' alignment not allowed in string format specifier") }
        try reserve(spec, context)
        var scalars = s.unicodeScalars
        var length = scalars.count
        if spec.precision >= 0 && length > spec.precision {
            scalars = String.UnicodeScalarView(scalars.prefix(spec.precision))
            length = spec.precision
        }
        let padding = max(0, spec.width - length)
        guard padding > 0 || scalars.count != s.unicodeScalars.count else { return s }
        let left = spec.align == ">" ? padding : spec.align == "^" ? padding / 2 : 0
        let fill = String(Character(spec.fill))
        return String(repeating: fill, count: left) + String(scalars) + String(repeating: fill, count: padding - left)
    }

    /// float.__format__: types e E f F g G n % and none.
    static func formatFloat(_ x: Double, _ text: String, _ context: any Context) throws -> String {
        let spec = try FormatSpec(text, defaultType: nil, defaultAlign: ">", typeName: "float")
        switch spec.type {
        case nil, "e", "E", "f", "F", "g", "G", "n", "%": return try renderFloat(x, spec, context)
        case let type?: throw FormatSpec.unknownType(type, "float")
        }
    }

    /// CPython's format_float_internal, shared by floats and by ints given a float type.
    static func renderFloat(_ x: Double, _ spec: FormatSpec, _ context: any Context) throws -> String {
        if spec.precision > Int(Int32.max) { throw PyError.value("precision too big") }
        try reserve(spec, context)
        var style = FloatText(alternate: spec.alternate, noNegativeZero: spec.noNegativeZero)
        var type = spec.type ?? "r"
        var value = x
        var precision = spec.precision
        var defaultPrecision = 6
        if spec.type == nil { style.addDotZero = true; defaultPrecision = 0 }
        if type == "n" { type = "g" }
        let percent = type == "%"
        if percent { type = "f"; value *= 100 }
        if precision < 0 { precision = defaultPrecision } else if type == "r" { type = "g" }
        var text = Substring(style.format(value, type, precision))
        if percent { text += "%" }
        let negative = text.first == "-"
        if negative { text = text.dropFirst() }
        let digitEnd = text.utf8.firstIndex(where: { $0 < 48 || $0 > 57 }) ?? text.endIndex
        var rest = text[digitEnd...]
        let point = rest.first == "."
        if point { rest = rest.dropFirst() }
        var layout = NumberLayout(negative: negative, digits: text[..<digitEnd], hasDecimalPoint: point, remainder: rest)
        layout.prefix = ""
        var layoutSpec = spec
        if spec.type == "n" { layoutSpec.grouping = .none }
        return layout.render(layoutSpec)
    }

    /// Refuses output whose size the program chose beyond the session's memory bound.
    static func reserve(_ spec: FormatSpec, _ context: any Context) throws {
        let size = max(spec.width, spec.precision)
        if size > 4096 { try context.reserve(size) }
    }
}
