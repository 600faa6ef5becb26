// Python features outside Quill's subset, reported by name at their keyword instead of a misleading syntax error:
// classes, try statements, generators, async code, global/nonlocal, decorators, sets, match statements.
// (Bitwise operators, relative and star imports, `raise ... from` and positional-only parameters are reported
// where they are parsed.)

enum Unsupported {
    static let keywordMessages: [String: String] = [
        "class": "classes are not supported in Quill cells",
        "try": "try statements are not supported in Quill cells",
        "yield": "generators and 'yield' are not supported in Quill cells",
        "async": "async and await are not supported in Quill cells",
        "await": "async and await are not supported in Quill cells",
        "global": "'global' is not supported in Quill cells",
        "nonlocal": "'nonlocal' is not supported in Quill cells",
    ]

    /// The unsupported-feature error for a keyword token, if it names such a feature.
    static func keyword(_ t: Token) -> PyError? {
        guard let name = t.name, let message = keywordMessages[name] else { return nil }
        return PyError.unsupported(message, at: t.loc)
    }

    static func yield(at loc: Loc) -> PyError {
        PyError.unsupported("generators and 'yield' are not supported in Quill cells", at: loc)
    }

    static func async(at loc: Loc) -> PyError {
        PyError.unsupported("async and await are not supported in Quill cells", at: loc)
    }

    static func sets(at loc: Loc) -> PyError {
        PyError.unsupported("sets are not supported in Quill cells", at: loc)
    }
}
