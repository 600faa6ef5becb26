// Which fenced blocks are cells, and where each sits in the file. A cell is a top-level fenced code block whose
// info string is `quill`, `python quill` (first word python, a later word quill: GitHub then highlights it as
// Python), or Quarto's `{python}`; blocks inside containers (quotes, lists) are prose.

import CommonMark

enum CellFence {
    /// Whether a code block's info string makes it a cell.
    static func isCell(info: String?) -> Bool {
        let words = (info ?? "").split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard let first = words.first else { return false }
        if first == "quill" { return true }
        if first == "python" { return words.dropFirst().contains("quill") }
        // Quarto: {python}, or with options inside the braces ({python echo=false}, {python, echo=false}).
        if first == "{python}" { return true }
        return (first == "{python" || first.hasPrefix("{python,")) && words.last?.hasSuffix("}") == true
    }

    static func firstWord(_ info: String?) -> String {
        String((info ?? "").split(whereSeparator: { $0 == " " || $0 == "\t" }).first ?? "")
    }

    /// Spaces before the opening fence (at most 3: more makes an indented code block, not a fence).
    static func indentation(_ bytes: [UInt8], _ line: Range<Int>) -> Int {
        var n = 0
        for k in line where bytes[k] == 0x20 { n += 1 }
        return min(n, 3)
    }

    /// The block's byte range when its fence is closed; nil for a fence left open at the end of the file.
    static func fencedBlock(_ node: Node, document: Document, bytes: [UInt8]) -> Block? {
        let first = node.range.lowerBound.line, last = node.range.upperBound.line
        let open = document.byteRange(lines: first, first)
        var k = open.lowerBound
        while k < open.upperBound, bytes[k] == 0x20 { k += 1 }
        guard k < open.upperBound, bytes[k] == UInt8(ascii: "`") || bytes[k] == UInt8(ascii: "~") else { return nil }
        let fenceChar = bytes[k]
        var fenceLength = 0
        while k < open.upperBound, bytes[k] == fenceChar { fenceLength += 1; k += 1 }
        guard last > first else { return nil }
        let close = document.byteRange(lines: last, last)
        var j = close.lowerBound, run = 0
        while j < close.upperBound, bytes[j] == 0x20 { j += 1 }
        while j < close.upperBound, bytes[j] == fenceChar { run += 1; j += 1 }
        while j < close.upperBound, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[j]) { j += 1 }
        guard run >= fenceLength, j == close.upperBound else { return nil }
        let text = (node.literal ?? "").replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        return Block(byteRange: document.byteRange(lines: first, last), range: node.range, text: text)
    }
}

extension NotebookReader {
    /// Every top-level cell in file order, with its output block and options.
    mutating func discoverCells(_ document: Document, defaults: CellOptions) -> [Cell] {
        let blocks = document.topLevelBlocks
        var cells: [Cell] = []
        for (k, node) in blocks.enumerated() where node.kind == .codeBlock && CellFence.isCell(info: node.info) {
            guard let block = CellFence.fencedBlock(node, document: document, bytes: bytes) else {
                fail("unterminated code fence: the cell runs to the end of the file", node.range,
                     hint: "close the cell with a line of ``` as long as its opening fence")
                continue
            }
            let output = pairedOutput(after: k, in: blocks, document)
            let opening = node.range.lowerBound.line
            let origin = CellOrigin(firstLine: opening + 1,
                                    columnOffset: CellFence.indentation(bytes, document.byteRange(lines: opening, opening)))
            let options = readOptions(block.text, origin: origin, defaults: defaults)
            cells.append(Cell(index: cells.count, block: block, source: block.text, options: options, output: output,
                              origin: origin))
        }
        return cells
    }
}
