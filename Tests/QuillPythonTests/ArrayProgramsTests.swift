// Array programs run as Quill cells through Session, end to end (parser, interpreter, arrays), against what
// CPython 3.11 with numpy 2.4 / torch 2.15 prints (Fixtures/arrays/programs, expected outputs written by
// Tests/Fixtures/generate/array_programs.py).

import Foundation
import Testing
@testable import QuillPython

@Suite struct ArrayProgramsTests {
    struct Expected: Decodable {
        var stdout: String
        var error: String?
    }

    static let names = ["search_basics", "ranking_and_views", "summaries", "index_error_numpy", "index_error_torch",
                        "ambiguous_truth", "ambiguous_tensor", "shapes_error"]

    @Test(arguments: names) func printsWhatPythonPrints(_ name: String) throws {
        let source = try #require(Bundle.module.url(forResource: "Fixtures/arrays/programs/\(name)", withExtension: "py"))
        let expectedURL = try #require(Bundle.module.url(forResource: "Fixtures/arrays/programs/\(name)", withExtension: "json"))
        let expected = try JSONDecoder().decode(Expected.self, from: Data(contentsOf: expectedURL))
        let outcome = Session(host: NoModels()).run(try String(contentsOf: source, encoding: .utf8))
        #expect(outcome.output == expected.stdout)
        #expect(outcome.error?.description == expected.error)
    }
}
