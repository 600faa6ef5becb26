// What arrays and tensors do, against numpy 2.4 and torch 2.15 (Fixtures/arrays/behaviour.json, written by
// Tests/Fixtures/generate/array_behaviour.py): about 4,000 operations with their results' repr or the error.

import Foundation
import Testing
@testable import QuillPython

@Suite struct ArrayBehaviourTests {
    struct Operand: Decodable {
        var dtype: String?
        var shape: [Int]?
        var data: String?
        var scalar: Bool?
        var float: String?
        var int: Int?
        var bool: Bool?
        var list: [String]?
    }

    struct Component: Decodable {
        var int: Int?
        var slice: [Int?]?
        var list: [Int]?
        var none: Bool?
        var ellipsis: Bool?
    }

    struct Case: Decodable {
        var lib: String
        var a: Operand
        var b: Operand?
        var op: String
        var `operator`: String?
        var reflected: Bool?
        var name: String?
        var axis: Int?
        var index: [Component]?
        var descending: Bool?
        var k: Int?
        var largest: Bool?
        var decimals: Int?
        var shape: [Int]?
        var out: String
    }

    struct Fixture: Decodable { var cases: [Case] }

    static func value(_ o: Operand, _ library: PyArray.Library) throws -> Value {
        if let f = o.float { return .float(Double(f) ?? .nan) }
        if let i = o.int { return .int(i) }
        if let b = o.bool { return .bool(b) }
        if let items = o.list { return .list(PyList(items.map { .float(Double($0) ?? .nan) })) }
        let dtype = try ArrayPrintingTests.dtype(o.dtype ?? "")
        let values = try ArrayPrintingTests.decode(o.data ?? "", dtype)
        return .object(PyArray(library: library, dtype: dtype, shape: o.shape ?? [], scalars: values,
                               isNumpyScalar: o.scalar == true && library == .numpy))
    }

    static func index(_ components: [Component]) -> Value {
        let values: [Value] = components.map { c in
            if let i = c.int { return .int(i) }
            if let s = c.slice { return .object(PySlice(lower: s[0].map { .int($0) } ?? .none, upper: s[1].map { .int($0) } ?? .none, step: s[2].map { .int($0) } ?? .none)) }
            if let l = c.list { return .list(PyList(l.map { .int($0) })) }
            if c.none == true { return .none }
            return .object(EllipsisStandIn())
        }
        return values.count == 1 ? values[0] : .tuple(values)
    }

    final class EllipsisStandIn: PyObject { var typeName: String { "ellipsis" } }

    static let binaryOperators: [String: BinaryOperator] = ["+": .add, "-": .subtract, "*": .multiply, "/": .divide,
        "//": .floorDivide, "%": .modulo, "**": .power, "@": .matrixMultiply]
    static let compareOperators: [String: CompareOperator] = ["==": .equal, "!=": .notEqual, "<": .less,
        "<=": .lessEqual, ">": .greater, ">=": .greaterEqual]

    /// Runs one case through the arrays' API; nil where the operation is the interpreter's (unsupported operands).
    static func run(_ c: Case, _ context: ArrayTestContext) throws -> Value? {
        let library: PyArray.Library = c.lib == "numpy" ? .numpy : .torch
        guard case .object(let a as PyArray) = try value(c.a, library) else { return nil }
        let module = library == .numpy ? NumpyModule.module() : TorchModule.module()
        switch c.op {
        case "binary":
            let b = try value(c.b ?? Operand(), library)
            return try a.binary(binaryOperators[c.operator ?? ""] ?? .add, b, reflected: c.reflected ?? false, context)
        case "compare":
            return try a.compare(compareOperators[c.operator ?? ""] ?? .equal, value(c.b ?? Operand(), library), reflected: false, context)
        case "unary":
            return try a.unary(c.operator == "-" ? .negate : .invert, context)
        case "reduce":
            let keyword = library == .numpy ? "axis" : "dim"
            return try context.method(.object(a), c.name ?? "", [], c.axis.map { [(keyword, .int($0))] } ?? [])
        case "index":
            return try a.item(index(c.index ?? []), context)
        case "argsort":
            if library == .numpy { return try context.call(module.members["argsort"] ?? .none, Arguments([.object(a)])) }
            return try context.call(module.members["argsort"] ?? .none, Arguments([.object(a)], keywords: [("descending", .bool(c.descending ?? false))]))
        case "topk":
            return try context.call(module.members["topk"] ?? .none, Arguments([.object(a), .int(c.k ?? 0)], keywords: [("largest", .bool(c.largest ?? true))]))
        case "sort":
            return try context.call(module.members["sort"] ?? .none, Arguments([.object(a)], keywords: [("descending", .bool(c.descending ?? false))]))
        case "round":
            if library == .numpy { return try context.call(module.members["round"] ?? .none, Arguments([.object(a), .int(c.decimals ?? 0)])) }
            return try context.call(module.members["round"] ?? .none, Arguments([.object(a)], keywords: [("decimals", .int(c.decimals ?? 0))]))
        case "reshape":
            return try context.method(.object(a), "reshape", [.tuple((c.shape ?? []).map { .int($0) })])
        case "transpose":
            return try context.attribute(.object(a), "T")
        default:
            return try context.method(.object(a), c.op)
        }
    }

    @Test func operationsMatchTheReference() throws {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/arrays/behaviour", withExtension: "json"))
        let fixture = try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
        #expect(fixture.cases.count > 3000)
        let context = ArrayTestContext()
        var failures = 0
        for c in fixture.cases {
            var declined = false
            let actual = context.outcome {
                guard let v = try ArrayBehaviourTests.run(c, context) else { declined = true; return .none }
                return v
            }
            // Operands the arrays decline are the interpreter's: Python's TypeError, or for `list * t` with a
            // one-element int tensor, the repeated list.
            if declined && ["!TypeError: unsupported operand type(s)", "!TypeError: can only concatenate list",
                             "!TypeError: only integer tensors of a single element", "["].contains(where: c.out.hasPrefix) {
                continue
            }
            if actual != c.out {
                failures += 1
                if failures <= (ProcessInfo.processInfo.environment["ARRAYS_ALL_FAILURES"] == nil ? 30 : 100_000) { Issue.record("\(c.lib) \(c.op) \(c.operator ?? c.name ?? "") a=\(c.a.dtype ?? "") \(c.a.shape ?? []) b=\(String(describing: c.b)): got\n\(actual)\nexpected\n\(c.out)") }
            }
        }
        #expect(failures == 0)
    }
}
