// The formatting parameters of csv.reader and csv.DictReader: a dialect ('excel', 'excel-tab', 'unix') and the
// keywords that override it, checked with CPython's messages.

struct CSVDialect {
    enum Quoting: Int { case minimal = 0, all = 1, nonNumeric = 2, none = 3 }

    var delimiter: Unicode.Scalar = ","
    var quoteChar: Unicode.Scalar? = "\""
    var escapeChar: Unicode.Scalar?
    var doubleQuote = true
    var skipInitialSpace = false
    var quoting = Quoting.minimal
    var strict = false

    static let keywords = ["dialect", "delimiter", "quotechar", "escapechar", "doublequote", "skipinitialspace",
                           "lineterminator", "quoting", "strict"]

    /// The dialect named by `dialect` (positional or keyword) with the other keywords applied.
    init(_ dialect: Value?, _ arguments: Arguments, _ context: any Context) throws {
        for (key, _) in arguments.keywords where !Self.keywords.contains(key) {
            throw PyError.type("'\(key)' is an invalid keyword argument for this function")
        }
        switch dialect ?? arguments.keyword("dialect") {
        case nil, .str("excel")?: break
        case .str("excel-tab")?: delimiter = "\t"
        case .str("unix")?: quoting = .all
        default: throw PyError(.exception(CSVModule.errorType), "unknown dialect")
        }
        for (key, value) in arguments.keywords {
            switch key {
            case "delimiter": delimiter = try Self.character(key, value, optional: false) ?? delimiter
            case "quotechar": quoteChar = try Self.character(key, value, optional: true)
            case "escapechar": escapeChar = try Self.character(key, value, optional: true)
            case "doublequote": doubleQuote = try context.truth(value)
            case "skipinitialspace": skipInitialSpace = try context.truth(value)
            case "strict": strict = try context.truth(value)
            case "lineterminator":
                guard case .str = value else { throw PyError.type("\"lineterminator\" must be a string") }
            case "quoting":
                guard case .int(let q) = value, let mode = Quoting(rawValue: q) else {
                    throw PyError.type("bad \"quoting\" value")
                }
                quoting = mode
            default: break
            }
        }
        if quoting != .none && quoteChar == nil && arguments.keyword("quotechar") == nil {
            throw PyError.type("quotechar must be set if quoting enabled")
        }
    }

    /// A one-character parameter: "\"delimiter\" must be a 1-character string", "must be string, not int".
    private static func character(_ key: String, _ value: Value, optional: Bool) throws -> Unicode.Scalar? {
        switch value {
        case .none where optional: return nil
        case .str(let s):
            guard s.unicodeScalars.count == 1, let c = s.unicodeScalars.first else {
                throw PyError.type("\"\(key)\" must be a 1-character string")
            }
            return c
        default:
            throw PyError.type("\"\(key)\" must be string\(optional ? " or None" : ""), not \(value.typeName)")
        }
    }
}
