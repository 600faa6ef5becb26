// Which fenced blocks are cells, and where each sits in the file. A cell is a fenced code block whose info string is
// `quill`, `python quill` (first word python, a later word quill: GitHub then highlights it as Python), or Quarto's
// `{python}`, at the top level or nested in list items and block quotes (tutorials put code in numbered steps). A
// nested cell's output block is its next sibling in the same container, and is written with the container's prefix.

import QuillCommonMark

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
        for k in line {
            guard bytes[k] == 0x20 else { break }
            n += 1
        }
        return min(n, 3)
    }

    /// The block's byte range when its fence is closed; nil for a fence left open at the end of the file.
    static func fencedBlock(_ node: Node, document: Document, bytes: [UInt8]) -> Block? {
        let first = node.range.lowerBound.line, last = node.range.upperBound.line
        let open = document.byteRange(lines: first, first)
        var k = open.lowerBound
        let nested = node.depth > 1
        if nested {
            // cmark's column is the fence's first byte (1-based), after the container's markers.
            let column = open.lowerBound + max(0, node.range.lowerBound.column - 1)
            if column < open.upperBound, bytes[column] == UInt8(ascii: "`") || bytes[column] == UInt8(ascii: "~") {
                k = column
            } else {
                while k < open.upperBound, isContainerByte(bytes[k]) { k += 1 }
            }
        }
        let fenceStart = k
        while k < open.upperBound, bytes[k] == 0x20 { k += 1 }
        guard k < open.upperBound, bytes[k] == UInt8(ascii: "`") || bytes[k] == UInt8(ascii: "~") else { return nil }
        let fenceChar = bytes[k]
        var fenceLength = 0
        while k < open.upperBound, bytes[k] == fenceChar { fenceLength += 1; k += 1 }
        guard last > first else { return nil }
        let close = document.byteRange(lines: last, last)
        var j = close.lowerBound, run = 0
        while j < close.upperBound, nested ? isContainerByte(bytes[j]) : bytes[j] == 0x20 { j += 1 }
        while j < close.upperBound, bytes[j] == fenceChar { run += 1; j += 1 }
        while j < close.upperBound, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[j]) { j += 1 }
        guard run >= fenceLength, j == close.upperBound else { return nil }
        let text = (node.literal ?? "").replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        var block = Block(byteRange: document.byteRange(lines: first, last), range: node.range, text: text)
        if nested { block.linePrefix = continuationPrefix(bytes[open.lowerBound..<fenceStart]) }
        return block
    }

    /// Bytes a container puts before a nested block's lines: spaces, tabs and block-quote markers (and, on an
    /// item's first line, the list marker).
    static func isContainerByte(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == UInt8(ascii: ">")
    }

    /// The prefix of a continuation line of the container, from the prefix of the block's opening line: block-quote
    /// markers and tabs stay, a list marker becomes spaces of its width.
    static func continuationPrefix(_ opening: ArraySlice<UInt8>) -> String {
        String(decoding: opening.map { $0 == UInt8(ascii: ">") || $0 == 0x09 ? $0 : 0x20 }, as: UTF8.self)
    }
}

extension NotebookReader {
    /// Every cell (top-level or nested in lists and quotes) in file order, with its output block and options.
    mutating func discoverCells(_ document: Document, defaults: CellOptions) -> [Cell] {
        // Preorder: a code block has no children, so the node after it is its next sibling when it has the same
        // parent. Code blocks sit only in the document, list items and block quotes.
        let blocks = document.nodes
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
                                    columnOffset: node.depth > 1 ? block.linePrefix.utf8.count
                                        : CellFence.indentation(bytes, document.byteRange(lines: opening, opening)))
            let options = readOptions(block.text, origin: origin, defaults: defaults)
            cells.append(Cell(index: cells.count, block: block, source: block.text, options: options, output: output,
                              origin: origin))
        }
        return cells
    }
}
