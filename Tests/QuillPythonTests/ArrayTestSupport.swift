// A small stand-in for the interpreter's Context for the array tests: repr/str of Python scalars, lists, tuples
// and objects, format through Formatter, truth, equality of numbers, calls of Swift functions. Not a Python
// interpreter: just enough for arrays' methods and printing.

import Foundation
@testable import QuillPython

final class ArrayTestContext: Context {
    struct NoModels: ModelHost {
        func loadBiEncoder(_ reference: String) throws -> any BiEncoderModel { throw ModelUnavailable(model: reference) }
        func loadCrossEncoder(_ reference: String) throws -> any CrossEncoderModel { throw ModelUnavailable(model: reference) }
    }

    var output = ""
    var host: any ModelHost { NoModels() }
    var dataDirectory: URL? { nil }
    func noteFileRead(_ path: String) {}

    func call(_ callable: Value, _ arguments: Arguments) throws -> Value {
        guard case .object(let f as PyCallable) = callable else { throw PyError.type("'\(callable.typeName)' object is not callable") }
        return try f.call(arguments, self)
    }

    func repr(_ value: Value) throws -> String {
        switch value {
        case .none: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .bigInt(let b): return String(b)
        case .float(let x): return FloatRepr.repr(x)
        case .str(let s): return StringRepr.repr(s)
        case .list(let l): return "[" + (try l.items.map(repr).joined(separator: ", ")) + "]"
        case .tuple(let t): return t.count == 1 ? "(\(try repr(t[0])),)" : "(" + (try t.map(repr).joined(separator: ", ")) + ")"
        case .dict: return "{...}"
        case .object(let o as PyRepresentable): return try o.repr(self)
        case .object(let o): return "<\(o.typeName) object>"
        }
    }

    func str(_ value: Value) throws -> String {
        switch value {
        case .str(let s): return s
        case .object(let o as PyRepresentable): return try o.str(self)
        default: return try repr(value)
        }
    }

    func format(_ value: Value, _ spec: String) throws -> String {
        if case .object(let o as PyFormattable) = value { return try o.format(spec, self) }
        return try Formatter.format(value, spec, self)
    }

    func truth(_ value: Value) throws -> Bool {
        switch value {
        case .none: return false
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .float(let x): return x != 0
        case .str(let s): return !s.isEmpty
        case .list(let l): return !l.items.isEmpty
        case .tuple(let t): return !t.isEmpty
        case .object(let o as PyNumeric): return try o.truth(self) ?? true
        default: return true
        }
    }

    func equals(_ a: Value, _ b: Value) throws -> Bool {
        if let (x, _) = PyArray.pythonScalar(a), let (y, _) = PyArray.pythonScalar(b) { return x == y }
        return try repr(a) == repr(b)
    }

    func less(_ a: Value, _ b: Value) throws -> Bool {
        guard let (x, _) = PyArray.pythonScalar(a), let (y, _) = PyArray.pythonScalar(b) else { throw PyError.type("not comparable") }
        return x < y
    }

    func attribute(_ value: Value, _ name: String) throws -> Value {
        guard case .object(let o as PyAttributes) = value, let v = try o.attribute(name, self) else {
            throw PyError.attribute("'\(value.typeName)' object has no attribute '\(name)'")
        }
        return v
    }

    func item(_ value: Value, _ index: Value) throws -> Value {
        guard case .object(let o as PySubscriptable) = value else { throw PyError.type("not subscriptable") }
        return try o.item(index, self)
    }

    func iterate(_ value: Value) throws -> [Value] {
        switch value {
        case .list(let l): return l.items
        case .tuple(let t): return t
        case .object(let o as PyIterable): return try o.items(self)
        default: throw PyError.type("'\(value.typeName)' object is not iterable")
        }
    }

    func write(_ text: String) throws { output += text }
    func checkDeadline() throws {}
    func reserve(_ count: Int) throws {
        if count > 10_000_000 { throw PyError.memory("too many elements") }
    }

    /// `obj.name(args...)`.
    func method(_ value: Value, _ name: String, _ positional: [Value] = [], _ keywords: [(name: String, value: Value)] = []) throws -> Value {
        try call(attribute(value, name), Arguments(positional, keywords: keywords))
    }

    /// What Python prints for an outcome: repr, or "!Type: message".
    func outcome(_ body: () throws -> Value) -> String {
        do { return try repr(body()) } catch let e as PyError { return "!" + e.description } catch { return "!\(error)" }
    }
}

extension PyArray {
    /// A float32 vector or matrix for tests.
    static func test(_ library: Library, _ values: [Double], shape: [Int]? = nil, dtype: DType = .float32) -> PyArray {
        PyArray(library: library, dtype: dtype, shape: shape ?? [values.count], scalars: values.map(dtype.cast))
    }
}
