// reliability-cases.md group C and D cases that reach the notebook layer.

import Foundation
import Testing
@testable import QuillNotebook

@Suite struct BadInputTests {
    func notebook(_ bytes: [UInt8]) -> Notebook { Notebook(path: "bad.md", bytes: bytes) }

    @Test func invalidUTF8IsAnErrorWithItsPosition() {
        for (bytes, expected) in [
            (Array("ok\nab\u{FF}".utf8).dropLast(2) + [0xFF], "bad.md:2:3: error: invalid UTF-8 (byte 0xFF at offset 5)"),
            ([0x61, 0xC0, 0xAF], "bad.md:1:2: error: invalid UTF-8 (byte 0xC0 at offset 1)"),          // overlong
            ([0x61, 0xE2, 0x82], "bad.md:1:2: error: invalid UTF-8 (byte 0xE2 at offset 1)"),          // truncated at EOF
            ([0xED, 0xA0, 0x80], "bad.md:1:1: error: invalid UTF-8 (byte 0xED at offset 0)"),          // CESU surrogate
        ] as [([UInt8], String)] {
            #expect(notebook(bytes).diagnostics.first?.description.hasPrefix(expected) == true,
                    "\(notebook(bytes).diagnostics)")
        }
    }

    @Test func nulBytesDoNotTruncate() {
        let bytes = Array("# a\0b\n\n```quill\nprint(\"x\0y\")\nprint(\"after\")\n```\n".utf8)
        let (run, rendered) = runNotebook(String(decoding: bytes, as: UTF8.self))
        #expect(run.results.first?.output == "x\u{FFFD}y\nafter\n")
        #expect(rendered.hasPrefix("# a\0b\n"))
    }

    @Test func unterminatedFenceIsAnError() {
        let n = notebook(Array("text\n\n```quill\nprint(1)\n".utf8))
        #expect(n.diagnostics.first?.description ==
            "bad.md:3:1: error: unterminated code fence: the cell runs to the end of the file\n  hint: close the cell with a line of ``` as long as its opening fence")
        let shortClose = notebook(Array("````quill\nprint(1)\n```\n".utf8))
        #expect(shortClose.hasErrors)
    }

    @Test func tooLargeIsRefusedBeforeParsing() {
        let n = notebook([UInt8](repeating: 0x61, count: Notebook.byteLimit + 1))
        #expect(n.diagnostics.first?.message.hasPrefix("notebook is 16777217 bytes") == true)
    }

    @Test func unterminatedFrontMatter() {
        #expect(notebook(Array("---\ntitle: x\n\n```quill\n```\n".utf8)).diagnostics.first?.message
            == "front matter starts with '---' but has no closing '---' line")
    }

    @Test func frontMatterSetsDefaults() {
        let n = notebook(Array("---\ntolerance: 0.01\necho: false\ncolour: red\n---\n```quill\nprint(1)\n```\n".utf8))
        #expect(n.cells.first?.options.tolerance == 0.01)
        #expect(n.cells.first?.options.echo == false)
        #expect(n.diagnostics.map(\.severity) == [.warning])
        #expect(n.cells.first?.line == 6)
    }

    @Test func cellsInsideContainersAreCells() {
        // Issue 15: nested cells run (NestedCellTests); they used to be silently ignored.
        let cells = notebook(Array("> ```quill\n> print(1)\n> ```\n".utf8)).cells
        #expect(cells.map(\.source) == ["print(1)\n"])
        #expect(cells.first?.block.linePrefix == "> ")
    }

    static func pathologicalText(_ name: String) -> String {
        switch name {
        case "nested emphasis": return String(repeating: "*", count: 30000) + "x" + String(repeating: "*", count: 30000)
        case "nested quotes": return String(repeating: "> ", count: 25000) + "a"
        case "nested lists": return String(repeating: "- ", count: 30000) + "a"
        case "quotes and emphasis": return String(repeating: ">", count: 100_000) + String(repeating: "a*", count: 100_000)
        case "quotes at the limit": return String(repeating: ">", count: 1000) + String(repeating: "a*", count: 100_000)
        case "many brackets": return String(repeating: "[", count: 50000) + "a" + String(repeating: "]", count: 50000)
        case "long fence": return String(repeating: "`", count: 1500) + "quill\nprint(1)\n" + String(repeating: "`", count: 1500)
        case "huge info string": return "```quill " + String(repeating: "x", count: 1_000_000) + "\nprint(1)\n```"
        case "many arguments": return "```quill\nprint(" + String(repeating: "1,", count: 1_000_000) + "1)\n```"
        case "20,000 arguments": return "```quill\nprint(" + String(repeating: "1,", count: 20_000) + "1)\n```"
        case "deep brackets in a cell": return "```quill\nx = " + String(repeating: "[", count: 100_000) + "\n```"
        case "unclosed comments": return "</" + String(repeating: "<!--", count: 300_000)
        case "unclosed CDATA": return String(repeating: "a <![CDATA[", count: 100_000)
        case "reference collisions": return (0..<25000).map { "[\($0 % 100)x]: /u\($0)" }.joined(separator: "\n") + "\n[0x]"
        default: return ""
        }
    }

    /// Pathological Markdown through the whole pipeline, each within the 5 s budget (cmark's rule):
    /// correct output, or a clear error (nesting beyond the limit, which libcmark 0.30 parses in quadratic time).
    @Test(arguments: ["nested emphasis", "nested quotes", "nested lists", "quotes and emphasis", "quotes at the limit",
                      "many brackets", "long fence", "huge info string", "many arguments", "20,000 arguments", "deep brackets in a cell",
                      "reference collisions", "unclosed comments", "unclosed CDATA"])
    func pathological(_ name: String) {
        let text = Self.pathologicalText(name)
        let start = ContinuousClock.now
        let (run, rendered) = runNotebook(text + "\n\n```quill\nprint(\"end\")\n```\n")
        #expect(ContinuousClock.now - start < .seconds(5), "\(name) took too long")
        if run.notebook.hasErrors {
            #expect(run.notebook.diagnostics.first?.message.hasPrefix("Markdown nested") == true, "\(run.diagnostics)")
        } else if run.hasErrors {
            // A typed error on the cell (too large, too many arguments, nested too deeply), shown in its output.
            #expect(rendered.contains("example.md:"))
        } else {
            #expect(rendered.utf8.count >= text.utf8.count)
            #expect(run.notebook.cells.count >= 1)
        }
    }

    /// The same walk on a secondary thread, whose stack is smaller than the main thread's.
    @Test func deepNestingOnASecondaryThread() async {
        let text = String(repeating: "> ", count: 25000) + "a\n" + String(repeating: "*", count: 30000) + "x"
        let cells = await Task.detached { Notebook(path: "n.md", bytes: Array(text.utf8)).cells.count }.value
        #expect(cells == 0)
    }

    /// libcmark 0.30.2 (Debian 12) is quadratic on `![[]()` repeated (fixed in 0.30.3); at cmark's pathological size
    /// (160,000 times, 960 KB) it runs for minutes. Refused before cmark, within the 5 s budget, at the link where
    /// the estimate passes `bracketWorkLimit` (4e6): the 2,828th, whose `]` is byte 16,965 (2827 * 6 + 3).
    @Test func imageOpenersBeforeLinksAreRefusedBeforeCmark() {
        let text = String(repeating: "![[]()", count: 160_000) + "\n\n```quill\nprint(1)\n```\n"
        #expect(text.utf8.count > 960_000)
        let start = ContinuousClock.now
        let n = notebook(Array(text.utf8))
        #expect(ContinuousClock.now - start < .seconds(5), "the 960 KB case took too long")
        #expect(n.cells.isEmpty)
        let first = n.diagnostics.first?.description ?? ""
        #expect(first.hasPrefix("bad.md:1:16966: error: Markdown with 2828 unclosed image openers '!['"), "\(first)")
    }

    /// Ordinary images and links, however many, and the quadratic pattern in short paragraphs (the estimate is the
    /// document's total, as the time is), are parsed.
    @Test(arguments: [
        String(repeating: "![alt](a.png) and [a link](b.md) ", count: 20_000),
        Array(repeating: String(repeating: "![[]()", count: 400), count: 20).joined(separator: "\n\n"),  // 1.6e6 steps
        String(repeating: "\\![[]()", count: 20_000),
    ])
    func imagesAndLinksThatCmarkParsesQuicklyAreAccepted(_ prose: String) {
        let n = notebook(Array((prose + "\n\n```quill\nprint(1)\n```\n").utf8))
        #expect(n.diagnostics.isEmpty, "\(n.diagnostics.prefix(1))")
        #expect(n.cells.count == 1)
    }
}
