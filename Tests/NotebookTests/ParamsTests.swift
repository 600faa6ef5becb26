// Notebook parameters (issue 15, item 3): front matter `params:` declares them, RunOptions.params overrides them
// (`quill run -p`), values read as papermill reads -p (fixture from papermill itself), and the rendered output
// records the values used.

import Foundation
import Testing
@testable import QuillNotebook

@Suite struct ParamsTests {
    struct Case: Decodable {
        var input: String
        var type: String
        var repr: String
    }

    static func papermillCases() throws -> [Case] {
        struct File: Decodable { var cases: [Case] }
        return try JSONDecoder().decode(File.self, from: Data(contentsOf: fixtureURL("params_papermill.json"))).cases
    }

    /// Each -p text becomes what papermill makes of it: the cell sees a value of the same type and repr.
    @Test func valuesReadAsPapermillReadsThem() throws {
        let cases = try Self.papermillCases()
        #expect(cases.count > 50)
        let source = "---\nparams:\n  x: 0\n---\n\n```quill\nprint(type(x).__name__, repr(x))\n```\n"
        for c in cases {
            let value = ParamValue(reading: c.input)
            let (run, _) = runNotebook(source, options: RunOptions(params: ["x": value]))
            #expect(run.diagnostics.isEmpty, "\(c.input.debugDescription): \(run.diagnostics)")
            #expect(run.results.first?.output == "\(c.type) \(c.repr)\n", "\(c.input.debugDescription) -> \(value)")
        }
    }

    /// The front matter writes a value so that it reads back as the same value; floats as Python's repr.
    @Test func recordedValuesReadBack() throws {
        for c in try Self.papermillCases() {
            let value = ParamValue(reading: c.input)
            let written = ParamsRecord.yaml(value)
            let notebook = Notebook(path: "p.md", bytes: Array("---\nparams:\n  x: \(written)\n---\n".utf8))
            let back = try #require(notebook.params.first?.value, "\(c.input.debugDescription)")
            if case .float(let x) = value, x.isNaN {
                #expect(written == "nan")
            } else {
                #expect(back == value, "\(c.input.debugDescription) written as \(written)")
            }
            if c.type == "float" { #expect(written == c.repr, "\(c.input.debugDescription)") }
        }
    }

    @Test func defaultsAreVariablesBeforeTheFirstCell() {
        let text = "---\ntitle: Demo\nparams:\n  model: all-MiniLM-L6-v2\n  top_k: 3\n  quoted: \"3\"\n---\n\n"
            + "```quill\nprint(model, top_k + 1, repr(quoted))\n```\n"
        let (run, rendered) = runNotebook(text)
        #expect(run.diagnostics.isEmpty, "\(run.diagnostics)")
        #expect(run.results[0].output == "all-MiniLM-L6-v2 4 '3'\n")
        #expect(run.params.map(\.name) == ["model", "top_k", "quoted"])
        #expect(rendered.hasPrefix(text))   // Renderer keeps the front matter; `quill run` records the values
    }

    @Test func overridesReplaceDefaultsAndAreRecorded() throws {
        let text = "---\ntitle: Demo\nparams:\n  model: all-MiniLM-L6-v2\n  top_k: 3\ntolerance: 0.01\n---\n\n"
            + "```quill\nprint(model, top_k)\n```\n"
        let options = RunOptions(params: ["model": ParamValue(reading: "other-model"), "top_k": ParamValue(reading: "5")])
        let (run, rendered) = runNotebook(text, options: options)
        #expect(run.results[0].output == "other-model 5\n")
        let recorded = String(decoding: ParamsRecord.record(run.params, in: Array(rendered.utf8)), as: UTF8.self)
        #expect(recorded.hasPrefix("---\ntitle: Demo\nparams:\n  model: other-model\n  top_k: 5\ntolerance: 0.01\n---\n\n"),
                "\(recorded)")
        #expect(Notebook(path: "o.md", bytes: Array(recorded.utf8)).params.map(\.value)
                == [.string("other-model"), .int("5")])
    }

    @Test func recordingKeepsCRLFAndAddsNothingWithoutParams() {
        let crlf = Array("---\r\nparams:\r\n  a: 1\r\n---\r\n".utf8)
        let recorded = ParamsRecord.record([Param(name: "a", value: .string("x y"), line: 3)], in: crlf, lineEnding: "\r\n")
        #expect(String(decoding: recorded, as: UTF8.self) == "---\r\nparams:\r\n  a: x y\r\n---\r\n")
        let plain = Array("# No front matter\n".utf8)
        #expect(ParamsRecord.record([], in: plain) == plain)
    }

    @Test func stringsThatLookLikeOtherTypesAreQuoted() {
        #expect(ParamsRecord.yaml(.string("3")) == "\"3\"")
        #expect(ParamsRecord.yaml(.string("True")) == "\"True\"")
        #expect(ParamsRecord.yaml(.string("a # b")) == "\"a # b\"")
        #expect(ParamsRecord.yaml(.string("")) == "\"\"")
        #expect(ParamsRecord.yaml(.string("cross-encoder/stsb-roberta-base")) == "cross-encoder/stsb-roberta-base")
    }

    @Test func badDeclarationsAreDiagnosed() {
        let bad = Notebook(path: "b.md", bytes: Array("---\nparams:\n  2x: 1\n  class: 2\n---\n".utf8))
        #expect(bad.diagnostics.map(\.description) == [
            "b.md:3:1: error: parameter name '2x' is not a Python identifier\n  hint: a parameter becomes a variable of the cells: letters, digits and '_', not a keyword",
            "b.md:4:1: error: parameter name 'class' is not a Python identifier\n  hint: a parameter becomes a variable of the cells: letters, digits and '_', not a keyword",
        ].map { $0 })
        let inline = Notebook(path: "i.md", bytes: Array("---\nparams: {a: 1}\n---\n".utf8))
        #expect(inline.diagnostics.first?.message == "'params:' takes its parameters on the lines below it")
        let good = Notebook(path: "g.md", bytes: Array("---\nparams:\n  a: 1\n\n  # comment\n  b: two\n---\n".utf8))
        #expect(good.diagnostics.isEmpty, "\(good.diagnostics)")
        #expect(good.params == [Param(name: "a", value: .int("1"), line: 3), Param(name: "b", value: .string("two"), line: 6)])
        #expect(good.undeclared(["a", "c"]) == ["c"])
    }
}
