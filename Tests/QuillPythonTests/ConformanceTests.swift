// The conformance corpus: every program in Fixtures/conformance runs through a Session and must print, byte for
// byte, what CPython 3.11 printed (NN-topic.out, from Tests/Fixtures/generate/conformance.py). Programs that end in
// an exception also match NN-topic.err: the exception's last traceback line, its line number, and the name CPython
// suggested ("Did you mean: 'sentences'?"), which Quill gives as the error's hint. No program uses a model.

import Foundation
import Testing
@testable import QuillPython

/// A host without models: the corpus is pure Python, so any model load is a mistake.
private struct NoModelsHost: ModelHost {
    func loadBiEncoder(_ reference: String) throws -> any BiEncoderModel {
        throw ModelUnavailable(model: reference, hint: "the conformance corpus uses no models")
    }
    func loadCrossEncoder(_ reference: String) throws -> any CrossEncoderModel {
        throw ModelUnavailable(model: reference, hint: "the conformance corpus uses no models")
    }
}

/// What CPython's traceback ended with, as the generator recorded it.
private struct ExpectedError {
    var description: String
    var line: Int
    var suggestion: String?

    init(_ text: String) throws {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        try #require(lines.count >= 2 && lines[1].hasPrefix("line "), "malformed .err file: \(text)")
        description = lines[0]
        line = try #require(Int(lines[1].dropFirst("line ".count)), "malformed line number: \(lines[1])")
        let tag = "suggestion: "
        suggestion = lines.dropFirst(2).first { $0.hasPrefix(tag) }.map { String($0.dropFirst(tag.count)) }
    }
}

@Suite struct ConformanceTests {
    static let folder: URL? = Bundle.module.resourceURL?.appendingPathComponent("Fixtures/conformance")

    /// The programs' file names, NN-topic.py, in order.
    static let programs: [String] = {
        guard let folder, let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        return names.filter { $0.hasSuffix(".py") }.sorted()
    }()

    @Test func theCorpusIsThere() {
        // Guards the parameterized test below against passing vacuously on an empty list.
        #expect(Self.programs.count >= 40, "found \(Self.programs.count) programs in \(Self.folder?.path ?? "nil")")
        #expect(Self.programs.contains { $0.contains("-error-") })
    }

    @Test(arguments: programs)
    func printsWhatCPythonPrints(_ program: String) throws {
        let folder = try #require(Self.folder)
        let stem = String(program.dropLast(".py".count))
        let source = try String(contentsOf: folder.appendingPathComponent(program), encoding: .utf8)
        let expected = try Data(contentsOf: folder.appendingPathComponent(stem + ".out"))
        let errURL = folder.appendingPathComponent(stem + ".err")
        let expectedError = FileManager.default.fileExists(atPath: errURL.path)
            ? try ExpectedError(String(contentsOf: errURL, encoding: .utf8)) : nil

        let session = Session(host: NoModelsHost(), options: SessionOptions(dataDirectory: folder))
        let outcome = session.run(source)

        // Byte for byte: Swift's String == would equate canonically equivalent text ("é" and "e\u{301}").
        let printed = Array(outcome.output.utf8)
        #expect(printed == Array(expected),
                "\(program): output differs \(firstDifference(outcome.output, String(decoding: expected, as: UTF8.self)))")

        switch (expectedError, outcome.error) {
        case (nil, nil):
            break
        case (nil, let error?):
            Issue.record("\(program): unexpected error at \(error.loc.map { "\($0)" } ?? "?"): \(error.description)")
        case (let want?, nil):
            Issue.record("\(program): expected \(want.description) at line \(want.line), but the program finished")
        case (let want?, let error?):
            #expect(Array(error.description.utf8) == Array(want.description.utf8),
                    "\(program): got \(error.description), CPython says \(want.description)")
            #expect(error.loc?.line == want.line,
                    "\(program): error at line \(error.loc.map { "\($0.line)" } ?? "nil"), CPython says \(want.line)")
            if let name = want.suggestion {
                #expect(error.hint?.contains("'\(name)'") == true,
                        "\(program): hint \(error.hint ?? "nil") should suggest '\(name)'")
            }
        }
    }
}

/// "at line N: got ... / want ..." for the first line where two outputs differ.
private func firstDifference(_ got: String, _ want: String) -> String {
    let a = got.split(separator: "\n", omittingEmptySubsequences: false)
    let b = want.split(separator: "\n", omittingEmptySubsequences: false)
    for i in 0..<max(a.count, b.count) {
        let x = i < a.count ? String(a[i]) : "<end>"
        let y = i < b.count ? String(b[i]) : "<end>"
        if Array(x.utf8) != Array(y.utf8) { return "at output line \(i + 1):\n  got:  \(x)\n  want: \(y)" }
    }
    return "(same lines; the difference is in line endings)"
}
