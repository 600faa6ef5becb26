// int.__format__ (and bool's, which formats as an int once a spec is given): types b c d o x X n and none, the
// float types after IntegerMath.toDouble (CPython's int-to-float conversion, rounded half to even), and the
// character of '%c'/'c'.

import BigInt

extension Formatter {
    static func formatInteger(_ value: BigInt, _ text: String, typeName: String, _ context: any Context) throws -> String {
        let spec = try FormatSpec(text, defaultType: "d", defaultAlign: ">", typeName: typeName)
        switch spec.type {
        case "b", "c", "d", "o", "x", "X", "n":
            return try renderInteger(value, spec, context)
        case "e", "E", "f", "F", "g", "G", "%":
            return try renderFloat(try IntegerMath.toDouble(value), spec, context)
        default:
            throw FormatSpec.unknownType(spec.type ?? "d", typeName)
        }
    }

    /// CPython's format_long_internal.
    static func renderInteger(_ value: BigInt, _ spec: FormatSpec, _ context: any Context) throws -> String {
        if spec.precision != -1 { throw PyError.value("Precision not allowed in integer format specifier") }
        if spec.noNegativeZero {
            throw PyError.value("Negative zero coercion (z) not allowed in integer format specifier")
        }
        try reserve(spec, context)
        if spec.type == "c" {
            if spec.sign != nil { throw PyError.value("Sign not allowed with integer format specifier 'c'") }
            if spec.alternate { throw PyError.value("Alternate form (#) not allowed with integer format specifier 'c'") }
            return try NumberLayout(negative: false, digits: "", remainder: Substring(IntegerFormat.character(value)))
                .render(spec)
        }
        let base: Int
        var prefix = ""
        switch spec.type {
        case "b": base = 2; prefix = "0b"
        case "o": base = 8; prefix = "0o"
        case "x": base = 16; prefix = "0x"
        case "X": base = 16; prefix = "0X"
        default: base = 10
        }
        var digits = String(value.magnitude, radix: base)
        if spec.type == "X" { digits = digits.uppercased() }
        var layout = NumberLayout(negative: value.sign == .minus && !value.isZero, digits: Substring(digits))
        if spec.alternate { layout.prefix = prefix }
        var layoutSpec = spec
        if spec.type == "n" { layoutSpec.grouping = .none }
        return layout.render(layoutSpec)
    }
}

enum IntegerFormat {
    /// The character of `'%c'`/`'c'` for an int code point.
    static func character(_ value: BigInt) throws -> String {
        guard let code = Int(exactly: value) else { throw PyError.overflow("Python int too large to convert to C long") }
        guard code >= 0 && code <= 0x10FFFF else { throw PyError.overflow("%c arg not in range(0x110000)") }
        // Lone surrogates cannot live in a Swift String; they become U+FFFD.
        return String(Character(Unicode.Scalar(UInt32(code)) ?? "\u{FFFD}"))
    }
}
