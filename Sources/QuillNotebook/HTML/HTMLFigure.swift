// A figure of the HTML page: the SVG document inline in a <figure>, its ids prefixed so that two figures on one page
// never share one (`id="clip"` -> `id="f2-clip"`, with the `url(#...)` and `href="#..."` references that use it),
// the caption (`#| fig-cap`) as <figcaption> and the label (`#| label`) as the figure's id.

import QuillCommonMark

enum HTMLFigure {
    /// `number`: the figure's place on the page (1, 2, ...); `#| label` becomes the figure's id.
    static func html(_ figure: Figure, number: Int) -> String {
        var body = uniqueIDs(inline(FigureSVG.render(figure)), prefix: "f\(number)-")
        if body.hasSuffix("\n") { body.removeLast() }
        let id = figure.label.map { " id=\"\(HTMLText.escape($0))\"" } ?? ""
        let caption = figure.caption.map { "\n<figcaption>\(HTMLText.escape($0))</figcaption>" } ?? ""
        return "<figure class=\"figure\"\(id)>\n\(body)\(caption)\n</figure>"
    }

    /// The SVG without an XML declaration or doctype (not allowed inside HTML).
    static func inline(_ svg: String) -> String {
        guard let start = svg.firstRange(of: "<svg") else { return svg }
        return String(svg[start.lowerBound...])
    }

    /// Every `id="X"` becomes `id="PREFIX X"`, and the references `url(#X)`, `href="#X"` follow.
    static func uniqueIDs(_ svg: String, prefix: String) -> String {
        svg.replacing(" id=\"", with: " id=\"" + prefix)
            .replacing("url(#", with: "url(#" + prefix)
            .replacing("href=\"#", with: "href=\"#" + prefix)
    }
}
