// Runs the interpreter's snippets (Fixtures/interpreter_cases.json, printed by CPython 3.11 through
// Tests/Fixtures/generate/interpreter_cases.py) through a Session and compares output, error type, message and
// position byte for byte.

import Foundation
import Testing
@testable import QuillPython

struct InterpreterCase: Sendable, CustomTestStringConvertible {
    struct Failure: Sendable {
        let type: String
        let message: String
        let line: Int?
        let column: Int?
    }
    let name: String
    let source: String
    let output: String
    let error: Failure?

    var testDescription: String { name }

    static let all: [InterpreterCase] = {
        guard let url = Bundle.module.url(forResource: "interpreter_cases", withExtension: "json", subdirectory: "Fixtures"),
              let data = try? Data(contentsOf: url),
              let list = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]] else { return [] }
        return list.map { entry in
            let error = (entry["error"] as? [String: Any]).map {
                Failure(type: $0["type"] as? String ?? "", message: $0["message"] as? String ?? "",
                        line: $0["line"] as? Int, column: $0["column"] as? Int)
            }
            return InterpreterCase(name: entry["name"] as? String ?? "", source: entry["source"] as? String ?? "",
                                   output: entry["output"] as? String ?? "", error: error)
        }
    }()
}

@Suite struct InterpreterTests {
    @Test func fixtureIsLoaded() {
        #expect(InterpreterCase.all.count > 100)
    }

    @Test(arguments: InterpreterCase.all)
    func matchesCPython(_ c: InterpreterCase) {
        let outcome = Session(host: NoModels()).run(c.source)
        #expect(outcome.output == c.output)
        if let expected = c.error {
            #expect(outcome.error?.exceptionType == expected.type)
            #expect(outcome.error?.message == expected.message)
            #expect(outcome.error?.loc?.line == expected.line)
            #expect(outcome.error?.loc?.column == expected.column)
        } else {
            #expect(outcome.error == nil, "\(outcome.error.map(String.init(describing:)) ?? "")")
        }
    }
}
