// The syntax of one str.format replacement field, after its '{': the field name (up to '!', ':' or '}', with
// '[...]' skipped whole), an optional conversion character, and the spec (up to the matching '}'), with CPython's
// error messages; and the parts of a field name after its first: .attribute, [index] and [key].

struct FieldSyntax {
    var name: Range<Int>
    var conversion: Unicode.Scalar?
    var spec: Range<Int>
    /// The spec contains '{': it is itself a template to expand.
    var specHasFields = false

    /// Parses from just after the '{' to just after the closing '}'.
    static func parse(_ s: ArraySlice<Unicode.Scalar>, _ pos: inout Int) throws -> FieldSyntax {
        let end = s.endIndex
        let nameStart = pos
        var c: Unicode.Scalar = " "
        scan: while pos < end {
            c = s[pos]
            pos += 1
            switch c {
            case "{": throw PyError.value("unexpected '{' in field name")
            case "[": while pos < end && s[pos] != "]" { pos += 1 }
            case "}", ":", "!": break scan
            default: break
            }
        }
        var field = FieldSyntax(name: nameStart..<max(nameStart, pos - 1), conversion: nil, spec: pos..<pos)
        if c == "!" || c == ":" {
            if c == "!" {
                guard pos < end else { throw PyError.value("end of string while looking for conversion specifier") }
                field.conversion = s[pos]
                pos += 1
                if pos < end {
                    let next = s[pos]
                    pos += 1
                    if next == "}" { field.spec = pos..<pos; return field }
                    if next != ":" { throw PyError.value("expected ':' after conversion specifier") }
                }
            }
            let specStart = pos
            var depth = 1
            while pos < end {
                let d = s[pos]
                pos += 1
                if d == "{" {
                    field.specHasFields = true
                    depth += 1
                } else if d == "}" {
                    depth -= 1
                    if depth == 0 { field.spec = specStart..<(pos - 1); return field }
                }
            }
            throw PyError.value("unmatched '{' in format spec")
        }
        if c != "}" { throw PyError.value("expected '}' before end of string") }
        return field
    }

    /// A field name's first part as an index: nil unless it is all decimal digits (any script).
    static func integer(_ text: ArraySlice<Unicode.Scalar>) throws -> Int? {
        guard !text.isEmpty else { return nil }
        var value = 0
        for c in text {
            guard let d = UnicodeData.decimalValue(c) else { return nil }
            guard value <= (Int.max - d) / 10 else { throw PyError.value("Too many decimal digits in format string") }
            value = value * 10 + d
        }
        return value
    }

    enum Part { case attribute(String), index(Int), key(String) }

    /// The next `.name` or `[key]` of a field name; nil at its end.
    static func nextPart(_ rest: inout ArraySlice<Unicode.Scalar>) throws -> Part? {
        guard let first = rest.first else { return nil }
        rest = rest.dropFirst()
        let text: ArraySlice<Unicode.Scalar>
        let part: Part
        switch first {
        case ".":
            let stop = rest.firstIndex(where: { $0 == "." || $0 == "[" }) ?? rest.endIndex
            text = rest[..<stop]
            rest = rest[stop...]
            part = .attribute(String(String.UnicodeScalarView(text)))
        case "[":
            guard let close = rest.firstIndex(of: "]") else { throw PyError.value("Missing ']' in format string") }
            text = rest[..<close]
            rest = rest[(close + 1)...]
            if let i = try integer(text) { part = .index(i) } else { part = .key(String(String.UnicodeScalarView(text))) }
        default:
            throw PyError.value("Only '.' or '[' may follow ']' in format field specifier")
        }
        if text.isEmpty { throw PyError.value("Empty attribute in format string") }
        return part
    }
}
