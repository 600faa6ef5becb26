// The HTML page of a run (`quill run --to html`): structure, cell options, tables, headings and contents, front
// matter, and determinism. Safety against hostile text is HTMLSafetyTests.

import Foundation
import Testing
@testable import QuillNotebook

/// The HTML page `quill run --to html` writes for notebook `text` (hash engine).
func htmlPage(_ text: String, unsafeHTML: Bool = false, path: String = "page.md") -> String {
    let (run, _) = runNotebook(text, path: path)
    return String(decoding: HTMLRenderer.render(run, unsafeHTML: unsafeHTML), as: UTF8.self)
}

@Suite struct HTMLRenderTests {
    @Test func pageIsSelfContained() {
        let page = htmlPage("# Title\n\nSome *prose* with a [link](https://example.com).\n\n```quill\nprint(1 + 1)\n```\n")
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"))
        #expect(page.contains("<title>Title</title>"))
        #expect(page.contains("<p>Some <em>prose</em> with a <a href=\"https://example.com\">link</a>.</p>"))
        #expect(page.contains("<pre class=\"output\">2</pre>"))
        // Nothing is loaded from elsewhere, and no script runs: inline style, a policy that forbids the rest.
        #expect(!page.contains("<script"))
        #expect(!page.contains("<link"))
        #expect(!page.contains("@import"))
        #expect(!page.contains("url("))
        #expect(page.contains("content=\"default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:\""))
        #expect(page.hasSuffix("</html>\n"))
    }

