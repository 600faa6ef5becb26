// A notebook file: its original bytes, front matter, directive cells and their expected-output blocks.
// Positions come from cmark; byte ranges are whole lines of the ORIGINAL bytes, so that rewriting splices
// output blocks into the file and never re-renders the Markdown.

import CommonMark

public struct Notebook: Sendable {
    /// The largest notebook accepted; checked before cmark sees the bytes.
    public static let byteLimit = 16 << 20
    /// Info strings (first word) of directive cells and of expected-output blocks.
    public static let cellInfo = "quill"
    public static let outputInfo = "output"

    public let path: String
    public let bytes: [UInt8]
    public let cells: [Cell]
    /// Notebook-wide defaults from the front matter.
    public let defaults: CellOptions
    /// "\n", "\r\n" or "\r": the file's first line ending, used for the lines Quill writes.
    public let lineEnding: String
    /// Problems found while reading; errors among them mean the notebook cannot run.
    public let diagnostics: [Diagnostic]

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Reads a notebook. Never throws: problems (size, encoding, fences, options) become diagnostics.
    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        lineEnding = Notebook.firstLineEnding(bytes)
        (cells, defaults, diagnostics) = Notebook.read(path: path, bytes: bytes)
    }

    private static func read(path: String, bytes: [UInt8]) -> ([Cell], CellOptions, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        func fail(_ message: String, _ range: SourceRange, hint: String? = nil, severity: Diagnostic.Severity = .error) {
            diagnostics.append(Diagnostic(message, at: range, hint: hint, severity: severity, file: path))
        }
        var defaults = CellOptions()
        var cells: [Cell] = []

        guard bytes.count <= Notebook.byteLimit else {
            fail("notebook is \(bytes.count) bytes, over the limit of \(Notebook.byteLimit >> 20) MiB",
                 SourceRange(line: 1, column: 1), hint: "split it into smaller notebooks")
            return (cells, defaults, diagnostics)
        }
        let lines = Document.lineTable(bytes)
        func position(ofByte offset: Int) -> SourcePosition {
            var lo = 0, hi = lines.count - 1
            while lo < hi {
                let mid = (lo + hi + 1) / 2
                if lines[mid] <= offset { lo = mid } else { hi = mid - 1 }
            }
            return SourcePosition(line: lo + 1, column: offset - lines[lo] + 1)
        }
        if let bad = UTF8Check.firstInvalidOffset(bytes) {
            fail("invalid UTF-8 (byte 0x\(String(bytes[bad], radix: 16, uppercase: true)) at offset \(bad))",
                 SourceRange(position(ofByte: bad), position(ofByte: bad)), hint: "save the notebook as UTF-8")
            return (cells, defaults, diagnostics)
        }

        if let (line, depth) = Notebook.excessiveNesting(bytes, lines: lines) {
            fail("Markdown nested \(depth) levels deep, more than the limit of \(Notebook.nestingLimit)",
                 SourceRange(line: line, column: 1),
                 hint: "libcmark 0.30 takes quadratic time on such nesting; no notebook needs it")
            return (cells, defaults, diagnostics)
        }

        // Front matter is blanked (same length, spaces) so that cmark's line numbers stay the file's.
        var parseBytes = bytes
        let frontMatter = FrontMatter.find(bytes)
        if let frontMatter {
            for (line, key, value) in frontMatter.entries {
                let range = SourceRange(line: line, column: 1)
                if FrontMatter.ignoredKeys.contains(key) { continue }
                if CellOptions.keys.contains(key) {
                    if let problem = defaults.set(key, value) { fail(problem.message, range, hint: problem.hint) }
                } else {
                    fail("unknown front matter key '\(key)' (ignored)", range,
                         hint: Suggest.hint(for: key, in: CellOptions.keys), severity: .warning)
                }
            }
            for k in frontMatter.byteRange where bytes[k] != 0x0A && bytes[k] != 0x0D { parseBytes[k] = 0x20 }
        } else if FrontMatter.isUnterminated(bytes) {
            fail("front matter starts with '---' but has no closing '---' line", SourceRange(line: 1, column: 1))
            return (cells, defaults, diagnostics)
        }

        let document: Document
        do {
            document = try Document.parse(parseBytes, byteLimit: Notebook.byteLimit)
        } catch {
            fail("\(error)", SourceRange(line: 1, column: 1))
            return (cells, defaults, diagnostics)
        }
        let blocks = document.topLevelBlocks
        for (k, node) in blocks.enumerated() where node.kind == .codeBlock && Notebook.firstWord(node.info) == Notebook.cellInfo {
            guard let block = Notebook.fencedBlock(node, document: document, bytes: bytes) else {
                fail("unterminated code fence: the cell runs to the end of the file", node.range,
                     hint: "close the cell with a line of ``` as long as its opening fence")
                continue
            }
            var output: Block?
            if k + 1 < blocks.count, blocks[k + 1].kind == .codeBlock, Notebook.firstWord(blocks[k + 1].info) == Notebook.outputInfo {
                output = Notebook.fencedBlock(blocks[k + 1], document: document, bytes: bytes)
                if output == nil {
                    fail("unterminated code fence in the output block", blocks[k + 1].range,
                         hint: "close the block with a line of ``` as long as its opening fence")
                }
            }
            var options = defaults
            let origin = CellOrigin(firstLine: node.range.lowerBound.line + 1,
                                    columnOffset: Notebook.indentation(bytes, document.byteRange(lines: node.range.lowerBound.line, node.range.lowerBound.line)))
            for (offset, line) in block.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                guard line.hasPrefix("#|") else { break }
                let body = line.dropFirst(2)
                let range = SourceRange(line: origin.firstLine + offset, column: 1 + origin.columnOffset)
                guard let colon = body.firstIndex(of: ":") else {
                    fail("cell option needs 'key: value'", range, hint: "e.g. #| check: false")
                    continue
                }
                let key = body[..<colon].trimmingSpaces, value = body[body.index(after: colon)...].trimmingSpaces
                if let problem = options.set(key, value) { fail(problem.message, range, hint: problem.hint) }
            }
            cells.append(Cell(index: cells.count, block: block, source: block.text, options: options, output: output,
                              origin: origin))
        }
        return (cells, defaults, diagnostics)
    }

    /// Deepest container nesting (block quote and list markers at a line's start) accepted before cmark.
    public static let nestingLimit = 1000

    /// The first line whose leading container markers exceed `nestingLimit`, and their count. Linear time.
    static func excessiveNesting(_ bytes: [UInt8], lines: [Int]) -> (line: Int, depth: Int)? {
        for (index, start) in lines.enumerated() {
            var k = start, depth = 0
            while k < bytes.count {
                let b = bytes[k]
                if b == 0x20 || b == 0x09 { k += 1; continue }
                if b == UInt8(ascii: ">") { depth += 1; k += 1; continue }
                let next = k + 1 < bytes.count ? bytes[k + 1] : 0x0A
                let isBullet = (b == UInt8(ascii: "-") || b == UInt8(ascii: "*") || b == UInt8(ascii: "+"))
                if isBullet, next == 0x20 || next == 0x09 { depth += 1; k += 2; continue }
                var d = k
                while d < bytes.count, d - k < 9, bytes[d] >= 0x30, bytes[d] <= 0x39 { d += 1 }
                if d > k, d + 1 < bytes.count, bytes[d] == UInt8(ascii: ".") || bytes[d] == UInt8(ascii: ")"),
                   bytes[d + 1] == 0x20 {
                    depth += 1
                    k = d + 2
                    continue
                }
                break
            }
            if depth > nestingLimit { return (index + 1, depth) }
        }
        return nil
    }

    static func firstWord(_ info: String?) -> String {
        String((info ?? "").split(whereSeparator: { $0 == " " || $0 == "\t" }).first ?? "")
    }

    static func firstLineEnding(_ bytes: [UInt8]) -> String {
        guard let i = bytes.firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) else { return "\n" }
        if bytes[i] == 0x0A { return "\n" }
        return i + 1 < bytes.count && bytes[i + 1] == 0x0A ? "\r\n" : "\r"
    }

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

extension Substring {
    var trimmingSpaces: String {
        String(drop(while: { $0 == " " || $0 == "\t" }).reversed().drop(while: { $0 == " " || $0 == "\t" || $0 == "\r" }).reversed())
    }
}
