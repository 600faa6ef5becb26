// The HTML page is safe to open: printed text, table cells, labels, captions, headings and front-matter values are
// escaped, raw HTML in the prose is dropped (as cmark does without CMARK_OPT_UNSAFE) unless asked for, and no
// script from a notebook's content ever reaches the page.

import Foundation
import Testing
@testable import QuillNotebook

@Suite struct HTMLSafetyTests {
    static let hostile = ["</pre><script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "'><svg onload=alert(1)>"]

    /// No tag of the hostile strings appears as a tag in `page` (only escaped).
    func expectInert(_ page: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for tag in ["<script", "<img", "<svg onload", "onerror=alert(1)>"] {
            #expect(!page.contains(tag), "\(tag) in page", sourceLocation: sourceLocation)
        }
    }

    @Test func printedTextIsEscaped() {
        let page = htmlPage("```quill\nprint(\"</pre><script>alert(1)</script>\")\nprint('\"><img src=x onerror=alert(1)>')\n```\n")
        expectInert(page)
        #expect(page.contains("<pre class=\"output\">&lt;/pre&gt;&lt;script&gt;alert(1)&lt;/script&gt;\n"
                              + "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</pre>"))
        // The source too.
        #expect(page.contains("<span class=\"s\">&quot;&lt;/pre&gt;&lt;script&gt;alert(1)&lt;/script&gt;&quot;</span>"))
    }

    @Test func tableCellsAndLabelsAreEscaped() {
        let rows = Self.hostile.map { "\"\($0.replacingOccurrences(of: "\"", with: "\\\""))\"" }.joined(separator: ", ")
        let page = htmlPage("```quill\ntable([[1.0], [2.0], [3.0]], rows=[\(rows)], columns=[\"<b>c</b>\"])\n```\n")
        expectInert(page)
        #expect(page.contains("<td>&lt;/pre&gt;&lt;script&gt;alert(1)&lt;/script&gt;</td>"))
        #expect(page.contains("<td>&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</td>"))
        #expect(page.contains("<th class=\"num\">&lt;b&gt;c&lt;/b&gt;</th>"))
    }

    @Test func errorsAreEscaped() {
        let page = htmlPage("```quill\nraise ValueError(\"</pre><script>alert(1)</script>\")\n```\n")
        expectInert(page)
        #expect(page.contains("ValueError: &lt;/pre&gt;&lt;script&gt;alert(1)&lt;/script&gt;"))
    }

    @Test func rawHTMLInProseIsDroppedUnlessAsked() {
        let text = "# T\n\n<script>alert(1)</script>\n\nInline <img src=x onerror=alert(1)> here.\n\n[x](javascript:alert(1))\n"
        let page = htmlPage(text)
        expectInert(page)
        #expect(page.contains("<!-- raw HTML omitted -->"))
        #expect(page.contains("<p>Inline <!-- raw HTML omitted --> here.</p>"))
        #expect(page.contains("<a href=\"\">x</a>"))
        let unsafe = htmlPage(text, unsafeHTML: true)
        #expect(unsafe.contains("<script>alert(1)</script>"))
        // Even then the page's policy forbids scripts.
        #expect(unsafe.contains("default-src 'none'"))
    }

    @Test func headingsFrontMatterAndOptionsAreEscaped() {
        let text = "---\ntitle: </title><script>alert(1)</script>\n---\n\n## A \"><img src=x onerror=alert(1)>\n\n## B\n\n"
            + "```quill\n#| label: \"><img src=x onerror=alert(1)>\nprint(1)\n```\n"
        let page = htmlPage(text)
        expectInert(page)
        #expect(page.contains("<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>"))
        #expect(page.contains("<section class=\"cell\" id=\"&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\">"))
        // The tag in the heading is raw HTML to cmark: dropped; the rest is escaped, in the heading and the contents.
        #expect(page.contains("<h2 id=\"a-\">A &quot;&gt;<!-- raw HTML omitted --></h2>"))
        #expect(page.contains("<li><a href=\"#a-\">A &quot;&gt;</a></li>"))
    }
}
