// csv.DictReader: rows as dicts keyed by the field names (the first row unless given); blank rows skipped; extra
// values under `restkey` (default None), missing ones filled with `restval` (default None).

final class CSVDictReader: PyIterable, PyAttributes {
    private let reader: CSVReader
    private var fieldNames: [Value]?
    private let restKey: Value
    private let restValue: Value
    private var lineNumber = 0

    private init(_ reader: CSVReader, fieldNames: [Value]?, restKey: Value, restValue: Value) {
        self.reader = reader
        self.fieldNames = fieldNames
        self.restKey = restKey
        self.restValue = restValue
    }

    var typeName: String { "DictReader" }

    /// DictReader(f, fieldnames=None, restkey=None, restval=None, dialect='excel', **fmtparams).
    static func make(_ arguments: Arguments, _ context: any Context) throws -> Value {
        let own = ["f", "fieldnames", "restkey", "restval"]
        let ownArguments = Arguments(Array(arguments.positional.prefix(5)),
                                     keywords: arguments.keywords.filter { own.contains($0.name) || $0.name == "dialect" })
        let slots = try Signature("__init__", own + ["dialect"], required: 1).bind(ownArguments)
        let source = slots[0] ?? .none
        let rest = Arguments([], keywords: arguments.keywords.filter { !own.contains($0.name) })
        let dialect = try CSVDialect(slots[4], rest, context)
        try CSVModule.checkIterable(source, context)
        var names: [Value]?
        if let given = slots[1], !given.isNone { names = try context.iterate(given) }
        let reader = CSVReader(source, dialect)
        return .object(CSVDictReader(reader, fieldNames: names, restKey: slots[2] ?? .none, restValue: slots[3] ?? .none))
    }

    /// `fieldnames`: read from the first row when not given.
    private func names(_ context: any Context) throws -> [Value]? {
        if fieldNames == nil, let first = try reader.nextRow(context) { fieldNames = first }
        lineNumber = reader.lineNumber
        return fieldNames
    }

    func nextRow(_ context: any Context) throws -> Value? {
        if lineNumber == 0 { _ = try names(context) }
        guard var row = try reader.nextRow(context) else { return nil }
        lineNumber = reader.lineNumber
        while row.isEmpty {
            guard let more = try reader.nextRow(context) else { return nil }
            row = more
        }
        guard let keys = fieldNames else { throw PyError.type("'NoneType' object is not iterable") }
        let result = PyDict()
        for (key, value) in zip(keys, row) { result.storage[try HashKey(key)] = value }
        if keys.count < row.count {
            result.storage[try HashKey(restKey)] = .list(PyList(Array(row[keys.count...])))
        } else {
            for key in keys[row.count...] { result.storage[try HashKey(key)] = restValue }
        }
        return .dict(result)
    }

    func items(_ context: any Context) throws -> [Value] {
        var rows: [Value] = []
        while let row = try nextRow(context) {
            rows.append(row)
            if rows.count & 0xFFF == 0 { try context.reserve(rows.count); try context.checkDeadline() }
        }
        return rows
    }

    var attributeNames: [String] { ["fieldnames", "line_num", "restkey", "restval", "__iter__", "__next__"] }

    func attribute(_ name: String, _ context: any Context) throws -> Value? {
        switch name {
        case "fieldnames": return try names(context).map { .list(PyList($0)) } ?? Value.none
        case "line_num": return .int(lineNumber)
        case "restkey": return restKey
        case "restval": return restValue
        case "__iter__": return BuiltinFunction.value("__iter__") { _, _ in .object(self) }
        case "__next__":
            return BuiltinFunction.value("__next__") { _, c in
                guard let row = try self.nextRow(c) else { throw PyError(.exception("StopIteration"), "") }
                return row
            }
        default: return nil
        }
    }
}
