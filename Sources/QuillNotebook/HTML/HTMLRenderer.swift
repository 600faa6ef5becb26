// `quill run --to html`: a notebook run as one self-contained HTML page (Output/NAME.html). The prose goes through
// libcmark's HTML renderer with each cell replaced in cmark's tree by its HTML (HTMLCell), so that cells nested in
// lists and block quotes stay there; expected-output blocks are left out. No external resource, no script: the page
// carries its style inline and a Content-Security-Policy that allows nothing else, so it works offline from file://.
// The same run always gives the same bytes.

import QuillCommonMark

public enum HTMLRenderer {
    /// The page of `run`. `unsafeHTML`: raw HTML in the prose is kept (cmark's CMARK_OPT_UNSAFE); by default it is
    /// dropped as cmark drops it.
    public static func render(_ run: NotebookRun, unsafeHTML: Bool = false) -> [UInt8] {
        let notebook = run.notebook
        var replacing: [Int: String] = [:], dropping: Set<Int> = [], labels: Set<String> = []
        var figures = 0
        for result in run.results {
            replacing[result.cell.line] = HTMLCell.html(result, figures: &figures)
            if let output = result.cell.output { dropping.insert(output.range.lowerBound.line) }
            if let label = result.cell.options.label {
                labels.insert(label)
                // The cell's second and later figures are LABEL-2, LABEL-3, ... (CellResult.captioned).
                for n in stride(from: 2, through: result.figureFiles.count, by: 1) { labels.insert("\(label)-\(n)") }
            }
        }
        let fields = frontMatterFields(notebook.bytes)
        let fragment = Document.renderHTML(proseBytes(notebook.bytes), unsafe: unsafeHTML, replacing: replacing,
                                           dropping: dropping, reservedIDs: labels.union(["contents"]))
        let title = fields["title"] ?? fragment.headings.first?.text ?? fileName(notebook.path)
        let page = HTMLPage(title: title, language: fields["lang"], body: fragment.html,
                            contents: tableOfContents(fragment.headings),
                            params: run.params.map { ($0.name, ParamsRecord.yaml($0.value)) })
        return Array(page.html.utf8)
    }

    /// The notebook's bytes with the front matter blanked (as NotebookReader gives them to cmark: same lines).
    static func proseBytes(_ bytes: [UInt8]) -> [UInt8] {
        guard let found = FrontMatter.find(bytes) else { return bytes }
        var out = bytes
        for k in found.byteRange where bytes[k] != 0x0A && bytes[k] != 0x0D { out[k] = 0x20 }
        return out
    }

    static func frontMatterFields(_ bytes: [UInt8]) -> [String: String] {
        var fields: [String: String] = [:]
        for entry in FrontMatter.find(bytes)?.entries ?? [] where fields[entry.key] == nil && !entry.value.isEmpty {
            fields[entry.key] = entry.value
        }
        return fields
    }

    static func fileName(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return name.hasSuffix(".md") ? String(name.dropLast(3)) : name
    }

    /// Headings below the title, when there are at least two sections; nil otherwise.
    static func tableOfContents(_ headings: [HTMLHeading]) -> [HTMLHeading]? {
        let top = headings.map(\.level).min() ?? 1
        var sections = headings
        // A single top-level heading is the page's title, not a section.
        if headings.filter({ $0.level == top }).count == 1, let first = headings.first, first.level == top {
            sections.removeFirst()
        }
        sections = sections.filter { $0.level <= (sections.map(\.level).min() ?? 1) + 1 }
        let shallowest = sections.map(\.level).min() ?? 1
        return sections.filter({ $0.level == shallowest }).count >= 2 ? sections : nil
    }
}
