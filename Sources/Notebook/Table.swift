// `table(...)`: a matrix, a list of lists, a list of records (search hits) or a list of values as a Markdown table.

enum Table {
    /// - Parameters: rowLabels/columnLabels replace the default 0-based indices; `spec` formats numbers.
    static func render(_ value: Value, rowLabels: [String]?, columnLabels: [String]?, spec: FormatSpec) throws -> String {
        var header: [String]
        var body: [[String]]
        guard let items = value.elements else {
            throw ValueError("table needs a matrix or a list, got \(value.describedType)")
        }
        func cell(_ v: Value) throws -> String {
            if case .float = v { return try spec.format(v) }
            return v.printed
        }
        if let first = items.first, case .record(let fields) = first {
            header = fields.map(\.0)
            body = try items.map { item in
                guard case .record(let f) = item else { throw ValueError("table: a list mixes records and other values") }
                return try header.map { name in try f.first(where: { $0.0 == name }).map { try cell($0.1) } ?? "" }
            }
        } else if items.contains(where: { $0.elements != nil && !isString($0) }) {
            let width = items.map { isString($0) ? 1 : ($0.elements?.count ?? 1) }.max() ?? 0
            header = (0..<width).map(String.init)
            body = try items.map { item in
                let cells = try (isString(item) ? [item] : (item.elements ?? [item])).map(cell)
                return cells + Array(repeating: "", count: width - cells.count)
            }
        } else {
            header = ["value"]
            body = try items.map { [try cell($0)] }
        }
        if let columnLabels {
            guard columnLabels.count == header.count else {
                throw ValueError("columns: \(columnLabels.count) labels for \(header.count) columns")
            }
            header = columnLabels
        }
        let showRowLabels = rowLabels != nil || !isRecordList(items)
        if showRowLabels {
            let labels = rowLabels ?? (0..<body.count).map(String.init)
            guard labels.count == body.count else { throw ValueError("rows: \(labels.count) labels for \(body.count) rows") }
            header.insert("", at: 0)
            for i in body.indices { body[i].insert(labels[i], at: 0) }
        }
        // Numeric columns align right, text columns left.
        let numeric = header.indices.map { c in
            !(c == 0 && showRowLabels) && !body.isEmpty && body.allSatisfy { c < $0.count && Double($0[c]) != nil }
        }
        var lines = [row(header), "|" + numeric.map { $0 ? "---:|" : "---|" }.joined()]
        lines += body.map(row)
        return lines.joined(separator: "\n") + "\n"
    }

    private static func isString(_ v: Value) -> Bool {
        if case .string = v { return true }
        return false
    }

    private static func isRecordList(_ items: [Value]) -> Bool {
        if case .record? = items.first { return true }
        return false
    }

    private static func row(_ cells: [String]) -> String {
        "| " + cells.map(escape).joined(separator: " | ") + " |"
    }

    private static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\r\n", with: " ")
            .replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
    }
}
