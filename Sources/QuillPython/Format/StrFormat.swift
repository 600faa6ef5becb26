// str.format, as CPython 3.11's stringlib/unicode_format.h does it: literal text with {{ and }} escapes, and
// replacement fields {name!conversion:spec} where name is empty (automatic numbering), an index or a keyword,
// followed by .attribute and [key] lookups ([1] indexes with an int, [key] with a str), conversion r s or a, and a
// spec that may itself contain fields ({:{w}.{p}f}), expanded once more at most. Each value is formatted through
// the context, so objects with their own __format__ take part.

enum StrFormat {
    static func format(_ template: String, _ arguments: Arguments, _ context: any Context) throws -> String {
        var numbering = Numbering.unset
        return try Renderer(arguments: arguments, context: context).build(Array(template.unicodeScalars)[...], depth: 2, &numbering)
    }

    /// Whether fields are numbered automatically ({}) or by hand ({0}); mixing them is an error.
    enum Numbering {
        case unset, automatic(next: Int), manual
    }

    struct Renderer {
        let arguments: Arguments
        let context: any Context

        func build(_ s: ArraySlice<Unicode.Scalar>, depth: Int, _ numbering: inout Numbering) throws -> String {
            if depth <= 0 { throw PyError.value("Max string recursion exceeded") }
            var out = String.UnicodeScalarView()
            var pos = s.startIndex
            let end = s.endIndex
            while pos < end {
                let literalStart = pos
                var c: Unicode.Scalar = " "
                var markup = false
                while pos < end {
                    c = s[pos]
                    pos += 1
                    if c == "{" || c == "}" { markup = true; break }
                }
                let atEnd = pos >= end
                var literalEnd = pos
                if markup && c == "}" && (atEnd || s[pos] != "}") {
                    throw PyError.value("Single '}' encountered in format string")
                }
                if markup && atEnd && c == "{" { throw PyError.value("Single '{' encountered in format string") }
                if markup && !atEnd {
                    if s[pos] == c { pos += 1; markup = false } else { literalEnd -= 1 }
                }
                out.append(contentsOf: s[literalStart..<literalEnd])
                guard markup else { continue }
                let field = try FieldSyntax.parse(s, &pos)
                out.append(contentsOf: try render(s, field, depth: depth, &numbering).unicodeScalars)
            }
            return String(out)
        }

        /// Looks the field's value up, converts it, expands its spec, and formats it.
        private func render(_ s: ArraySlice<Unicode.Scalar>, _ field: FieldSyntax, depth: Int,
                                     _ numbering: inout Numbering) throws -> String {
            var value = try lookup(s[field.name], &numbering)
            if let conversion = field.conversion {
                switch conversion {
                case "r": value = .str(try context.repr(value))
                case "s": value = .str(try context.str(value))
                case "a": value = .str(StringRepr.ascii(try context.repr(value)))
                default:
                    let v = conversion.value
                    let shown = v > 32 && v < 127 ? String(Character(conversion)) : "\\x\(String(v, radix: 16))"
                    throw PyError.value("Unknown conversion specifier \(shown)")
                }
            }
            var spec = String(String.UnicodeScalarView(s[field.spec]))
            if field.specHasFields { spec = try build(s[field.spec], depth: depth - 1, &numbering) }
            return try context.format(value, spec)
        }

        /// The value a field name designates: an argument, then its attributes and items.
        private func lookup(_ name: ArraySlice<Unicode.Scalar>, _ numbering: inout Numbering) throws -> Value {
            let firstEnd = name.firstIndex(where: { $0 == "." || $0 == "[" }) ?? name.endIndex
            let first = name[..<firstEnd]
            var index = try FieldSyntax.integer(first)
            if first.isEmpty || index != nil {
                switch numbering {
                case .unset: numbering = first.isEmpty ? .automatic(next: 0) : .manual
                case .manual where first.isEmpty:
                    throw PyError.value("cannot switch from manual field specification to automatic field numbering")
                case .automatic where !first.isEmpty:
                    throw PyError.value("cannot switch from automatic field numbering to manual field specification")
                default: break
                }
                if first.isEmpty, case .automatic(let next) = numbering {
                    index = next
                    numbering = .automatic(next: next + 1)
                }
            }
            var value: Value
            if let index {
                guard index < arguments.positional.count else {
                    throw PyError.index("Replacement index \(index) out of range for positional args tuple")
                }
                value = arguments.positional[index]
            } else {
                let key = String(String.UnicodeScalarView(first))
                guard let found = arguments.keywords.last(where: { $0.name.utf8.elementsEqual(key.utf8) }) else {
                    throw PyError.key(StringRepr.repr(key))
                }
                value = found.value
            }
            var rest = name[firstEnd...]
            while let part = try FieldSyntax.nextPart(&rest) {
                switch part {
                case .attribute(let attribute): value = try context.attribute(value, attribute)
                case .index(let i): value = try context.item(value, .int(i))
                case .key(let key): value = try context.item(value, .str(key))
                }
            }
            return value
        }
    }
}
