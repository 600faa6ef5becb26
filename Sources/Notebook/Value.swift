// Values of the directive language. Scores are Float32 (as the engine computes them); printing widens them
// to Double, which is exact, so `{x:.4f}` rounds exactly as Python's f-strings do on `tensor.item()`.

import QuillPython

/// A row-major Float32 matrix: embeddings (one row per sentence) or a score matrix.
struct Matrix: Sendable, Equatable {
    var rows: Int
    var columns: Int
    var scalars: [Float]

    init(rows: [[Float]]) throws {
        let width = rows.first?.count ?? 0
        guard rows.allSatisfy({ $0.count == width }) else { throw ValueError("rows of different lengths") }
        self.rows = rows.count
        columns = width
        scalars = rows.flatMap { $0 }
    }

    init(rows: Int, columns: Int, scalars: [Float]) {
        precondition(scalars.count == rows * columns, "Matrix: \(scalars.count) scalars for \(rows)x\(columns)")
        self.rows = rows
        self.columns = columns
        self.scalars = scalars
    }

    func row(_ i: Int) -> ArraySlice<Float> { scalars[(i * columns)..<((i + 1) * columns)] }
}

/// A model handle; the model itself is loaded once per run and shared by every cell.
enum ModelHandle: Sendable {
    case biEncoder(name: String, model: any BiEncoderModel)
    case crossEncoder(name: String, model: any CrossEncoderModel)
}

indirect enum Value: Sendable {
    case int(Int)
    case float(Double)
    case string(String)
    case bool(Bool)
    case list([Value])
    case pair(Value, Value)
    case matrix(Matrix)
    /// Named fields in order, e.g. a search hit: corpus_id, score, text.
    case record([(String, Value)])
    case model(ModelHandle)
    case none

    var typeName: String {
        switch self {
        case .int: return "integer"
        case .float: return "number"
        case .string: return "string"
        case .bool: return "boolean"
        case .list: return "list"
        case .pair: return "pair"
        case .matrix(let m): return "matrix (\(m.rows)x\(m.columns))"
        case .record: return "record"
        case .model(.biEncoder): return "bi-encoder"
        case .model(.crossEncoder): return "cross-encoder"
        case .none: return "nothing"
        }
    }

    /// The type name with its article, for messages: "an integer", "a list", "nothing".
    var describedType: String {
        switch self {
        case .none: return "nothing"
        case .int: return "an integer"
        default: return "a \(typeName)"
        }
    }

    /// The elements of anything iterable: lists, pairs, matrix rows, record values.
    var elements: [Value]? {
        switch self {
        case .list(let items): return items
        case .pair(let a, let b): return [a, b]
        case .matrix(let m): return (0..<m.rows).map { .list(m.row($0).map { .float(Double($0)) }) }
        case .string(let s): return s.map { .string(String($0)) }
        default: return nil
        }
    }

    var count: Int? {
        switch self {
        case .list(let items): return items.count
        case .pair: return 2
        case .matrix(let m): return m.rows
        case .string(let s): return s.count
        case .record(let fields): return fields.count
        default: return nil
        }
    }

    var number: Double? {
        switch self {
        case .int(let v): return Double(v)
        case .float(let v): return v
        default: return nil
        }
    }

    /// How `print` shows the value: strings bare, everything else as its `repr`.
    var printed: String {
        if case .string(let s) = self { return s }
        return repr
    }

    /// Python-like representation: `['a', 'b']`, `('a', 0.5)`, `{corpus_id: 0, score: 0.5}`.
    var repr: String {
        switch self {
        case .int(let v): return String(v)
        case .float(let v): return Value.shortest(v)
        case .string(let s): return "'" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
        case .bool(let b): return b ? "true" : "false"
        case .list(let items): return "[" + items.map(\.repr).joined(separator: ", ") + "]"
        case .pair(let a, let b): return "(" + a.repr + ", " + b.repr + ")"
        case .matrix: return Value.list(elements ?? []).repr
        case .record(let fields): return "{" + fields.map { "\($0.0): \($0.1.repr)" }.joined(separator: ", ") + "}"
        case .model(.biEncoder(let name, _)): return "bi_encoder('\(name)')"
        case .model(.crossEncoder(let name, _)): return "cross_encoder('\(name)')"
        case .none: return "none"
        }
    }

    /// Shortest round-trip decimal, Python style ("0.5", "1e-05", "nan").
    static func shortest(_ v: Double) -> String {
        if v.isNaN { return "nan" }
        if v.isInfinite { return v < 0 ? "-inf" : "inf" }
        return v.description
    }
}

/// A type or value error raised inside a built-in, turned into a `Diagnostic` at the call site.
struct ValueError: Error {
    var message: String
    var hint: String?
    init(_ message: String, hint: String? = nil) {
        self.message = message
        self.hint = hint
    }
}
