// heatmap, bar_chart and scatter: their text forms (and errors) against the reference's (figures.json, written by
// Tests/Fixtures/generate/figures.py from scripts/reference/quill_figures.py), and the SVG they draw: well-formed
// XML, one cell per matrix entry, one bar per value, one point per point, ellipsised labels with tooltips.

import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import QuillNotebook

struct FigureCase: Decodable, Sendable, CustomTestStringConvertible {
    var name: String
    var code: String
    var output: String?
    var error: String?
    var testDescription: String { name }

    static func all() throws -> [FigureCase] {
        try JSONDecoder().decode([FigureCase].self, from: Data(contentsOf: fixtureURL("figures.json")))
    }
}

/// The figures of one cell's code, run through `quill run`.
func figures(of code: String) -> (run: NotebookRun, figures: [Figure]) {
    let (run, _) = runNotebook("```quill\n" + code + "\n```\n")
    let figures = run.results.flatMap(\.figureFiles).map(\.figure)
    return (run, figures)
}

/// Parses `svg` as XML; nil when it is well-formed, else the parser's error.
func xmlError(_ svg: String) -> String? {
    let parser = XMLParser(data: Data(svg.utf8))
    return parser.parse() ? nil : "\(parser.parserError.map { "\($0)" } ?? "unknown error") at line \(parser.lineNumber)"
}

func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

