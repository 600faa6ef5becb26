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
        case .failed(let diagnostic):
            // The error starts on a line of its own, also after `print(..., end="")`.
            let separator = result.output.isEmpty || result.output.hasSuffix("\n") ? "" : "\n"
            return result.output + separator + diagnostic.description + "\n"
        case .notRun: return "not run: an earlier cell failed or a model was unavailable\n"
        }
    }

    /// `run`: the notebook with every cell followed by its fresh output (errors shown in place). Cell options:
    /// `echo: false` drops the cell, `output: false` its output (not an error), `eval: false` shows the cell with
    /// no output; `#|` lines never show, and a dropped cell or block leaves no blank lines behind. Figures link to
    /// `folder`/fig-LINE-N.svg (default: NAME_files for the notebook NAME.md; MarkdownOutput writes the files).
    public static func renderRun(_ run: NotebookRun, folder: String? = nil) -> [UInt8] {
        let folder = folder ?? FigureFile.folder(forNotebook: run.notebook.path)
        return spliceRun(run.notebook, run.results.map { result in
            let options = result.cell.options
            var text: String? = shownOutput(result)
            if !options.eval || (!options.output && result.status == .ok) { text = nil }
            return RunEdit(cell: result.cell, text: text, showSource: options.echo,
                           displays: text == nil ? [] : result.shownDisplays,
                           figures: result.figureFiles.map(\.name), folder: folder)
        })
    }

    /// `update`: expected blocks replaced by fresh output; `check: false` cells keep a stored block.
    /// Blocks whose text already matches are left byte for byte, so a second update changes nothing.
    public static func renderUpdate(_ run: NotebookRun) -> [UInt8] {
        splice(run.notebook, run.results.compactMap { result in
            if !result.cell.options.eval { return nil }
            if !result.cell.options.check, result.cell.output != nil { return nil }
            return (result.cell, result.output, false)
        })
    }

    /// One cell of `run` output: `text` nil shows no output block; `showSource` false drops the cell's lines.
    struct RunEdit {
        var cell: Cell
        var text: String?
        var showSource: Bool
        /// The displays in `text`, rendered outside the fence; `figures` the file names of its figures in `folder`.
        var displays: [PlacedDisplay] = []
        var figures: [String] = []
        var folder = ""

        /// The Markdown of the output: one fence, or fences with the displays between them.
        func markdown(_ text: String, lineEnding le: String) -> [UInt8] {
            displays.isEmpty ? outputBlock(text, lineEnding: le)
                : outputWithDisplays(text, displays: displays, figures: figures, folder: folder, lineEnding: le)
        }
    }

    static func spliceRun(_ notebook: Notebook, _ edits: [RunEdit]) -> [UInt8] {
        let bytes = notebook.bytes
        let le = notebook.lineEnding
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 1024)
        var cursor = 0
        for edit in edits {
            let cell = edit.cell
            let start = cell.block.byteRange.lowerBound, end = cell.block.byteRange.upperBound
            out += bytes[cursor..<start]
            if edit.showSource {
                // The opening fence, then the cell's lines without its leading `#|` option lines.
                var p = lineEnd(bytes, start, limit: end)
                out += bytes[start..<p]
                for _ in 0..<NotebookReader.optionLineCount(cell.block.text) where p < end {
                    p = lineEnd(bytes, p, limit: end)
                }
                out += bytes[p..<end]
            }
            cursor = end
            let existing = cell.output
            guard let text = edit.text, !(text.isEmpty && existing == nil) else {
                // No output shown: a stored block goes too, with the blank lines before it.
                if let existing { cursor = existing.byteRange.upperBound }
                if !edit.showSource, endsWithBlankLine(out) { cursor = skipBlankLines(bytes, cursor) }
                continue
            }
            if let existing {
                // Without the cell, the block takes its place (the blank lines between them go).
                if edit.showSource || !isBlank(bytes[cursor..<existing.byteRange.lowerBound]) {
                    out += bytes[cursor..<existing.byteRange.lowerBound]
                }
                let unchanged = edit.displays.isEmpty && (existing.text == text || (existing.text.isEmpty && text.isEmpty))
                out += unchanged ? Array(bytes[existing.byteRange])
                    : prefixed(edit.markdown(text, lineEnding: le), prefix: existing.linePrefix)
                cursor = existing.byteRange.upperBound
            } else {
                if edit.showSource {
                    if let last = bytes[..<end].last, last != 0x0A, last != 0x0D { out += Array(le.utf8) }
                    out += blankLine(prefix: cell.block.linePrefix, lineEnding: le)
                }
                out += prefixed(edit.markdown(text, lineEnding: le), prefix: cell.block.linePrefix)
            }
        }
        out += bytes[cursor...]
        return out
    }

    /// The index after the line starting at `p` (its terminator included), at most `limit`.
    static func lineEnd(_ bytes: [UInt8], _ p: Int, limit: Int) -> Int {
        var i = p
        while i < limit, bytes[i] != 0x0A, bytes[i] != 0x0D { i += 1 }
        if i < limit, bytes[i] == 0x0D { i += 1; if i < limit, bytes[i] == 0x0A { i += 1 } } else if i < limit { i += 1 }
        return i
    }

    static func isBlank(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    }

    /// Skips whole lines holding only spaces and tabs.
    static func skipBlankLines(_ bytes: [UInt8], _ p: Int) -> Int {
        var p = p
        while p < bytes.count {
            let next = lineEnd(bytes, p, limit: bytes.count)
            guard isBlank(bytes[p..<next]) else { break }
            p = next
        }
        return p
    }

    /// True at the start of the file or after an empty line.
    static func endsWithBlankLine(_ out: [UInt8]) -> Bool {
        if out.isEmpty { return true }
        var i = out.count - 1
        guard out[i] == 0x0A || out[i] == 0x0D else { return false }
        if out[i] == 0x0A, i > 0, out[i - 1] == 0x0D { i -= 1 }
        i -= 1
        if i < 0 { return true }
        while i >= 0, out[i] == 0x20 || out[i] == 0x09 { i -= 1 }
        return i < 0 || out[i] == 0x0A || out[i] == 0x0D
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
