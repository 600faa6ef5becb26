// Checks of the shared runtime pieces: dict keys with Python equality, and argument binding's messages.

import Testing
@testable import QuillPython

@Suite struct ContractTests {
    @Test func numericKeysAgreeAcrossTypes() throws {
        // Python: {1: 'a'}[1.0] == 'a' and {True: 'x'}[1] == 'x'; 'é' precomposed and decomposed are different keys.
        #expect(try HashKey(.int(1)) == HashKey(.float(1.0)))
        #expect(try HashKey(.bool(true)) == HashKey(.int(1)))
        #expect(try HashKey(.str("\u{E9}")) != HashKey(.str("e\u{301}")))
        #expect(try HashKey(.float(0.5)) != HashKey(.int(0)))
        #expect(throws: PyError.self) { try HashKey(.list(PyList())) }
    }

    @Test func bindingMessagesAreCPythons() throws {
        // Messages as CPython 3.11 prints them for `def f(a, b=1)`.
        let f = Signature("f", ["a", "b"], required: 1)
        let c = StandInContext()
        #expect(c.error { try f.bind(Arguments([.int(1), .int(2), .int(3)])) }
                == "TypeError: f() takes from 1 to 2 positional arguments but 3 were given")
        #expect(c.error { try f.bind(Arguments([])) } == "TypeError: f() missing 1 required positional argument: 'a'")
        #expect(c.error { try f.bind(Arguments([.int(1)], keywords: [("c", .int(2))])) }
                == "TypeError: f() got an unexpected keyword argument 'c'")
        let g = Signature("g", ["a", "b", "c"])
        #expect(c.error { try g.bind(Arguments([])) }
                == "TypeError: g() missing 3 required positional arguments: 'a', 'b', and 'c'")
    }
}
