// Whether Python's float() accepts a string: what `table` uses to decide that a column holds numbers (and aligns
// it right). Surrounding whitespace, a sign, decimal digits of any script with single underscores between digits,
// an optional fraction and exponent; or inf, infinity and nan in any letter case.

enum PythonFloatSyntax {
    static func parses(_ text: String) -> Bool {
        var s = Substring(text).unicodeScalars.drop(while: \.properties.isWhitespace)
        while let last = s.last, last.properties.isWhitespace { s = s.dropLast() }
        if let first = s.first, first == "+" || first == "-" { s = s.dropFirst() }
        let word = String(String.UnicodeScalarView(s)).lowercased()
        if word == "inf" || word == "infinity" || word == "nan" { return true }
        var scalars = Array(s)[...]
        let whole = digits(&scalars)
        var fraction = 0
        if scalars.first == "." {
            scalars = scalars.dropFirst()
            fraction = digits(&scalars)
            if fraction < 0 { return false }
        }
        guard whole >= 0, whole + fraction > 0 else { return false }
        if let e = scalars.first, e == "e" || e == "E" {
            scalars = scalars.dropFirst()
            if let sign = scalars.first, sign == "+" || sign == "-" { scalars = scalars.dropFirst() }
            guard digits(&scalars) > 0 else { return false }
        }
        return scalars.isEmpty
    }

    /// Consumes digits with single underscores between them; the count of digits, or -1 for a misplaced underscore.
    private static func digits(_ s: inout ArraySlice<Unicode.Scalar>) -> Int {
        var count = 0
        while let c = s.first {
            if c.properties.numericType == .decimal {
                count += 1
                s = s.dropFirst()
            } else if c == "_" {
                s = s.dropFirst()
                guard count > 0, let next = s.first, next.properties.numericType == .decimal else { return -1 }
            } else {
                break
            }
        }
        return count
    }
}
