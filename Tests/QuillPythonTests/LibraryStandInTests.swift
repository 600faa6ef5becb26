// A stand-in for the interpreter's Context, shared by the library, format and sentence-transformers tests: Python's
// repr of the builtin values (floats and strings through FloatRepr and StringRepr), ==/< on numbers, strings and
// sequences, truth, items and iteration with CPython's errors, attributes of the library's objects, a model host
// (none by default) and a captured stdout. Its own behaviour is checked here against CPython's output.

import BigInt
import Foundation
import Testing
@testable import QuillPython

final class StandInContext: Context {
    var output = ""
    var memoryLimit = 1_000_000
    let dataDirectory: URL?
    func noteFileRead(_ path: String) {}
    let host: any ModelHost

    init(dataDirectory: URL? = nil, host: any ModelHost = NoModels()) {
        self.dataDirectory = dataDirectory
        self.host = host
    }

    func call(_ callable: Value, _ arguments: Arguments) throws -> Value {
        guard case .object(let f as any PyCallable) = callable else {
            throw PyError.type("'\(callable.typeName)' object is not callable")
        }
        return try f.call(arguments, self)
    }

    func repr(_ value: Value) throws -> String {
        switch value {
        case .none: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .bigInt(let b): return b.description
        case .float(let d): return FloatRepr.repr(d)
        case .str(let s): return StringRepr.repr(s)
        case .list(let l): return "[" + (try l.items.map(repr).joined(separator: ", ")) + "]"
        case .tuple(let t):
            return t.count == 1 ? "(\(try repr(t[0])),)" : "(" + (try t.map(repr).joined(separator: ", ")) + ")"
        case .dict(let d):
            let parts = try d.storage.map { "\(try repr($0.key.value)): \(try repr($0.value))" }
            return "{" + parts.joined(separator: ", ") + "}"
        case .object(let o as any PyRepresentable): return try o.repr(self)
        case .object(let o): return "<\(o.typeName) object>"
        }
    }

    func str(_ value: Value) throws -> String {
        switch value {
        case .str(let s): return s
        case .object(let o as any PyRepresentable): return try o.str(self)
        default: return try repr(value)
        }
    }

    func format(_ value: Value, _ spec: String) throws -> String {
        if case .object(let o as any PyFormattable) = value { return try o.format(spec, self) }
        return try Formatter.format(value, spec, self)
    }

    func truth(_ value: Value) throws -> Bool {
        switch value {
        case .none: return false
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .bigInt: return true
        case .float(let d): return d != 0
        case .str(let s): return !s.isEmpty
        case .list(let l): return !l.items.isEmpty
        case .tuple(let t): return !t.isEmpty
        case .dict(let d): return !d.storage.isEmpty
        case .object: return true
        }
    }

    func equals(_ a: Value, _ b: Value) throws -> Bool {
        switch (a, b) {
        case (.list(let x), .list(let y)): return try sequenceEquals(x.items, y.items)
        case (.tuple(let x), .tuple(let y)): return try sequenceEquals(x, y)
        case (.dict(let x), .dict(let y)):
            guard x.storage.count == y.storage.count else { return false }
            return try x.storage.allSatisfy { k, v in try y.storage[k].map { try equals(v, $0) } ?? false }
        default:
            if let x = Arithmetic.number(a), let y = Arithmetic.number(b) { return try compareNumbers(x, y) == 0 }
            return HashKey.keyEquals(a, b)
        }
    }

    private func sequenceEquals(_ x: [Value], _ y: [Value]) throws -> Bool {
        guard x.count == y.count else { return false }
        return try zip(x, y).allSatisfy { try equals($0, $1) }
    }

    /// -1, 0, 1; nil for a NaN.
    private func compareNumbers(_ x: Arithmetic.Number, _ y: Arithmetic.Number) throws -> Int? {
        if case .int(let i) = x, case .int(let j) = y { return i < j ? -1 : i == j ? 0 : 1 }
        let p = try Arithmetic.double(x), q = try Arithmetic.double(y)
        if p.isNaN || q.isNaN { return nil }
        return p < q ? -1 : p == q ? 0 : 1
    }

    func less(_ a: Value, _ b: Value) throws -> Bool {
        switch (a, b) {
        case (.str(let x), .str(let y)): return x.unicodeScalars.lexicographicallyPrecedes(y.unicodeScalars) { $0.value < $1.value }
        case (.list(let x), .list(let y)): return try sequenceLess(x.items, y.items)
        case (.tuple(let x), .tuple(let y)): return try sequenceLess(x, y)
        default:
            if let x = Arithmetic.number(a), let y = Arithmetic.number(b) { return try compareNumbers(x, y) == -1 }
            throw PyError.type("'<' not supported between instances of '\(a.typeName)' and '\(b.typeName)'")
        }
    }

