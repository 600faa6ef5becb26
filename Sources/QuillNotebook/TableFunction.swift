// `table(value, rows=None, columns=None, format=".4f")` prints a Markdown table of a 2-d tensor or array, a list of
// lists or tuples, a list of dicts (search hits: the keys are the columns) or a list of values. Floats are
// formatted with `format`, anything else with str(); columns whose every cell reads as a number (Python's float()
// accepts it) align right. Rows are labelled 0, 1, ... (or `rows`), except for a list of dicts without `rows`.
// Arrays and tensors anywhere in the value are read as their tolist() (a 0-d one as its Python number).

import QuillPython

enum TableFunction {
    static let signature = Signature("table", ["value", "rows", "columns", "format"], required: 1)

    static func call(_ arguments: Arguments, _ context: any Context) throws -> Value {
        try call(arguments, context, log: nil)
    }

    /// `log`: where the table's text is recorded, so that `run` can render it as a table outside the output fence.
    static func call(_ arguments: Arguments, _ context: any Context, log: DisplayLog?) throws -> Value {
        let slots = try signature.bind(arguments)
        guard let value = slots[0] else { throw PyError.type("table() missing 1 required positional argument: 'value'") }
        let rows = given(slots[1]), columns = given(slots[2])
        let format = slots[3] ?? .str(".4f")
        let table = try build(value, rows: rows, columns: columns, format: format, context)
        try context.write(table.text)
        log?.record(.table(table))
        return .none
    }

    /// The table's lines, each ending in "\n".
    static func render(_ value: Value, rows: Value?, columns: Value?, format: Value, _ context: any Context) throws -> String {
        try build(value, rows: rows, columns: columns, format: format, context).text
    }

    /// The table's cells, formatted.
    static func build(_ value: Value, rows: Value?, columns: Value?, format: Value, _ context: any Context) throws -> Table {
        let listed = plain(value)
        let items = try (isList(listed) ? context.iterate(listed) : context.iterate(value)).map(plain)
        func text(_ v: Value) throws -> String {
            let v = plain(v)
            guard case .float = v else { return try context.str(v) }
            guard case .str(let spec) = format else {
                throw PyError.type("format() argument 2 must be str, not \(format.typeName)")
            }
            return try context.format(v, spec)
        }
        var header: [String]
        var body: [[String]]
        let records = items.first.map(isDict) ?? false
        if records, case .dict(let first)? = items.first {
            let keys = first.storage.keys.map(\.value)
            header = try keys.map { try context.str($0) }
            body = try items.map { item in
                try keys.map { key in
                    guard case .dict(let d) = item, let v = d.storage[try HashKey(key)] else { return "" }
                    return try text(v)
                }
            }
        } else if items.contains(where: isSequence) {
            let cellsOfItems = try items.map { item in try isSequence(item) || isDict(item) ? context.iterate(item) : [item] }
            let width = cellsOfItems.map(\.count).max() ?? 0
            header = (0..<width).map(String.init)
            body = try cellsOfItems.map { cells in
                try cells.map(text) + Array(repeating: "", count: width - cells.count)
            }
        } else {
            header = ["value"]
            body = try items.map { [try text($0)] }
        }
        if let columns {
            let labels = try context.iterate(columns).map { try context.str($0) }
            guard labels.count == header.count else {
                throw PyError.value("columns: \(labels.count) labels for \(header.count) columns")
            }
            header = labels
        }
        let showRows = rows != nil || !records
        if showRows {
            let labels = try rows.map { try context.iterate($0).map { try context.str($0) } } ?? body.indices.map(String.init)
            guard labels.count == body.count else { throw PyError.value("rows: \(labels.count) labels for \(body.count) rows") }
            header.insert("", at: 0)
            for i in body.indices { body[i].insert(labels[i], at: 0) }
        }
        let numeric = header.indices.map { c in
            !(c == 0 && showRows) && !body.isEmpty && body.allSatisfy { c < $0.count && PythonFloatSyntax.parses($0[c]) }
        }
        return Table(header: header, rows: body, rightAligned: numeric)
    }

    /// nil for an argument not given or None.
    static func given(_ value: Value?) -> Value? {
        if let value, case .none = value { return nil }
        return value
    }

    /// An array or tensor as its tolist(): nested lists of Python numbers (a 0-d one: its number); anything else
    /// as it is.
    static func plain(_ value: Value) -> Value {
        guard case .object(let object) = value, let array = object as? PyArray else { return value }
        func scalar(_ x: Double) -> Value {
            switch array.dtype {
            case .float32, .float64: return .float(x)
            case .int64, .int32: return .int(Int(exactly: x) ?? 0)
            case .bool: return .bool(x != 0)
            }
        }
        func nest(_ dims: ArraySlice<Int>, _ offset: Int) -> Value {
            guard let n = dims.first else { return scalar(array.scalars[offset]) }
            let stride = dims.dropFirst().reduce(1, *)
            return .list(PyList((0..<n).map { nest(dims.dropFirst(), offset + $0 * stride) }))
        }
        return nest(array.shape[...], 0)
    }

    static func isList(_ v: Value) -> Bool { if case .list = v { return true } else { return false } }
    static func isDict(_ v: Value) -> Bool { if case .dict = v { return true } else { return false } }
    /// Lists and tuples (arrays are lists by now): the items whose elements are the cells of a row.
    static func isSequence(_ v: Value) -> Bool {
        switch v {
        case .list, .tuple: return true
        default: return false
        }
    }

    static func row(_ cells: [String]) -> String {
        "| " + cells.map(escape).joined(separator: " | ") + " |"
    }

    /// `|` escaped, line breaks ("\r\n", "\n", "\r") as spaces: a cell stays on its row.
    static func escape(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var previousCR = false
        for scalar in s.unicodeScalars {
            defer { previousCR = scalar == "\r" }
            switch scalar {
            case "|": out.append(contentsOf: "\\|".unicodeScalars)
            case "\n": if !previousCR { out.append(" ") }
            case "\r": out.append(" ")
            default: out.append(scalar)
            }
        }
        return String(out)
    }
}
