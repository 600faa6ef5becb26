// A table of the HTML page: `table(...)`'s Table (Displays/Display.swift) as a <table>, every cell escaped, the
// numeric columns (right-aligned in the pipe table too) with class "num", right-aligned by the page's style.

import QuillCommonMark

enum HTMLTable {
    static func html(_ table: Table) -> String {
        func cell(_ tag: String, _ text: String, _ column: Int) -> String {
            let num = column < table.rightAligned.count && table.rightAligned[column]
            return "<\(tag)\(num ? " class=\"num\"" : "")>\(HTMLText.escape(text))</\(tag)>"
        }
        var out = "<div class=\"table-wrap\"><table>\n<thead><tr>"
        out += table.header.enumerated().map { cell("th", $1, $0) }.joined()
        out += "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            out += "<tr>" + row.enumerated().map { cell("td", $1, $0) }.joined() + "</tr>\n"
        }
        return out + "</tbody>\n</table></div>"
    }
}
