import Testing
@testable import Notebook

@Suite struct FormatTests {
    @Test(arguments: [
        (".4f", Value.float(0.45785), "0.4578"),             // 0.45785 is 0.457849999... in binary
        (".4f", .float(Double(Float(0.92834))), "0.9283"),   // Float widened exactly, then rounded
        (".2f", .float(2.675), "2.67"),                      // Python gives 2.67 too (binary 2.67499...)
        (".0f", .float(0.5), "0"),                           // round half to even, as printf and Python
        (".4f", .float(-0.00001), "-0.0000"),
        (".3e", .float(12345.678), "1.235e+04"),
        (".1%", .float(0.1234), "12.3%"),
        ("8.2f", .float(3.14159), "    3.14"),
        ("<6d", .int(42), "42    "),
        ("^7s", .string("ab"), "  ab   "),
        ("*>5", .string("x"), "****x"),
        ("+d", .int(5), "+5"),
        (",", .int(-1234567), "-1,234,567"),
        ("", .float(0.1), "0.1"),
        (".2f", .int(3), "3.00"),
    ])
    func formats(_ spec: String, _ value: Value, _ expected: String) throws {
        #expect(try FormatSpec(spec).format(value) == expected)
    }

    @Test(arguments: [".q", "4x", ".4f4", "z"])
    func rejectsBadSpecs(_ spec: String) {
        #expect(throws: ValueError.self) { try FormatSpec(spec) }
    }

    @Test func typeMismatch() {
        #expect(throws: ValueError.self) { try FormatSpec(".4f").format(.string("x")) }
        #expect(throws: ValueError.self) { try FormatSpec("d").format(.float(1.5)) }
    }

    @Test func nanAndInfinity() throws {
        #expect(try FormatSpec(".4f").format(.float(.nan)) == "nan")
        #expect(try FormatSpec(".4f").format(.float(-.infinity)) == "-inf")
    }
}
