// round() through a session: the overflow CPython raises when a rounded float is too large to represent.

import Testing
@testable import QuillPython

@Suite struct RoundBuiltinTests {
    @Test func roundRaisesOverflowAsCPython() {
        // python3.11: round(1.7e308, -308) -> OverflowError: rounded value too large to represent
        let outcome = Session(host: NoModels()).run("print(round(2.675, 2))\nround(1.7e308, -308)")
        #expect(outcome.output == "2.67\n")
        #expect(outcome.error?.description == "OverflowError: rounded value too large to represent")
        #expect(outcome.error?.loc?.line == 2)
    }
}
