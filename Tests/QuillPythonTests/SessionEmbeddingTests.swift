// What an embedder (the notebook runner) adds to a session: names a cell may rebind, and importable modules.

import Testing
@testable import QuillPython

@Suite struct SessionEmbeddingTests {
    @Test func definedNamesActAsBuiltinsACellMayRebind() {
        let session = Session(host: NoModels())
        session.define("answer", .int(42))
        // Python semantics for a builtin: visible in every cell, shadowed once a cell assigns the name.
        #expect(session.run("print(answer)").output == "42\n")
        #expect(session.run("answer = 'mine'\nprint(answer)").output == "mine\n")
        #expect(session.run("print(answer)").output == "mine\n")
    }

    @Test func laterDefinitionsReachNamesAlreadySeen() {
        let session = Session(host: NoModels())
        // The first cell mentions the name before it exists (a NameError), the embedder then defines it.
        #expect(session.run("print(late)").error?.description == "NameError: name 'late' is not defined")
        session.define("late", .str("now"))
        #expect(session.run("print(late)").output == "now\n")
    }

    @Test func registeredModulesImport() {
        let session = Session(host: NoModels())
        session.register(PyModule("quill", ["version": .str("0.2")]))
        #expect(session.run("from quill import version\nimport quill\nprint(version, quill.version)").output == "0.2 0.2\n")
    }
}
