import Foundation
import Testing
@testable import QuillCommonMark

@Suite struct DocumentTests {
    @Test func treeDumpWithRanges() throws {
        let doc = try Document.parse(Array("# Title\n\nSome *text*.\n\n```quill\nprint(1)\n```\n\n- a\n".utf8))
        #expect(doc.treeDump() == """
            document @1:1-9:3
              heading(1) @1:1-1:7
              paragraph @3:1-3:12
              code_block info="quill" @5:1-7:3
              list @9:1-9:3
                item @9:1-9:3
                  paragraph @9:3-9:3

            """)
        let code = try #require(doc.nodes.first { $0.kind == .codeBlock })
        #expect(code.literal == "print(1)\n")
        #expect(doc.byteRange(lines: 5, 7) == 23..<45)
    }

    @Test func inlinesAreListedOnRequest() throws {
        let doc = try Document.parse(Array("a *b*".utf8))
        #expect(doc.treeDump(includeInlines: true).contains("    emph @1:3-1:5\n      text @1:4-1:4 \"b\"\n"))
    }

    @Test(arguments: [
        ("a\nb\n", [0, 2, 4]),
        ("a\r\nb", [0, 3]),
        ("a\rb\r", [0, 2, 4]),
        ("\r\n\r\n", [0, 2, 4]),
    ])
    func lineTableFollowsCmark(_ text: String, _ starts: [Int]) {
        #expect(Document.lineTable(Array(text.utf8)) == starts)
    }

    @Test func crlfAndBOMGiveTheSameLines() throws {
        let lf = try Document.parse(Array("x\n\n```quill\nA\n```\n".utf8))
        let crlf = try Document.parse(Array("\u{FEFF}x\r\n\r\n```quill\r\nA\r\n```\r\n".utf8))
        let ranges = { (d: Document) in d.nodes.filter { $0.kind == .codeBlock }.map { $0.range.lowerBound.line...$0.range.upperBound.line } }
        #expect(ranges(lf) == ranges(crlf))
        #expect(crlf.lineStarts.first == 3)
    }

    @Test func nulBecomesReplacementCharacter() throws {
        let doc = try Document.parse(Array("```\na\0b\n```\n".utf8))
        #expect(doc.nodes.first { $0.kind == .codeBlock }?.literal == "a\u{FFFD}b\n")
    }

    @Test func invalidUTF8IsReplaced() throws {
        let doc = try Document.parse([0x61, 0xFF, 0x62])
        #expect(doc.nodes.first { $0.kind == .text }?.literal == "a\u{FFFD}b")
    }

    @Test func sizeCapBeforeCmark() {
        #expect(throws: CommonMarkError.inputTooLarge(bytes: 11, limit: 10)) {
            try Document.parse([UInt8](repeating: 0x61, count: 11), byteLimit: 10)
        }
    }

    @Test func emptyInput() throws {
        #expect(try Document.parse([]).nodes.map(\.kind) == [.document])
    }

    @Test func deepNestingIsFlat() throws {
        let doc = try Document.parse(Array((String(repeating: "> ", count: 25000) + "a").utf8))
        #expect(doc.nodes.count > 25000)
        #expect(doc.nodes.map(\.depth).max() ?? 0 > 25000)
    }

    /// swift-markdown #275: the walk and the release of the nodes must not recurse, even on a 512 KiB stack.
    @Test func deepNestingOnASmallStack() async throws {
        let depth = await withCheckedContinuation { (continuation: CheckedContinuation<Int, Never>) in
            let thread = Thread {
                var deepest = 0
                for text in [String(repeating: "> ", count: 25000) + "a", String(repeating: "- ", count: 30000) + "b",
                             String(repeating: "*", count: 30000) + "x" + String(repeating: "*", count: 30000)] {
                    let doc = try? Document.parse(Array(text.utf8))
                    deepest = max(deepest, doc?.nodes.map(\.depth).max() ?? 0)
                }
                continuation.resume(returning: deepest)
            }
            thread.stackSize = 512 << 10
            thread.start()
        }
        #expect(depth > 25000)
    }

    @Test func repeatedParsingFreesTrees() throws {
        for _ in 0..<2000 { _ = try Document.parse(Array("# a\n\n*b* `c`\n".utf8)) }
    }
}
