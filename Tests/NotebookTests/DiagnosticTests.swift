// Error messages with their positions (file:line:col, 1-based; the cell's first line is file line 2).

import Foundation
import Testing
@testable import Notebook

@Suite struct DiagnosticTests {
    @Test(arguments: [
        ("encod(x)", "example.md:2:1: error: unknown function 'encod'\n  hint: did you mean 'encode'?"),
        ("sentences = [\"a\"]\nprint(sentence)",
         "example.md:3:7: error: unknown variable 'sentence'\n  hint: did you mean 'sentences'?"),
        ("print(nothing)",
         "example.md:2:7: error: unknown variable 'nothing'\n  hint: variables are set with NAME = value in this or an earlier cell"),
        ("m = bi_encoder(\"m\")\ne = encode(m, 42)",
         "example.md:3:15: error: encode: expected a sentence or a list of sentences, got an integer"),
        ("x = [1, 2, 3]\nprint(x[3])",
         "example.md:3:9: error: index 3 out of range for a list of 3 elements\n  hint: valid indices are 0...2"),
        ("x = 0.5\nprint(f\"{x:.4z}\")",
         "example.md:3:12: error: bad format spec '.4z' (unexpected 'z')\n  hint: specs look like .4f, >8.2f, .1%, 5d or <20s"),
        ("m = bi_encoder(\"missing-model\")",
         "example.md:2:16: error: cannot load bi-encoder 'missing-model': no model named 'missing-model'\n  hint: check the model name or path (relative paths start at the notebook's folder)"),
        ("cosine([1.0], \"x\")",
         "example.md:2:15: error: cosine: expected embeddings, got a string\n  hint: make embeddings with encode(model, sentences)"),
        ("search(1, 2, 3, top=3)",
         "example.md:2:17: error: search has no option 'top'\n  hint: did you mean 'top_k'?"),
        ("print(\"a\" \"b\")", "example.md:2:11: error: expected ')' to close the call of print, found '\"b\"'"),
        ("x = 1 2", "example.md:2:7: error: unexpected '2' after the end of the statement\n  hint: one statement per line"),
        ("print('a')", "example.md:2:7: error: unexpected character '''\n  hint: strings use double quotes: \"...\""),
        ("x = [1,\n2", "example.md:3:1: error: expected ']' to close the list, found end of cell"),
        ("for i in range(3)\n    print(i)", "example.md:2:18: error: expected ':' at the end of the for line"),
        ("  x = 1", "example.md:2:3: error: unexpected indentation"),
        ("for i in 5:\n    print(i)", "example.md:2:10: error: cannot loop over an integer\n  hint: loop over a list, range(n) or enumerate(list)"),
        ("print(\"open)", "example.md:2:7: error: unterminated string\n  hint: close the string with \" on the same line"),
        ("p = (\"a\", \"b\")\nprint(p.x)", "example.md:3:7: error: a pair has no field 'x'"),
        ("x = range(-9223372036854775807, 9223372036854775807)",
         "example.md:2:5: error: range(-9223372036854775807, 9223372036854775807) is too large (limit 10,000,000)"),
        ("print(encode)", "example.md:2:7: error: 'encode' is a function, not a variable\n  hint: call it: encode(...)"),
    ])
    func message(_ cell: String, _ expected: String) {
        let actual = firstDiagnostic("```quill\n" + cell + "\n```\n")
        #expect(actual == expected)
    }

    @Test func indentedFenceShiftsColumns() {
        #expect(firstDiagnostic("  ```quill\n  print(y)\n  ```\n").hasPrefix("example.md:2:9: error: unknown variable 'y'"))
    }

    @Test func optionErrors() {
        #expect(firstDiagnostic("```quill\n#| chek: false\n```\n") ==
            "example.md:2:1: error: unknown option 'chek'\n  hint: did you mean 'check'?")
        #expect(firstDiagnostic("```quill\n#| tolerance: big\n```\n").hasPrefix(
            "example.md:2:1: error: option 'tolerance' needs a non-negative number, got 'big'"))
    }

    @Test func unavailableModelStopsTheNotebookWithoutAnError() {
        let (run, _) = runNotebook("```quill\nm = bi_encoder(\"missing\")\n```\n\n```quill\nprint(1)\n```\n",
                                   engine: TableEngine())
        #expect(run.unavailable?.description == "model missing unavailable (searched /cache; offline)")
        #expect(!run.hasErrors)
        #expect(run.results.map(\.status) == [.notRun, .notRun])
    }

    @Test func keepGoingRunsLaterCells() {
        let text = "```quill\nprint(y)\n```\n\n```quill\nprint(1)\n```\n"
        #expect(runNotebook(text).run.results[1].status == .notRun)
        let (run, _) = runNotebook(text, options: RunOptions(keepGoing: true))
        #expect(run.results[1].status == .ok && run.results[1].output == "1\n")
    }

    @Test func timeoutFires() {
        let (run, _) = runNotebook("```quill\n#| timeout: 0.05\nfor i in range(3000):\n    for j in range(3000):\n        x = j\n```\n")
        guard case .failed(let d) = run.results[0].status else { Issue.record("no timeout"); return }
        #expect(d.message == "cell timed out after 0.05 s")
    }

    @Test func engineErrorsBecomeCellDiagnostics() {
        let d = firstDiagnostic("```quill\nm = bi_encoder(\"x\")\ne = encode(m, [\"unknown sentence\"])\n```\n",
                                engine: TableEngine())
        #expect(d == "example.md:3:5: error: encode failed: no fixture for 'unknown sentence'")
    }
}
