// Output blocks of cells nested in list items and block quotes: every line of the block carries the container's
// prefix (spaces for a list item, "> " for a quote), so the block stays in the container beside its cell.

extension Renderer {
    /// `outputBlock(text, lineEnding:)` with `prefix` before each of its lines ("" at the top level).
    static func outputBlock(_ text: String, lineEnding: String, prefix: String) -> [UInt8] {
        prefixed(outputBlock(text, lineEnding: lineEnding), prefix: prefix)
    }

    /// Rendered lines (fences, tables, the blank lines between them) moved into the container: each line gets
    /// `prefix`, an empty line its trimmed form (see `blankLine`).
    static func prefixed(_ block: [UInt8], prefix: String) -> [UInt8] {
        guard !prefix.isEmpty else { return block }
        let blank = blankLine(prefix: prefix, lineEnding: "")
        var out: [UInt8] = []
        out.reserveCapacity(block.count + 16 * prefix.utf8.count)
        var atLineStart = true
        for (k, b) in block.enumerated() {
            if atLineStart {
                let emptyLine = b == 0x0A || (b == 0x0D && k + 1 < block.count && block[k + 1] == 0x0A)
                out += emptyLine ? blank : Array(prefix.utf8)
            }
            out.append(b)
            atLineStart = b == 0x0A
        }
        return out
    }

    /// The blank line between a cell and its inserted output block: in a block quote it keeps the `>` markers
    /// (a truly blank line would end the quote); elsewhere it is empty.
    static func blankLine(prefix: String, lineEnding: String) -> [UInt8] {
        var p = Substring(prefix)
        while let last = p.last, last == " " || last == "\t" { p = p.dropLast() }
        return Array((p + lineEnding).utf8)
    }
}
