// Printing of numpy arrays and torch tensors against numpy 2.4 and torch 2.15 (Fixtures/arrays/printing.json,
// written by Tests/Fixtures/generate/array_printing.py): str and repr of 3,000 arrays, byte for byte.

import Foundation
import Testing
@testable import QuillPython

@Suite struct ArrayPrintingTests {
    struct Case: Decodable {
        var dtype: String
        var shape: [Int]
        var data: String?
        var edges: String?
        var fill: String?
        var np_str: String
        var np_repr: String
        var sc_str: String?
        var sc_repr: String?
        var torch: String
    }

    struct Fixture: Decodable {
        var numpy: String
        var torch: String
        var cases: [Case]
    }

    static func load() throws -> Fixture {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/arrays/printing", withExtension: "json"))
        return try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }

    static func dtype(_ name: String) throws -> PyArray.DType {
        switch name {
        case "float32": return .float32
        case "float64": return .float64
        case "int64": return .int64
        case "int32": return .int32
        case "bool": return .bool
        default: throw FixtureError.unknownDType(name)
        }
    }

    enum FixtureError: Error { case unknownDType(String), badBase64 }

    /// Little-endian elements of `dtype` from base64.
    static func decode(_ base64: String, _ dtype: PyArray.DType) throws -> [Double] {
        guard let data = Data(base64Encoded: base64) else { throw FixtureError.badBase64 }
        let bytes = [UInt8](data)
        func word(_ i: Int, _ size: Int) -> UInt64 {
            (0..<size).reduce(UInt64(0)) { $0 | UInt64(bytes[i * size + $1]) << (8 * UInt64($1)) }
        }
        switch dtype {
        case .float32: return (0..<bytes.count / 4).map { Double(Float(bitPattern: UInt32(word($0, 4)))) }
        case .float64: return (0..<bytes.count / 8).map { Double(bitPattern: word($0, 8)) }
        case .int64: return (0..<bytes.count / 8).map { Double(Int64(bitPattern: word($0, 8))) }
        case .int32: return (0..<bytes.count / 4).map { Double(Int32(bitPattern: UInt32(word($0, 4)))) }
        case .bool: return bytes.map { $0 != 0 ? 1 : 0 }
        }
    }

    /// The case's elements: stored whole, or as the shown edges with one value everywhere else.
    static func scalars(_ c: Case, _ dtype: PyArray.DType) throws -> [Double] {
        if let data = c.data { return try decode(data, dtype) }
        let edges = try decode(c.edges ?? "", dtype), fill = try decode(c.fill ?? "", dtype)
        let count = c.shape.reduce(1, *)
        // The positions of the edges, found by marking them through the same walk the printers use.
        let marks = ArrayLayout.edgeValues(c.shape, (0..<count).map(Double.init), edgeItems: 3).map { Int($0) }
        var values = [Double](repeating: fill.first ?? 0, count: count)
        for (i, position) in marks.enumerated() { values[position] = edges[i] }
        return values
    }

    @Test func numpyAndTorchPrintAsTheReference() throws {
        let fixture = try Self.load()
        #expect(fixture.cases.count == 3000)
        var failures = 0
        for c in fixture.cases {
            let dtype = try Self.dtype(c.dtype)
            let values = try Self.scalars(c, dtype)
            let array = PyArray(library: .numpy, dtype: dtype, shape: c.shape, scalars: values)
            let tensor = PyArray(library: .torch, dtype: dtype, shape: c.shape, scalars: values)
            var got = [(array.str, c.np_str), (array.repr, c.np_repr), (tensor.repr, c.torch), (tensor.str, c.torch)]
            if c.shape.isEmpty {
                let scalar = PyArray(library: .numpy, dtype: dtype, shape: [], scalars: values, isNumpyScalar: true)
                got += [(scalar.str, c.sc_str ?? ""), (scalar.repr, c.sc_repr ?? "")]
            }
            for (actual, expected) in got where actual != expected {
                failures += 1
                if failures <= 20 {
                    Issue.record("\(c.dtype) \(c.shape): got\n\(actual)\nexpected\n\(expected)")
                }
            }
        }
        #expect(failures == 0)
    }
}
