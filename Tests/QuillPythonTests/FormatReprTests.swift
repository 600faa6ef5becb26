// repr of floats, float32 scalars and strings against CPython's (and numpy's) own output.

import Testing
import QuillJSON
@testable import QuillPython

@Suite struct FormatReprTests {
    @Test func floatReprMatchesCPython() throws {
        var failures: [String] = []
        for case let .array(row) in try FormatFixtures.load("float_repr.json") {
            let x = try FormatFixtures.double(row[0])
            let got = FloatRepr.repr(x)
            if got != row[1].stringValue { failures.append("\(row[0]): \(got) != \(row[1])") }
        }
        #expect(failures.isEmpty, "\(failures.prefix(20))")
    }

    @Test func float32StrMatchesNumpy() throws {
        var failures: [String] = []
        let rows = try FormatFixtures.load("float32_str.json")
        #expect(rows.count > 1000)
        for case let .array(row) in rows {
            let bits = try #require(row[0].uint64Value)
            let x = Float(bitPattern: UInt32(bits))
            let got = FloatRepr.reprFloat32(x)
            if got != row[1].stringValue { failures.append("\(bits): \(got) != \(row[1])") }
        }
        #expect(failures.isEmpty, "\(failures.prefix(20))")
    }

    @Test func stringReprMatchesCPython() throws {
        var failures: [String] = []
        for case let .array(row) in try FormatFixtures.load("string_repr.json") {
            let s = try #require(row[0].stringValue)
            let repr = StringRepr.repr(s)
            if repr != row[1].stringValue { failures.append("\(row[1]): got \(repr)") }
            let ascii = StringRepr.ascii(repr)
            if ascii != row[2].stringValue { failures.append("\(row[2]): got ascii \(ascii)") }
        }
        #expect(failures.isEmpty, "\(failures.prefix(20))")
    }

    @Test func examplesFromTheBrief() {
        #expect(FloatRepr.repr(1e-05) == "1e-05")
        #expect(FloatRepr.repr(1e16) == "1e+16")
        #expect(FloatRepr.repr(0.0001) == "0.0001")
        #expect(FloatRepr.repr(123456789012345.0) == "123456789012345.0")
        #expect(FloatRepr.repr(-0.0) == "-0.0")
        #expect(FloatRepr.reprFloat32(0.1) == "0.1")
        #expect(StringRepr.repr("한국") == "'한국'")
    }
}
