// Spec-style tests (cmark's spec.txt layout): Fixtures/spec.md holds examples between 32-backtick fences,
// source notebook, then ".", then the notebook `quill run` writes.

import Foundation
import Testing
@testable import QuillNotebook

struct SpecExample: CustomTestStringConvertible, Sendable {
    var number: Int
    var line: Int
    var section: String
    var input: String
    var expected: String
    var testDescription: String { "Example \(number) (line \(line)) \(section)" }

    static func load() throws -> [SpecExample] {
        let text = try String(contentsOf: fixtureURL("spec.md"), encoding: .utf8)
        let fence = String(repeating: "`", count: 32)
        var examples: [SpecExample] = []
        var section = ""
        var state = 0  // 0 prose, 1 input, 2 expected
        var input = "", expected = "", start = 0
        for (k, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            switch state {
            case 0:
                if line.hasPrefix("## ") { section = String(line.dropFirst(3)) }
                if line == fence + " example" { state = 1; input = ""; expected = ""; start = k + 1 }
            case 1:
                if line == "." { state = 2 } else { input += line + "\n" }
            default:
                if line == fence {
                    examples.append(SpecExample(number: examples.count + 1, line: start, section: section,
                                                input: input, expected: expected))
                    state = 0
                } else {
                    expected += line + "\n"
                }
            }
        }
        return examples
    }
}

@Suite struct SpecTests {
    @Test func specHasExamples() throws {
        #expect(try SpecExample.load().count >= 12)
    }

    @Test(arguments: (try? SpecExample.load()) ?? [])
    func example(_ example: SpecExample) {
        let (_, rendered) = runNotebook(example.input)
        #expect(rendered == example.expected, "\(example.testDescription)\n\(Diff.unified(expected: example.expected, actual: rendered))")
    }
}
