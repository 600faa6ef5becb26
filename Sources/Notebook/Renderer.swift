// Writes results back as Markdown by splicing output blocks into the ORIGINAL bytes: every byte outside the
// output blocks stays as it was (the notebook is never re-rendered through cmark).

public enum Renderer {
    /// A fenced `output` block holding `text`, with a fence longer than any backtick run inside.
    public static func outputBlock(_ text: String, lineEnding: String) -> [UInt8] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        var longest = 0
        for line in lines {
            var run = 0
            for c in line.drop(while: { $0 == " " }) { if c == "`" { run += 1; longest = max(longest, run) } else { break } }
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        let body = ([fence + Notebook.outputInfo] + lines + [fence]).map { $0 + lineEnding }.joined()
        return Array(body.utf8)
    }

    /// The text shown for a cell in `run` output: its output, then the error or the not-run marker.
    public static func shownOutput(_ result: CellResult) -> String {
        switch result.status {
        case .ok: return result.output
        case .failed(let diagnostic): return result.output + diagnostic.description + "\n"
        case .notRun: return "not run: an earlier cell failed or a model was unavailable\n"
        }
    }

    /// `run`: the notebook with every cell followed by its fresh output (errors shown in place).
    public static func renderRun(_ run: NotebookRun) -> [UInt8] {
        splice(run.notebook, run.results.map { result in
            let text = shownOutput(result)
            return (result.cell, text, !result.cell.options.echo)
        })
    }

    /// `update`: expected blocks replaced by fresh output; `check: false` cells keep a stored block.
    /// Blocks whose text already matches are left byte for byte, so a second update changes nothing.
    public static func renderUpdate(_ run: NotebookRun) -> [UInt8] {
        splice(run.notebook, run.results.compactMap { result in
            if !result.cell.options.check, result.cell.output != nil { return nil }
            return (result.cell, result.output, false)
        })
    }

    /// Replaces (or inserts after the cell) each cell's output block; `hideCell` drops the cell's own lines.
    static func splice(_ notebook: Notebook, _ edits: [(cell: Cell, text: String, hideCell: Bool)]) -> [UInt8] {
        let bytes = notebook.bytes
        let le = notebook.lineEnding
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 1024)
        var cursor = 0
        for (cell, text, hideCell) in edits {
            if hideCell {
                out += bytes[cursor..<cell.block.byteRange.lowerBound]
                cursor = cell.block.byteRange.upperBound
            }
            if let existing = cell.output {
                out += bytes[cursor..<existing.byteRange.lowerBound]
                let unchanged = existing.text == text || (existing.text.isEmpty && text.isEmpty)
                out += unchanged ? Array(bytes[existing.byteRange]) : outputBlock(text, lineEnding: le, prefix: existing.linePrefix)
                cursor = existing.byteRange.upperBound
            } else if !text.isEmpty {
                let end = cell.block.byteRange.upperBound
                out += bytes[cursor..<end]
                cursor = end
                if let last = bytes[..<end].last, last != 0x0A, last != 0x0D { out += Array(le.utf8) }
                if !hideCell { out += blankLine(prefix: cell.block.linePrefix, lineEnding: le) }
                out += outputBlock(text, lineEnding: le, prefix: cell.block.linePrefix)
            }
        }
        out += bytes[cursor...]
        return out
    }
}
