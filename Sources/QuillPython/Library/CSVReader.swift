// csv.reader: CPython's record parser as a state machine over the characters of each input line (quoted
// fields, doubled quotes, escape characters, fields spanning lines, \r\n endings), row by row on demand.

final class CSVReader: PyIterable, PyAttributes {
    private enum State {
        case startRecord, startField, escapedChar, afterEscapedNewline, inField, inQuotedField, escapeInQuotedField,
             quoteInQuotedField, eatNewline
    }

    let dialect: CSVDialect
    private let source: Value
    private var lines: [Value]?
    private var next = 0
    /// Input lines read so far (`reader.line_num`).
    private(set) var lineNumber = 0
    private var state = State.startRecord
    private var fields: [Value] = []
    private var field = String.UnicodeScalarView()
    /// Code points in `field` (a UnicodeScalarView counts in linear time).
    private var fieldLength = 0
    private var numericField = false

    static let fieldLimit = 131072

    init(_ source: Value, _ dialect: CSVDialect) {
        self.source = source
        self.dialect = dialect
    }

    var typeName: String { "reader" }

    /// The next record, or nil at the end of the input.
    func nextRow(_ context: any Context) throws -> [Value]? {
        if lines == nil { lines = try context.iterate(source) }
        let input = lines ?? []
        fields = []
        field = String.UnicodeScalarView()
        fieldLength = 0
        state = .startRecord
        repeat {
            guard next < input.count else {
                if fieldLength != 0 || state == .inQuotedField {
                    if dialect.strict { throw CSVModule.error("unexpected end of data") }
                    try saveField(context)
                    break
                }
                return nil
            }
            guard case .str(let line) = input[next] else {
                throw CSVModule.error("iterator should return strings, not \(input[next].typeName) (the file should be opened in text mode)")
            }
            next += 1
            lineNumber += 1
            for c in line.unicodeScalars { try process(c, context) }
            try process(nil, context)
        } while state != .startRecord
        return fields
    }

    private func add(_ c: Unicode.Scalar) throws {
        guard fieldLength < Self.fieldLimit else {
            throw CSVModule.error("field larger than field limit (\(Self.fieldLimit))")
        }
        field.append(c)
        fieldLength += 1
    }

    private func saveField(_ context: any Context) throws {
        let text = String(field)
        if numericField {
            numericField = false
            fields.append(.float(try Conversions.double(.str(text), context)))
        } else {
            fields.append(.str(text))
        }
        field = String.UnicodeScalarView()
        fieldLength = 0
    }

    private func isNewline(_ c: Unicode.Scalar?) -> Bool { c == "\n" || c == "\r" }

    /// One character of a line, or nil for the end of the line.
    private func process(_ c: Unicode.Scalar?, _ context: any Context) throws {
        let quoted = dialect.quoting != .none && dialect.quoteChar != nil
        switch state {
        case .startRecord:
            if c == nil { return }  // an empty line: the record []
            if isNewline(c) { state = .eatNewline; return }
            state = .startField
            try process(c, context)
        case .startField:
            if c == nil || isNewline(c) {
                try saveField(context)
                state = c == nil ? .startRecord : .eatNewline
            } else if quoted && c == dialect.quoteChar {
                state = .inQuotedField
            } else if c == dialect.escapeChar {
                state = .escapedChar
            } else if c == " " && dialect.skipInitialSpace {
                return
            } else if c == dialect.delimiter {
                try saveField(context)
            } else if let c {
                if dialect.quoting == .nonNumeric { numericField = true }
                try add(c)
                state = .inField
            }
        case .escapedChar:
            if let c, isNewline(c) { try add(c); state = .afterEscapedNewline; return }
            try add(c ?? "\n")
            state = .inField
        case .afterEscapedNewline:
            if c == nil { return }
            state = .inField
            try process(c, context)
        case .inField:
            if c == nil || isNewline(c) {
                try saveField(context)
                state = c == nil ? .startRecord : .eatNewline
            } else if c == dialect.escapeChar {
                state = .escapedChar
            } else if c == dialect.delimiter {
                try saveField(context)
                state = .startField
            } else if let c {
                try add(c)
            }
        case .inQuotedField:
            guard let c else { return }
            if c == dialect.escapeChar {
                state = .escapeInQuotedField
            } else if quoted && c == dialect.quoteChar {
                state = dialect.doubleQuote ? .quoteInQuotedField : .inField
            } else {
                try add(c)
            }
        case .escapeInQuotedField:
            try add(c ?? "\n")
            state = .inQuotedField
        case .quoteInQuotedField:
            if quoted && c == dialect.quoteChar {
                try add(c ?? "\"")
                state = .inQuotedField
            } else if c == dialect.delimiter {
                try saveField(context)
                state = .startField
            } else if c == nil || isNewline(c) {
                try saveField(context)
                state = c == nil ? .startRecord : .eatNewline
            } else if !dialect.strict, let c {
                try add(c)
                state = .inField
            } else {
                let q = dialect.quoteChar.map { String($0) } ?? ""
                throw CSVModule.error("'\(dialect.delimiter)' expected after '\(q)'")
            }
        case .eatNewline:
            if isNewline(c) { return }
            guard c == nil else {
                throw CSVModule.error("new-line character seen in unquoted field - do you need to open the file in universal-newline mode?")
            }
            state = .startRecord
        }
    }

    func items(_ context: any Context) throws -> [Value] {
        var rows: [Value] = []
        while let row = try nextRow(context) {
            rows.append(.list(PyList(row)))
            if rows.count & 0xFFF == 0 { try context.reserve(rows.count); try context.checkDeadline() }
        }
        return rows
    }

    var attributeNames: [String] { ["line_num", "__iter__", "__next__"] }

    func attribute(_ name: String, _ context: any Context) throws -> Value? {
        switch name {
        case "line_num": return .int(lineNumber)
        case "__iter__": return BuiltinFunction.value("__iter__") { _, _ in .object(self) }
        case "__next__":
            return BuiltinFunction.value("__next__") { _, c in
                guard let row = try self.nextRow(c) else { throw PyError(.exception("StopIteration"), "") }
                return .list(PyList(row))
            }
        default: return nil
        }
    }
}