@Suite struct FigureTests {
    @Test(arguments: try FigureCase.all())
    func textFormMatchesTheReference(_ c: FigureCase) throws {
        let (run, _) = runNotebook("```quill\n" + c.code + "\n```\n")
        let result = try #require(run.results.first)
        if let error = c.error {
            guard case .failed(let diagnostic) = result.status else {
                Issue.record("no error; output:\n\(result.output)")
                return
            }
            #expect(diagnostic.description.contains(error), "\(diagnostic)")
        } else {
            #expect(result.status == .ok, "\(result.status)")
            let expected = try #require(c.output)
            // Exact but for PCA's rounding in the last digit (the usual check tolerance).
            #expect(result.output == expected || Checker.matches(expected: expected, actual: result.output, tolerance: nil),
                    "\(result.output)")
        }
    }

    @Test func heatmapDrawsOneCellPerEntryAndAColourScale() throws {
        let (_, figs) = figures(of: "heatmap([[1, 2, 3], [4, 5, 6]], rows=['r1', 'r2'], columns=['a', 'b', 'c'], title='M & N <x>')")
        let figure = try #require(figs.first)
        let svg = FigureSVG.render(figure)
        #expect(xmlError(svg) == nil, "\(xmlError(svg) ?? "")")
        #expect(count("<rect class=\"cell\"", in: svg) == 6)
        #expect(svg.contains("<linearGradient") && svg.contains("class=\"scale\""))
        #expect(svg.contains(">M &amp; N &lt;x&gt;</text>"))
        // Values on the colour scale, labels of rows and columns.
        for text in [">2</text>", ">6</text>", ">r1</text>", ">c</text>", ">1.00</text>"] { #expect(svg.contains(text), "\(text)") }
        #expect(svg.contains("fill=\"#ffffff\""), "an opaque background, for dark themes")
        #expect(svg.contains("Noto Sans CJK KR"))
    }

    @Test func largeHeatmapStaysWellFormed() throws {
        let (_, figs) = figures(of: "heatmap([[float(i * j) for j in range(30)] for i in range(20)])")
        let svg = FigureSVG.render(try #require(figs.first))
        #expect(xmlError(svg) == nil)
        #expect(count("<rect class=\"cell\"", in: svg) == 600)
    }

    @Test func longAndKoreanLabelsAreShortenedWithTheirFullTextAsTooltip() throws {
        let long = "한국어 문장이 아주 길어서 그림에서는 잘려야 하는 경우입니다"
        let (_, figs) = figures(of: "bar_chart(['\(long)', 'short'], [1, 2])")
        let svg = FigureSVG.render(try #require(figs.first))
        #expect(xmlError(svg) == nil)
        #expect(count("<rect class=\"bar\"", in: svg) == 2)
        #expect(svg.contains("<title>\(long)</title>"))
        #expect(svg.contains("…</text>"))
        #expect(SVGCanvas.columns(SVGCanvas.shorten(long, limit: FigureSVG.labelLimit)) <= FigureSVG.labelLimit)
    }

    @Test func scatterDrawsEveryPointWithAxisNames() throws {
        let (_, figs) = figures(of: "scatter([[1, 2, 3], [3, 1, 2], [0, 0, 1], [2, 2, 2]], labels=['a', 'b', 'c', 'd'])")
        let figure = try #require(figs.first)
        #expect(figure.projectedFrom == 3)
        let svg = FigureSVG.render(figure)
        #expect(xmlError(svg) == nil)
        #expect(count("<circle class=\"point\"", in: svg) == 4)
        #expect(svg.contains(">PC1</text>") && svg.contains(">PC2</text>"))
    }

    @Test func pcaSignConventionMakesTheLargestEntryPositive() {
        #expect(PCA.signed([0.1, -0.9, 0.3]) == [-0.1, 0.9, -0.3])
        #expect(PCA.signed([0.5, -0.5]) == [0.5, -0.5])
        #expect(PCA.signed([-0.5, 0.5]) == [0.5, -0.5])
    }

    @Test func numbersHaveFixedDigits() {
        #expect(Figure.number(-0.0) == "-0.0000")
        #expect(Figure.number(1234.56789) == "1234.5679")
        #expect(SVGCanvas.number(-0.001) == "0")
        #expect(SVGCanvas.number(12.5) == "12.5")
        #expect(Axis.label(0.25, step: 0.05) == "0.25")
        #expect(Axis.label(-0.0001, step: 0.1) == "0.0")
        #expect(Axis.ticks(0.13, 0.87).values == [0.0, 0.2, 0.4, 0.6000000000000001, 0.8, 1.0])
    }

    /// Expected blocks hold the figure's data; `check` compares it with the usual numeric tolerance, never the SVG.
    @Test func checkComparesFigureDataWithTolerance() {
        func verdicts(_ stored: String) -> [CellCheck.Verdict] {
            let text = "```quill\nheatmap([[0.45794, 1]], title='t')\n```\n\n```output\n" + stored + "```\n"
            let notebook = Notebook(path: "n.md", bytes: Array(text.utf8))
            return Checker.check(Runner(host: HashEngine()).run(notebook, directory: URL(fileURLWithPath: "/tmp"))).map(\.verdict)
        }
        #expect(verdicts("heatmap 1x2: t\n0.4579  1.0000\n") == [.match])
        #expect(verdicts("heatmap 1x2: t\n0.4580  1.0000\n") == [.match])
        #expect(verdicts("heatmap 1x2: t\n0.4600  1.0000\n") != [.match])
        #expect(verdicts("heatmap 2x1: t\n0.4579\n1.0000\n") != [.match])
    }

    @Test func updateWritesTheTextForm() {
        let text = "```quill\nbar_chart(['a'], [2])\n```\n"
        let notebook = Notebook(path: "n.md", bytes: Array(text.utf8))
        let run = Runner(host: HashEngine()).run(notebook, directory: URL(fileURLWithPath: "/tmp"))
        let updated = String(decoding: Renderer.renderUpdate(run), as: UTF8.self)
        #expect(updated == text + "\n```output\nbar_chart 1\n2.0000  a\n```\n")
    }

    @Test func captionAndLabelOptions() throws {
        let (run, md) = runNotebook("```quill\n#| fig-cap: \"Scores: [all]\"\n#| label: fig-s\nbar_chart(['a'], [2])\nbar_chart(['b'], [3])\n```\n")
        #expect(!run.hasErrors)
        let figures = run.results.flatMap(\.figureFiles).map(\.figure)
        #expect(figures.map(\.caption) == ["Scores: [all]", "Scores: [all]"])
        #expect(figures.map(\.label) == ["fig-s", "fig-s-2"])
        #expect(md.contains("<a id=\"fig-s-2\"></a>![Scores: \\[all\\]](example_files/fig-1-2.svg)"))
        let empty = Notebook(path: "n.md", bytes: Array("```quill\n#| fig-cap:\nprint(1)\n```\n".utf8))
        #expect(empty.diagnostics.first?.description.contains("option 'fig-cap' needs a text") == true)
    }
}
