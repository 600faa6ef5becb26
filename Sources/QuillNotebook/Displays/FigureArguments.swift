// Reading the figure functions' arguments: matrices and vectors of finite numbers from Python lists and tuples,
// numpy arrays and torch tensors (read as their tolist()), labels as str() of each item, titles as str().
// Shapes: a matrix is [rows][columns], at least 1x1, every row as long as the first.

import QuillPython

enum FigureArguments {
    /// A 2-D value as rows of numbers.
    static func matrix(_ value: Value, _ function: String, _ context: any Context) throws -> [[Double]] {
        let rows = try items(value, function, "matrix", context)
        guard !rows.isEmpty else { throw PyError.value("\(function)() got an empty matrix") }
        var matrix: [[Double]] = []
        for (i, row) in rows.enumerated() {
            guard TableFunction.isSequence(row) else {
                throw PyError.value("\(function)() needs a 2-D matrix (a list of rows), got row \(i) of type \(row.typeName)")
            }
            let numbers = try context.iterate(row).map { try number($0, function) }
            guard !numbers.isEmpty else { throw PyError.value("\(function)() got an empty row \(i)") }
            if let first = matrix.first, first.count != numbers.count {
                throw PyError.value("\(function)(): row \(i) has \(numbers.count) values, row 0 has \(first.count)")
            }
            matrix.append(numbers)
        }
        return matrix
    }

    /// A 1-D value as numbers.
    static func vector(_ value: Value, _ function: String, _ context: any Context) throws -> [Double] {
        let values = try items(value, function, "values", context)
        guard !values.isEmpty else { throw PyError.value("\(function)() got no values") }
        return try values.map { item in
            guard !TableFunction.isSequence(item) else {
                throw PyError.value("\(function)() needs 1-D values, got an item of type \(item.typeName)")
            }
            return try number(item, function)
        }
    }

    /// `count` labels (nil when not given or None).
    static func labels(_ value: Value?, count: Int, what: String, of things: String, _ function: String,
                       _ context: any Context) throws -> [String]? {
        guard let value = TableFunction.given(value) else { return nil }
        if case .str = value { throw PyError.type("\(function)(): \(what) must be a list, not str") }
        let labels = try items(value, function, what, context).map { try context.str($0) }
        guard labels.count == count else {
            throw PyError.value("\(function)(): \(labels.count) \(what) for \(count) \(things)")
        }
        return labels
    }

    static func title(_ value: Value?, _ context: any Context) throws -> String? {
        try TableFunction.given(value).map { try context.str($0) }
    }

    /// The items of a list, tuple, array or tensor (arrays as their tolist()).
    static func items(_ value: Value, _ function: String, _ name: String, _ context: any Context) throws -> [Value] {
        let listed = TableFunction.plain(value)
        switch listed {
        case .list, .tuple: return try context.iterate(listed).map(TableFunction.plain)
        default:
            throw PyError.type("\(function)() argument '\(name)' must be a list, tuple, array or tensor, not \(value.typeName)")
        }
    }

    /// A finite Python number as a Double.
    static func number(_ value: Value, _ function: String) throws -> Double {
        let x: Double
        switch TableFunction.plain(value) {
        case .int(let i): x = Double(i)
        case .float(let f): x = f
        case .bool(let b): x = b ? 1 : 0
        default: throw PyError.type("\(function)() values must be numbers, not \(value.typeName)")
        }
        guard x.isFinite else { throw PyError.value("\(function)() values must be finite, got \(x.isNaN ? "nan" : x > 0 ? "inf" : "-inf")") }
        return x
    }
}