    @Test func codeIsHighlightedWithoutOptionLines() {
        let page = htmlPage("```quill\n#| check: false\n# a comment\nx = f\"{1}\" if True else 'a'\nprint(len(x), 3.5e-3)\n```\n")
        #expect(!page.contains("#|"))
        #expect(page.contains("<pre class=\"source\"><code class=\"language-python\"><span class=\"c\"># a comment</span>\n"
                              + "x = <span class=\"s\">f&quot;{1}&quot;</span> <span class=\"k\">if</span> "
                              + "<span class=\"k\">True</span> <span class=\"k\">else</span> <span class=\"s\">&#39;a&#39;</span>\n"
                              + "<span class=\"b\">print</span>(<span class=\"b\">len</span>(x), <span class=\"n\">3.5e-3</span>)"
                              + "</code></pre>"))
    }

    @Test func cellOptionsAsInMarkdown() {
        let text = """
            ```quill
            #| echo: false
            print("shown output")
            ```

            ```quill
            #| output: false
            print("hidden output")
            ```

            ```quill
            #| eval: false
            print("never run")
            ```

            """
        let page = htmlPage(text)
        #expect(page.contains("<pre class=\"output\">shown output</pre>"))
        #expect(!page.contains("print(<span class=\"s\">&quot;shown output"))
        #expect(page.contains("<span class=\"s\">&quot;hidden output&quot;</span>"))
        #expect(!page.contains("<pre class=\"output\">hidden output"))
        #expect(page.contains("<span class=\"s\">&quot;never run&quot;</span>"))
        #expect(!page.contains("<pre class=\"output\">never run"))
        #expect(count("<section class=\"cell\"", in: page) == 3)
    }

    @Test func expectedBlocksGiveWayToFreshOutput() {
        let page = htmlPage("```quill\nprint(2)\n```\n\n```output\nstale\n```\n\nafter\n")
        #expect(!page.contains("stale"))
        #expect(page.contains("<pre class=\"output\">2</pre>"))
        #expect(page.contains("<p>after</p>"))
    }

    @Test func tablesAreTablesWithNumbersRight() {
        let page = htmlPage("```quill\nprint(\"before\")\ntable([[1.5, \"x\"], [2.25, \"y\"]], columns=[\"score\", \"name\"])\nprint(\"after\")\n```\n")
        #expect(page.contains("<pre class=\"output\">before</pre>\n<div class=\"table-wrap\"><table>\n"
                              + "<thead><tr><th></th><th class=\"num\">score</th><th>name</th></tr></thead>\n<tbody>\n"
                              + "<tr><td>0</td><td class=\"num\">1.5000</td><td>x</td></tr>\n"
                              + "<tr><td>1</td><td class=\"num\">2.2500</td><td>y</td></tr>\n"
                              + "</tbody>\n</table></div>\n<pre class=\"output\">after</pre>"))
    }

    @Test func errorsAreShownReadably() {
        let page = htmlPage("```quill\nprint(\"start\")\nprint(nope)\n```\n\n```quill\nprint(2)\n```\n")
        #expect(page.contains("<pre class=\"output\">start</pre>"))
        #expect(page.contains("<pre class=\"error\" role=\"alert\">page.md:3:7: error: NameError: name &#39;nope&#39; is not defined"))
        #expect(page.contains("<p class=\"not-run\">not run: an earlier cell failed or a model was unavailable</p>"))
    }

    @Test func headingsGetIdsAndContents() {
        let text = "# Guide\n\n## First step\n\n```quill\nprint(1)\n```\n\n## First step\n\n### Détails `x`\n\n## 두 번째\n"
        let page = htmlPage(text)
        #expect(page.contains("<h1 id=\"guide\">Guide</h1>"))
        #expect(page.contains("<h2 id=\"first-step\">First step</h2>"))
        #expect(page.contains("<h2 id=\"first-step-1\">First step</h2>"))
        #expect(page.contains("<h3 id=\"détails-x\">Détails <code>x</code></h3>"))
        #expect(page.contains("<h2 id=\"두-번째\">두 번째</h2>"))
        #expect(page.contains("<h1 id=\"guide\">Guide</h1>\n<nav class=\"toc\" id=\"contents\" aria-label=\"Contents\">\n<ol>\n"
                              + "<li><a href=\"#first-step\">First step</a></li>\n"
                              + "<li><a href=\"#first-step-1\">First step</a></li>\n"
                              + "<li class=\"sub\"><a href=\"#détails-x\">Détails x</a></li>\n"
                              + "<li><a href=\"#두-번째\">두 번째</a></li>\n</ol>\n</nav>"))
        // One section: no contents.
        #expect(!htmlPage("# Only\n\n## One\n\ntext\n").contains("<nav"))
    }

    @Test func frontMatterGivesTitleAndLanguage() {
        let page = htmlPage("---\ntitle: 빠른 시작\nlang: ko\n---\n\n# Heading\n")
        #expect(page.contains("<html lang=\"ko\">"))
        #expect(page.contains("<title>빠른 시작</title>"))
        #expect(!page.contains("title: "))
        // Without either: the first heading, then the file name; a language that is not a tag is not used.
        #expect(htmlPage("---\nlang: \"><x\n---\n\ntext\n", path: "dir/notes.md").contains("<html lang=\"en\">"))
        #expect(htmlPage("text\n", path: "dir/notes.md").contains("<title>notes</title>"))
    }

    /// The values a run used are shown above the article (escaped), `-p` overrides included.
    @Test func parametersAreShownAtTheTop() {
        let source = "---\nparams:\n  model: all-MiniLM-L6-v2\n  k: 3\n---\n\n# T\n\n```quill\nprint(model, k)\n```\n"
        let (run, _) = runNotebook(source, path: "p.md", options: RunOptions(params: ["k": .int("5")]))
        let page = String(decoding: HTMLRenderer.render(run), as: UTF8.self)
        #expect(page.contains("<dl class=\"params\" aria-label=\"Parameters\">\n<dt>model</dt><dd><code>all-MiniLM-L6-v2</code></dd>\n<dt>k</dt><dd><code>5</code></dd>\n</dl>"))
        #expect(!htmlPage("# T\n").contains("class=\"params\""))
    }

    @Test func cellsNestedInListsStayThere() {
        let page = htmlPage("1. Step one:\n\n   ```quill\n   print(7)\n   ```\n\n2. Step two\n")
        #expect(page.contains("<li>\n<p>Step one:</p>\n<section class=\"cell\">"))
        #expect(page.contains("<pre class=\"output\">7</pre>\n</section>\n</li>"))
    }

    @Test func labelsBecomeIds() {
        let page = htmlPage("# Intro\n\n```quill\n#| label: intro\nprint(1)\n```\n")
        #expect(page.contains("<section class=\"cell\" id=\"intro\">"))
        #expect(page.contains("<h1 id=\"intro-1\">Intro</h1>"))
    }

    @Test func figuresAreInlineSVGWithUniqueIds() {
        let cell = "```quill\n#| label: fig-m\n#| fig-cap: A <b>matrix</b>\nheatmap([[0.1, 0.9], [0.4, 0.2]], rows=[\"a\", \"b\"], columns=[\"c\", \"d\"])\n```\n\n"
        let page = htmlPage("# Two\n\n" + cell + cell.replacingOccurrences(of: "fig-m", with: "fig-n"))
        #expect(count("<figure class=\"figure\"", in: page) == 2)
        #expect(page.contains("<figure class=\"figure\" id=\"fig-m\">\n<svg"))
        #expect(page.contains("<figure class=\"figure\" id=\"fig-n\">\n<svg"))
        #expect(count("<figcaption>A &lt;b&gt;matrix&lt;/b&gt;</figcaption>", in: page) == 2)
        #expect(page.contains("id=\"f1-scale\"") && page.contains("url(#f1-scale)"))
        #expect(page.contains("id=\"f2-scale\"") && page.contains("url(#f2-scale)"))
        #expect(!page.contains("<?xml"))
        // One cell per matrix entry, in each figure.
        #expect(count("<rect class=\"cell\"", in: page) == 8)
    }

    @Test func renderingTwiceGivesTheSameBytes() {
        let text = "# T\n\n## A\n\n```quill\ntable([[1.5, 2.0]], columns=[\"x\", \"y\"])\n"
            + "heatmap([[0.1, 0.9], [0.4, 0.2]], rows=[\"a\", \"b\"], columns=[\"c\", \"d\"])\n```\n\n## B\n\ntext\n"
        let first = htmlPage(text), second = htmlPage(text)
        #expect(first == second)
        #expect(first.contains("<table>") && first.contains("<svg"))
    }
}
