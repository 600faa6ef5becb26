// A small SVG writer for figures: elements appended as text, numbers with fixed digits and no locale, text escaped
// for XML, labels shortened to a width with an ellipsis (the full text in a <title> tooltip). The document has an
// opaque white background and dark text, so it reads the same in GitHub's light and dark themes; its font list
// ends in Noto Sans CJK so that Korean renders where that font is installed.

import Foundation

struct SVGCanvas {
    static let fontFamily = "'Noto Sans', 'Noto Sans CJK KR', 'Noto Sans CJK JP', 'Noto Sans CJK SC', "
        + "'Apple SD Gothic Neo', 'Malgun Gothic', 'DejaVu Sans', sans-serif"
    static let ink = "#1f2328", faint = "#59636e", grid = "#d1d9e0"

    var width: Double
    var height: Double
    private(set) var body: [String] = []

    init(width: Double, height: Double) {
        self.width = width.rounded(.up)
        self.height = height.rounded(.up)
    }

    mutating func add(_ element: String) { body.append(element) }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String, className: String? = nil,
                       tooltip: String? = nil) {
        let cls = className.map { " class=\"\($0)\"" } ?? ""
        let head = "<rect\(cls) x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(width))\" height=\"\(n(height))\" fill=\"\(fill)\""
        add(tooltip.map { head + "><title>\(escape($0))</title></rect>" } ?? head + "/>")
    }

    /// Text at (x, y); `anchor` start/middle/end; `rotate` degrees about (x, y); `full` the untruncated text as tooltip.
    mutating func text(_ s: String, x: Double, y: Double, anchor: String = "start", size: Double = 12,
                       weight: String? = nil, fill: String = ink, rotate: Double? = nil, full: String? = nil) {
        var attributes = "x=\"\(n(x))\" y=\"\(n(y))\" font-size=\"\(n(size))\" text-anchor=\"\(anchor)\" fill=\"\(fill)\""
        if let weight { attributes += " font-weight=\"\(weight)\"" }
        if let rotate { attributes += " transform=\"rotate(\(n(rotate)) \(n(x)) \(n(y)))\"" }
        let tip = full.flatMap { $0 == s ? nil : "<title>\(escape($0))</title>" } ?? ""
        add("<text \(attributes)>\(tip)\(escape(s))</text>")
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String = ink, width: Double = 1) {
        add("<line x1=\"\(n(x1))\" y1=\"\(n(y1))\" x2=\"\(n(x2))\" y2=\"\(n(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(n(width))\"/>")
    }

    /// The standalone document: XML declaration, root <svg> with its size, white background, the elements.
    func document(title: String) -> String {
        var lines = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                     "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(n(width))\" height=\"\(n(height))\" "
                        + "viewBox=\"0 0 \(n(width)) \(n(height))\" font-family=\"\(SVGCanvas.fontFamily)\" role=\"img\">",
                     "<title>\(escape(title))</title>",
                     "<rect x=\"0\" y=\"0\" width=\"\(n(width))\" height=\"\(n(height))\" fill=\"#ffffff\"/>"]
        lines += body
        lines.append("</svg>")
        return lines.map { $0 + "\n" }.joined()
    }

    /// A coordinate with at most two decimals, no locale, no "-0".
    func n(_ x: Double) -> String { SVGCanvas.number(x) }

    static func number(_ x: Double) -> String {
        var s = String(format: "%.2f", x + 0.0)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s == "-0" ? "0" : s
    }

    /// XML text and attribute escaping; control characters other than tab are dropped (not allowed in XML 1.0).
    static func escape(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n", "\r", "\t": out += " "
            default:
                if scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
    func escape(_ s: String) -> String { SVGCanvas.escape(s) }

    /// Display width in units of a Latin character (wide East Asian characters count 2).
    static func columns(_ s: String) -> Int {
        s.unicodeScalars.reduce(0) { $0 + (isWide($1) ? 2 : 1) }
    }

    static func isWide(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        return (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
    }

    /// `s` cut to at most `limit` columns, ending in "…" when cut.
    static func shorten(_ s: String, limit: Int) -> String {
        let flat = String(s.map { $0.isNewline ? " " : $0 })
        guard columns(flat) > limit else { return flat }
        var out = "", used = 0
        for ch in flat {
            let w = ch.unicodeScalars.reduce(0) { $0 + (isWide($1) ? 2 : 1) }
            if used + w > limit - 1 { break }
            out.append(ch)
            used += w
        }
        return out.trimmingCharacters(in: .whitespaces) + "…"
    }

    /// Approximate width in pixels of `s` at font size `size`.
    static func textWidth(_ s: String, size: Double) -> Double { Double(columns(s)) * size * 0.6 }
}
