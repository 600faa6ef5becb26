// A table of the HTML page: header cells, body rows, and which columns are numeric (right-aligned). Made from the
// pipe-table text that `table(...)` prints (TableFunction), cells escaped when written.

import QuillCommonMark

struct HTMLTable: Equatable {
    var header: [String]
    var rows: [[String]]
    /// Per column: true when every body cell is a number (aligned right, as `---:` says in the pipe table).
    var numeric: [Bool]

    /// Reads the text of TableFunction.render: `| a | b |`, `|---|---:|`, then the body rows (`\|` is a `|`).
    init?(pipeText: String) {
        let lines = pipeText.split(separator: "\n").map(String.init)
        guard lines.count >= 2, let header = Self.cells(lines[0]) else { return nil }
        let rule = lines[1]
        guard rule.hasPrefix("|"), rule.allSatisfy({ "|-: ".contains($0) }) else { return nil }
        self.header = header
        numeric = rule.split(separator: "|").map { $0.hasSuffix(":") }
        rows = lines.dropFirst(2).compactMap(Self.cells)
        guard numeric.count == header.count else { return nil }
    }

    init(header: [String], rows: [[String]], numeric: [Bool]) {
        self.header = header
        self.rows = rows
        self.numeric = numeric
    }

    /// The cells of one `| ... |` row, unescaped.
    static func cells(_ line: String) -> [String]? {
        guard line.hasPrefix("| "), line.hasSuffix(" |") else { return nil }
        var cells: [String] = [], current = ""
        var chars = Array(line.dropFirst(2).dropLast(2))[...]
        while let c = chars.popFirst() {
            if c == "\\", chars.first == "|" {
                current.append("|")
                chars.removeFirst()
            } else if c == " ", chars.first == "|", chars.dropFirst().first == " " {
                cells.append(current)
                current = ""
                chars.removeFirst(2)
            } else {
                current.append(c)
            }
        }
        cells.append(current)
        return cells
    }

    /// `<table>` with a `<thead>`; numeric columns get class "num" (right-aligned by the page's style).
    var html: String {
        func cell(_ tag: String, _ text: String, _ column: Int) -> String {
            let num = column < numeric.count && numeric[column]
            return "<\(tag)\(num ? " class=\"num\"" : "")>\(HTMLText.escape(text))</\(tag)>"
        }
        var out = "<div class=\"table-wrap\"><table>\n<thead><tr>"
        out += header.enumerated().map { cell("th", $1, $0) }.joined()
        out += "</tr></thead>\n<tbody>\n"
        for row in rows {
            out += "<tr>" + row.enumerated().map { cell("td", $1, $0) }.joined() + "</tr>\n"
        }
        return out + "</tbody>\n</table></div>"
    }
}
