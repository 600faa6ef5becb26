// The `csv` module: reader, DictReader, the QUOTE_* constants and csv.Error; writer and DictWriter are refused
// (no writing).

enum CSVModule {
    /// The error type as CPython's traceback names it.
    static let errorType = "_csv.Error"

    static func error(_ message: String) -> PyError { PyError(.exception(errorType), message) }

    static func module() -> PyModule {
        var members: [String: Value] = [
            "reader": BuiltinFunction.value("reader", reader),
            "DictReader": .object(TypeObject("DictReader", module: "csv", matches: { $0.typeName == "DictReader" },
                                             construct: CSVDictReader.make)),
            "QUOTE_MINIMAL": .int(0), "QUOTE_ALL": .int(1), "QUOTE_NONNUMERIC": .int(2), "QUOTE_NONE": .int(3),
            "Error": .object(TypeObject("Error", module: "_csv", matches: { _ in false })),
        ]
        for name in ["writer", "DictWriter"] {
            members[name] = BuiltinFunction.value(name) { _, _ in throw PyError.unsupported("Quill cells cannot write files") }
        }
        return PyModule("csv", members)
    }

    /// csv.reader(csvfile, dialect='excel', **fmtparams): csvfile is any iterable of lines (a file, a list of str).
    static func reader(_ arguments: Arguments, _ context: any Context) throws -> Value {
        guard let source = arguments.positional.first else {
            throw PyError.type(" expected at least 1 argument, got 0")
        }
        guard arguments.positional.count <= 2 else {
            throw PyError.type("reader() expected at most 2 arguments, got \(arguments.positional.count)")
        }
        let dialect = try CSVDialect(arguments.positional.count > 1 ? arguments.positional[1] : nil, arguments, context)
        try checkIterable(source, context)
        return .object(CSVReader(source, dialect))
    }

    /// "'int' object is not iterable" at construction, as CPython's iter(csvfile).
    static func checkIterable(_ source: Value, _ context: any Context) throws {
        switch source {
        case .str, .list, .tuple, .dict: return
        case .object(let o) where o is any PyIterable: return
        default: _ = try context.iterate(source)
        }
    }
}
