// Compiling f-strings: literal text and `{expr!conversion:spec}` fields, the spec itself possibly holding fields,
// and the `{x=}` form (its source text, then the repr unless a conversion or spec is given).

extension Compiler {
    func fstring(_ parts: [FStringPart], _ loc: Loc) throws -> ExprCode {
        let pieces = try fstringPieces(parts)
        return { f in
            var s = ""
            for piece in pieces { s += try piece(f) }
            return .str(s)
        }
    }

    private func fstringPieces(_ parts: [FStringPart]) throws -> [(Frame) throws -> String] {
        let interp = self.interp
        return try parts.map { part in
            switch part {
            case .text(let text):
                return { _ in text }
            case .field(let expr, let conversion, let spec, let selfDocumenting, let loc):
                let value = try expression(expr)
                let specPieces = try spec.map(fstringPieces)
                let convert = conversion ?? (selfDocumenting != nil && spec == nil ? "r" : nil)
                let prefix = selfDocumenting ?? ""
                return { f in
                    var v = try value(f)
                    do {
                        switch convert {
                        case "r": v = .str(try interp.repr(v))
                        case "s": v = .str(try interp.str(v))
                        case "a": v = .str(StringRepr.ascii(try interp.repr(v)))
                        default: break
                        }
                        var specText = ""
                        if let specPieces { for piece in specPieces { specText += try piece(f) } }
                        return prefix + (try interp.format(v, specText))
                    } catch let e as PyError { throw e.at(loc) }
                }
            }
        }
    }
}

extension Interpreter {
    /// `format(value, spec)`: objects that format themselves first, then Python's format mini-language.
    func format(_ value: Value, _ spec: String) throws -> String {
        if case .object(let o as PyFormattable) = value { return try o.format(spec, self) }
        if spec.isEmpty { return try str(value) }
        return try Formatter.format(value, spec, self)
    }
}
