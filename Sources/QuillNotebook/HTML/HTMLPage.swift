// The HTML page around a rendered notebook: doctype, `lang`, title, inline style, a Content-Security-Policy that
// forbids scripts and every request outside the page, and the table of contents.

import QuillCommonMark

struct HTMLPage {
    var title: String
    /// From front matter `lang:`; kept only when it looks like a language tag (`ko`, `en-GB`).
    var language: String?
    /// The article's HTML (cmark's output with the cells in it).
    var body: String
    /// The sections to list, or nil for no table of contents.
    var contents: [HTMLHeading]?
    /// The parameters the run used (front matter defaults, overridden by `-p`), shown above the article.
    var params: [(name: String, value: String)] = []

    /// Scripts, frames, fonts and connections: none; style: only the inline sheet; images: only the page's own
    /// (inline SVG, data: URIs) and files next to it.
    static let policy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:"

    var html: String {
        let lang = Self.languageTag(language) ?? "en"
        var out = "<!DOCTYPE html>\n<html lang=\"\(lang)\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta http-equiv=\"Content-Security-Policy\" content=\"\(Self.policy)\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<meta name=\"generator\" content=\"Quill\">\n"
        out += "<meta name=\"color-scheme\" content=\"light dark\">\n"
        out += "<title>\(HTMLText.escape(title))</title>\n<style>\n\(HTMLStyle.css)</style>\n</head>\n<body>\n"
        out += "<main class=\"notebook\">\n"
        var article = body
        if let contents {
            // After the title heading when the page starts with one, else first.
            let nav = Self.contentsHTML(contents)
            if article.hasPrefix("<h1 "), let end = article.firstRange(of: "</h1>\n") {
                article.insert(contentsOf: nav, at: end.upperBound)
            } else {
                article = nav + article
            }
        }
        if !params.isEmpty {
            out += "<dl class=\"params\" aria-label=\"Parameters\">\n"
            for (name, value) in params {
                out += "<dt>\(HTMLText.escape(name))</dt><dd><code>\(HTMLText.escape(value))</code></dd>\n"
            }
            out += "</dl>\n"
        }
        out += "<article>\n\(article)</article>\n</main>\n</body>\n</html>\n"
        return out
    }

    static func contentsHTML(_ headings: [HTMLHeading]) -> String {
        let top = headings.map(\.level).min() ?? 1
        var out = "<nav class=\"toc\" id=\"contents\" aria-label=\"Contents\">\n<ol>\n"
        for heading in headings {
            let sub = heading.level > top ? " class=\"sub\"" : ""
            out += "<li\(sub)><a href=\"#\(HTMLText.escape(heading.id))\">\(HTMLText.escape(heading.text))</a></li>\n"
        }
        return out + "</ol>\n</nav>\n"
    }

    /// `value` when it is a BCP 47-like tag (letters, digits, `-`, at most 35 characters), else nil.
    static func languageTag(_ value: String?) -> String? {
        guard let value, !value.isEmpty, value.count <= 35,
              value.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("A"..."Z").contains($0)
                                                 || ("0"..."9").contains($0) || $0 == "-" }) else { return nil }
        return value
    }
}
