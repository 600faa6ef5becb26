// table(value, rows=, columns=, format=): Markdown tables of Python lists, dicts, numpy arrays and torch tensors.
// Every expected table is what scripts/reference/run_notebook.py's table prints in CPython for the same value
// (the arrays built there with torch.tensor / np.array of the same numbers and dtypes).

import Foundation
import QuillPython
import Testing
@testable import QuillNotebook

@Suite struct TableTests {
    static func run(_ source: String, _ values: [String: Value] = [:]) -> CellOutcome {
        let session = quillSession()
        for (name, value) in values { session.define(name, value) }
        return session.run(source)
    }

    static func float32(_ xs: [Double]) -> [Double] { xs.map { Double(Float($0)) } }

    @Test func listsDictsAndLabels() {
        let outcome = Self.run("""
            sentences = ["a", "b"]
            xs = [[0.5, 1.25], [3, "x|y\\r\\nz"], (True, None, 1e300)]
            table(xs, rows=sentences + ["c"], columns=["p", "q", "r"])
            table([{"corpus_id": 1, "score": 0.5}, {"corpus_id": 0, "score": 0.25, "x": 1}, {"score": 1/3}])
            table([1.5, 2, "nan", "1_000", " 2 "], format=".2e")
            table({"a": 1, "b": [1, 2]})
            table(["ab", [1, 2, 3], {"k": 1}])
            table([])
            table([{"x": 1}], rows=["r"])
            """)
        #expect(outcome.error == nil, "\(String(describing: outcome.error))")
        #expect(outcome.output == """
            |  | p | q | r |
            |---|---|---|---|
            | a | 0.5000 | 1.2500 |  |
            | b | 3 | x\\|y z |  |
            | c | True | None | 1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160.0000 |
            | corpus_id | score |
            |---|---:|
            | 1 | 0.5000 |
            | 0 | 0.2500 |
            |  | 0.3333 |
            |  | value |
            |---|---:|
            | 0 | 1.50e+00 |
            | 1 | 2 |
            | 2 | nan |
            | 3 | 1_000 |
            | 4 |  2  |
            |  | value |
            |---|---|
            | 0 | a |
            | 1 | b |
            |  | 0 | 1 | 2 |
            |---|---|---|---|
            | 0 | ab |  |  |
            | 1 | 1 | 2 | 3 |
            | 2 | k |  |  |
            |  | value |
            |---|---|
            |  | x |
            |---|---:|
            | r | 1 |

            """)
    }

    @Test func arraysAndTensors() {
        let values: [String: Value] = [
            "scores": .object(PyArray(library: .torch, dtype: .float32, shape: [2, 2],
                                      scalars: Self.float32([0.2838, -0.0029, 1.0, 0.5]))),
            "ints": .object(PyArray(library: .numpy, dtype: .int64, shape: [2, 2], scalars: [1, 2, 3, 4])),
            "vector": .object(PyArray(library: .numpy, dtype: .float32, shape: [2], scalars: [0.25, 0.125])),
            "half": .object(PyArray(library: .numpy, dtype: .float32, shape: [], scalars: [0.5], isNumpyScalar: true)),
            "threeQuarters": .object(PyArray(library: .torch, dtype: .float32, shape: [], scalars: [0.75])),
            "id": .object(PyArray(library: .numpy, dtype: .int64, shape: [], scalars: [3], isNumpyScalar: true)),
            "score": .object(PyArray(library: .numpy, dtype: .float32, shape: [], scalars: Self.float32([0.614]),
                                     isNumpyScalar: true)),
            "row": .object(PyArray(library: .torch, dtype: .float32, shape: [2], scalars: [0.5, 0.25])),
        ]
        let outcome = Self.run("""
            table(scores, rows=["a", "b"], columns=["x", "y"])
            table(ints, format=".2f")
            table(vector)
            table([half, threeQuarters])
            table([{"corpus_id": id, "score": score, "text": "A | B"}])
            table([row, [1]])
            """, values)
        #expect(outcome.error == nil, "\(String(describing: outcome.error))")
        #expect(outcome.output == """
            |  | x | y |
            |---|---:|---:|
            | a | 0.2838 | -0.0029 |
            | b | 1.0000 | 0.5000 |
            |  | 0 | 1 |
            |---|---:|---:|
            | 0 | 1 | 2 |
            | 1 | 3 | 4 |
            |  | value |
            |---|---:|
            | 0 | 0.2500 |
            | 1 | 0.1250 |
            |  | value |
            |---|---:|
            | 0 | 0.5000 |
            | 1 | 0.7500 |
            | corpus_id | score | text |
            |---:|---:|---|
            | 3 | 0.6140 | A \\| B |
            |  | 0 | 1 |
            |---|---:|---|
            | 0 | 0.5000 | 0.2500 |
            | 1 | 1 |  |

            """)
    }

    @Test(arguments: [
        ("table([[1, 2]], columns=['x'])", "ValueError: columns: 1 labels for 2 columns"),
        ("table([1, 2], rows=['a'])", "ValueError: rows: 1 labels for 2 rows"),
        ("table(5)", "TypeError: 'int' object is not iterable"),
        ("table([0.5], format=3)", "TypeError: format() argument 2 must be str, not int"),
        ("table([0.5], format='.4z')", "ValueError: Unknown format code 'z' for object of type 'float'"),
        ("table()", "TypeError: table() missing 1 required positional argument: 'value'"),
        ("table([1], shape=2)", "TypeError: table() got an unexpected keyword argument 'shape'"),
    ])
    func errors(_ call: String, _ expected: String) {
        #expect(Self.run(call).error?.description == expected)
    }

    /// `table` is an ordinary name: a cell may rebind it, and the rebinding lasts into later cells, while
    /// `quill.table` stays Quill's.
    @Test func rebinding() {
        let (run, _) = runNotebook("""
            ```python quill
            def table(rows):
                print("my table of", len(rows))
            table([1, 2])
            ```

            ```python quill
            table([3])
            from quill import table as quill_table
            quill_table([3])
            import quill
            quill.table([[0.5]])
            ```

            """)
        #expect(run.diagnostics.isEmpty, "\(run.diagnostics)")
        #expect(run.results.map(\.output) == [
            "my table of 2\n",
            "my table of 1\n|  | value |\n|---|---:|\n| 0 | 3 |\n|  | 0 |\n|---|---:|\n| 0 | 0.5000 |\n",
        ])
    }

    /// Python's float() syntax decides which columns are numeric (the answers are CPython's float()).
    @Test(arguments: [
        ("1", true), ("-1.5", true), ("  2e3 ", true), ("1_000", true), ("1__0", false), ("_1", false), ("1_", false),
        (".5", true), ("5.", true), (".", false), ("e3", false), ("1e", false), ("1e+5", true), ("inf", true),
        ("-Infinity", true), ("nan", true), ("nAn", true), ("0x10", false), ("1.2.3", false), ("", false),
        ("1_0.0_1", true), ("1._5", false), ("١٢", true),
    ])
    func floatSyntax(_ text: String, _ parses: Bool) {
        #expect(PythonFloatSyntax.parses(text) == parses)
    }
}
