// Reading a notebook, step by step: guards on the raw bytes (size, encoding, nesting, brackets), front matter, cmark, then
// the cells with their output blocks and options. Each step reports problems as diagnostics and says whether
// reading can go on; the steps live in InputGuards, FrontMatter, CellDiscovery, OutputPairing and CellOptions.

import QuillCommonMark

struct NotebookReader {
    let path: String
    let bytes: [UInt8]
    private(set) var diagnostics: [Diagnostic] = []

    init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    mutating func fail(_ message: String, _ range: SourceRange, hint: String? = nil,
                       severity: Diagnostic.Severity = .error) {
        diagnostics.append(Diagnostic(message, at: range, hint: hint, severity: severity, file: path))
    }

    /// A Markdown notebook's cells and its front matter's defaults; no cells when a step failed.
    mutating func readNotebook() -> ([Cell], CellOptions) {
        guard let lines = checkBytes(), checkNesting(lines), checkBrackets(lines) else { return ([], CellOptions()) }
        guard let (defaults, parseBytes) = readFrontMatter() else { return ([], CellOptions()) }
        guard let document = parse(parseBytes) else { return ([], defaults) }
        return (discoverCells(document, defaults: defaults), defaults)
    }

    /// A Python file as one cell: its whole text (a leading byte-order mark dropped, line ends normalised).
    mutating func readScript() -> [Cell] {
        guard let lines = checkBytes() else { return [] }
        var text = String(decoding: bytes, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        let last = SourcePosition(line: max(1, lines.count), column: 1)
        let block = Block(byteRange: 0..<bytes.count, range: SourceRange(SourcePosition(line: 1, column: 1), last),
                          text: text)
        return [Cell(index: 0, block: block, source: text, options: CellOptions(), output: nil,
                     origin: CellOrigin(firstLine: 1, columnOffset: 0))]
    }

    /// cmark's parse of the notebook (front matter blanked); nil, with a diagnostic, when cmark refuses it.
    mutating func parse(_ parseBytes: [UInt8]) -> Document? {
        do {
            return try Document.parse(parseBytes, byteLimit: Notebook.byteLimit)
        } catch {
            fail("\(error)", SourceRange(line: 1, column: 1))
            return nil
        }
    }
}