    private func sequenceLess(_ x: [Value], _ y: [Value]) throws -> Bool {
        for (p, q) in zip(x, y) where !(try equals(p, q)) { return try less(p, q) }
        return x.count < y.count
    }

    func attribute(_ value: Value, _ name: String) throws -> Value {
        switch value {
        case .list(let l) where ListMethods.names.contains(name):
            return BuiltinFunction.value(name) { a, c in try ListMethods.call(name, l, a, c) }
        case .dict(let d) where DictMethods.names.contains(name):
            return BuiltinFunction.value(name) { a, c in try DictMethods.call(name, d, a, c) }
        case .object(let o as any PyAttributes):
            if let v = try o.attribute(name, self) { return v }
        default: break
        }
        throw PyError.attribute("'\(value.typeName)' object has no attribute '\(name)'")
    }

    func item(_ value: Value, _ index: Value) throws -> Value {
        switch (value, index) {
        case (.list(let l), .int(let i)):
            guard let v = l.items[safe: i] else { throw PyError.index("list index out of range") }
            return v
        case (.tuple(let t), .int(let i)):
            guard let v = t[safe: i] else { throw PyError.index("tuple index out of range") }
            return v
        case (.str(let s), .int(let i)):
            guard let c = Array(s.unicodeScalars)[safe: i] else { throw PyError.index("string index out of range") }
            return .str(String(c))
        case (.list, _), (.tuple, _):
            throw PyError.type("\(value.typeName) indices must be integers or slices, not \(index.typeName)")
        case (.dict(let d), _):
            guard let v = d.storage[try HashKey(index)] else { throw PyError.key(try repr(index)) }
            return v
        case (.object(let o as any PySubscriptable), _): return try o.item(index, self)
        default: throw PyError.type("'\(value.typeName)' object is not subscriptable")
        }
    }

    func iterate(_ value: Value) throws -> [Value] {
        switch value {
        case .str(let s): return s.unicodeScalars.map { .str(String($0)) }
        case .list(let l): return l.items
        case .tuple(let t): return t
        case .dict(let d): return d.storage.keys.map(\.value)
        case .object(let o as any PyIterable): return try o.items(self)
        default: throw PyError.type("'\(value.typeName)' object is not iterable")
        }
    }

    func write(_ text: String) throws { output += text }
    func checkDeadline() throws {}
    func reserve(_ count: Int) throws {
        if count > memoryLimit { throw PyError.memory("the cell's values would pass Quill's memory limit") }
    }
}

extension Array {
    /// Python-style index (negative from the end); nil out of range.
    fileprivate subscript(safe i: Int) -> Element? {
        let j = i < 0 ? i + count : i
        return j >= 0 && j < count ? self[j] : nil
    }
}

/// Calls `Builtins.table[name]` (or a module's function: "math.sqrt") with positional arguments and keywords.
func builtin(_ name: String, _ positional: [Value] = [], _ keywords: [(name: String, value: Value)] = [],
             _ context: StandInContext = StandInContext()) throws -> Value {
    let path = name.split(separator: ".").map(String.init)
    var f: Value
    if let b = Builtins.table[path[0]] {
        f = b
    } else if let m = LibraryModules.modules()[path[0]] {
        f = .object(m)
    } else {
        throw PyError.name("name '\(name)' is not defined")
    }
    for attribute in path.dropFirst() { f = try context.attribute(f, attribute) }
    return try context.call(f, Arguments(positional, keywords: keywords))
}

/// The repr of the result, or "ExceptionType: message" for an error: the two forms CPython's probe scripts print.
func outcome(_ body: () throws -> Value, _ context: StandInContext = StandInContext()) -> String {
    do {
        return try context.repr(try body())
    } catch let e as PyError {
        return e.description
    } catch {
        return "\(error)"
    }
}

func list(_ items: Value...) -> Value { .list(PyList(items)) }
func dict(_ pairs: (Value, Value)...) throws -> Value {
    let d = PyDict()
    for (k, v) in pairs { d.storage[try HashKey(k)] = v }
    return .dict(d)
}

@Suite struct LibraryStandInTests {
    @Test func reprsAreCPythons() throws {
        let c = StandInContext()
        // python3 -c "print(repr([1, 'a', (2,), {'k': None}, 1.5, \"it's\"]))"
        #expect(try c.repr(list(.int(1), .str("a"), .tuple([.int(2)]), try dict((.str("k"), .none)), .float(1.5), .str("it's")))
                == "[1, 'a', (2,), {'k': None}, 1.5, \"it's\"]")
        #expect(try c.less(.str("a"), .str("b")))
        #expect(try c.equals(.int(1), .float(1.0)))
    }
}
