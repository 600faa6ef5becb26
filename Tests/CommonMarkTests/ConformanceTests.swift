// Conformance of the linked libcmark on the constructs notebooks rely on: fences of both kinds and any length, info
// strings, fences in list items and block quotes, CRLF and lone CR, tabs, HTML blocks. The expected code and HTML
// blocks come from markdown-it-py (CommonMark 0.31.2) through Tests/Fixtures/generate/commonmark_conformance.py,
// so a libcmark that parses these differently from the spec (an upgrade, a downgrade, a patched build) fails here.

import Foundation
import Testing
import QuillCommonMark

struct ConformanceCase: Decodable, Sendable, CustomTestStringConvertible {
    struct Block: Decodable, Sendable, Equatable {
        var kind: String
        var info: String
        var literal: String
        var line: Int
    }

    var name: String
    var markdown: String
    var blocks: [Block]
    var testDescription: String { name }

    static func all() throws -> [ConformanceCase] {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/conformance", withExtension: "json"))
        return try JSONDecoder().decode([ConformanceCase].self, from: Data(contentsOf: url))
    }
}

@Suite struct ConformanceTests {
    /// Code and HTML blocks as the reference reports them (literal line ends as "\n", as the reference gives them).
    static func blocks(_ markdown: String) throws -> [ConformanceCase.Block] {
        let document = try Document.parse(Array(markdown.utf8))
        return document.nodes.compactMap { node in
            guard node.kind == .codeBlock || node.kind == .htmlBlock else { return nil }
            let literal = (node.literal ?? "").replacingOccurrences(of: "\r\n", with: "\n")
                .replacingOccurrences(of: "\r", with: "\n")
            return ConformanceCase.Block(kind: node.kind.rawValue, info: node.info ?? "", literal: literal,
                                         line: node.range.lowerBound.line)
        }
    }

    @Test(arguments: try ConformanceCase.all())
    func codeAndHTMLBlocksFollowTheSpec(_ example: ConformanceCase) throws {
        #expect(try Self.blocks(example.markdown) == example.blocks)
    }

    @Test func everyCaseIsThere() throws {
        // The fixture holds every construct of the list above; a regenerated fixture that lost cases fails here.
        let names = try ConformanceCase.all().map(\.name)
        #expect(names.count == 32)
        for word in ["backtick", "tilde", "info string", "list item", "block quote", "CRLF", "lone CR", "tab", "HTML"] {
            #expect(names.contains { $0.contains(word) }, "no case for \(word)")
        }
    }

    @Test func linkedVersionIsReported() {
        // cmark_version_string, as `quill --version` shows it: "MAJOR.MINOR.PATCH" of a supported series.
        let parts = Document.cmarkVersion.split(separator: ".").compactMap { Int($0) }
        #expect(parts.count == 3, "\(Document.cmarkVersion)")
        #expect(parts.first == 0 && (30...31).contains(parts.dropFirst().first ?? 0), "unsupported \(Document.cmarkVersion)")
    }
}
