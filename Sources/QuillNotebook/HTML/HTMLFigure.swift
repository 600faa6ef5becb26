// A figure of the HTML page: the SVG document inline in a <figure>, its ids prefixed so that two figures on one page
// never share one (`id="clip"` -> `id="f2-clip"`, with the `url(#...)` and `href="#..."` references that use it),
// and the caption as <figcaption>.

import QuillCommonMark

enum HTMLFigure {
    static func html(svg: String, caption: String?, number: Int) -> String {
        var body = uniqueIDs(inline(svg), prefix: "f\(number)-")
        if body.hasSuffix("\n") { body.removeLast() }
        let caption = caption.map { "\n<figcaption>\(HTMLText.escape($0))</figcaption>" } ?? ""
        return "<figure class=\"figure\">\n\(body)\(caption)\n</figure>"
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

/// Labels and captions from a cell's `#|` lines (`#| label: fig-scores`, `#| fig-cap: Scores`), read from its
/// source, so that the page needs nothing else from the cell options.
enum HTMLCellLabel {
    static func value(_ key: String, of cell: Cell) -> String? {
        for line in cell.source.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("#|") else { break }
            let body = line.dropFirst(2)
            guard let colon = body.firstIndex(of: ":"), body[..<colon].trimmingSpaces == key else { continue }
            var value = body[body.index(after: colon)...].trimmingSpaces
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            return value.isEmpty ? nil : value
        }
        return nil
    }

    static func label(of cell: Cell) -> String? { value("label", of: cell) }
    static func caption(of cell: Cell) -> String? { value("fig-cap", of: cell) }
}
