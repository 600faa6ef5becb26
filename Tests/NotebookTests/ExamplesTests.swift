// The documentation's example notebooks parse and run (with the hash engine; their expected blocks hold the
// real models' numbers from the seed document, checked at integration with the real engine).

import Foundation
import Testing
@testable import Notebook

@Suite struct ExamplesTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/examples")

    @Test(arguments: ["bi-encoder.md", "cross-encoder.md", "retrieve-rerank.md"])
    func runsWithoutErrors(_ name: String) throws {
        let url = Self.examples.appendingPathComponent(name)
        let bytes = try [UInt8](Data(contentsOf: url))
        let notebook = Notebook(path: name, bytes: bytes)
        let run = Runner(engine: HashEngine()).run(notebook, directory: Self.examples)
        #expect(!notebook.cells.isEmpty)
        #expect(run.diagnostics.isEmpty, "\(run.diagnostics)")
        #expect(run.results.allSatisfy { $0.status == .ok })
        // Shape of the seed's print loop: three blocks, each followed by an empty line.
        if name != "retrieve-rerank.md" {
            let output = run.results[0].output
            #expect(output.components(separatedBy: "\n\n").count == 4 && output.hasSuffix("\n\n"))
        }
    }
}
