// Python features outside Quill's subset, reported by name where they are written instead of a misleading syntax
// error: classes, generators, async code, global/nonlocal, decorators, sets, match statements,
// bitwise operators, relative and star imports, `raise ... from` and positional-only parameters.

enum Unsupported {
    static let keywordMessages: [String: String] = [
        "class": "classes are not supported in Quill cells",
        "yield": "generators and 'yield' are not supported in Quill cells",
        "async": "async and await are not supported in Quill cells",
        "await": "async and await are not supported in Quill cells",
        "global": "'global' is not supported in Quill cells",
        "nonlocal": "'nonlocal' is not supported in Quill cells",
    ]

    /// The unsupported-feature error for a keyword, if it names such a feature.
    static func keyword(_ name: String, at loc: Loc) -> PyError? {
        keywordMessages[name].map { PyError.unsupported($0, at: loc) }
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

    static func decorators(at loc: Loc) -> PyError {
        PyError.unsupported("decorators are not supported in Quill cells", at: loc)
    }

    static func match(at loc: Loc) -> PyError {
        PyError.unsupported("match statements are not supported in Quill cells", at: loc)
    }

    /// `|`, `^`, `&`, `<<`, `>>` and their augmented forms.
    static func bitwise(at loc: Loc) -> PyError {
        PyError.unsupported("bitwise operators are not supported in Quill cells", at: loc)
    }

    static func relativeImport(at loc: Loc) -> PyError {
        PyError.unsupported("relative imports are not supported in Quill cells", at: loc)
    }

    static func starImport(at loc: Loc) -> PyError {
        PyError.unsupported("'from ... import *' is not supported in Quill cells", at: loc)
    }

    static func raiseFrom(at loc: Loc) -> PyError {
        PyError.unsupported("'raise ... from' is not supported in Quill cells", at: loc)
    }

    static func positionalOnly(at loc: Loc) -> PyError {
        PyError.unsupported("positional-only parameters ('/') are not supported in Quill cells", at: loc)
    }

    /// A `\ud800`-style escape: Swift strings cannot hold a lone surrogate.
    static func loneSurrogate() -> PyError {
        PyError.unsupported("lone surrogate characters (\\ud800-\\udfff) are not supported in Quill cells")
    }
}
