// A notebook file: its original bytes, front matter, cells and their expected-output blocks.
// Positions come from cmark; byte ranges are whole lines of the ORIGINAL bytes, so that rewriting splices
// output blocks into the file and never re-renders the Markdown. Reading is NotebookReader's job (one step per
// file: InputGuards, FrontMatter, CellDiscovery, OutputPairing, CellOptions).

public struct Notebook: Sendable {
    /// The largest notebook accepted; checked before cmark sees the bytes.
    public static let byteLimit = 16 << 20
    /// Info string (first word) of expected-output blocks. Which info strings make a cell: CellFence.
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
    /// A Python file run as one cell (`quill run FILE.py`): it prints what CPython prints, no displays.
    public private(set) var isScript = false

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Reads a Markdown notebook. Never throws: problems (size, encoding, fences, options) become diagnostics.
    public init(path: String, bytes: [UInt8]) {
        var reader = NotebookReader(path: path, bytes: bytes)
        let (cells, defaults) = reader.readNotebook()
        self.init(path: path, bytes: bytes, cells: cells, defaults: defaults, diagnostics: reader.diagnostics)
    }

    /// Reads a Python file (`quill run FILE.py`) as a notebook of one cell: the whole file, from line 1.
    public init(script path: String, bytes: [UInt8]) {
        var reader = NotebookReader(path: path, bytes: bytes)
        let cells = reader.readScript()
        self.init(path: path, bytes: bytes, cells: cells, defaults: CellOptions(), diagnostics: reader.diagnostics)
        isScript = true
    }

    private init(path: String, bytes: [UInt8], cells: [Cell], defaults: CellOptions, diagnostics: [Diagnostic]) {
        self.path = path
        self.bytes = bytes
        self.cells = cells
        self.defaults = defaults
        self.diagnostics = diagnostics
        lineEnding = Notebook.firstLineEnding(bytes)
    }

    static func firstLineEnding(_ bytes: [UInt8]) -> String {
        guard let i = bytes.firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) else { return "\n" }
        if bytes[i] == 0x0A { return "\n" }
        return i + 1 < bytes.count && bytes[i + 1] == 0x0A ? "\r\n" : "\r"
    }
}

extension Substring {
    var trimmingSpaces: String {
        String(drop(while: { $0 == " " || $0 == "\t" }).reversed().drop(while: { $0 == " " || $0 == "\t" || $0 == "\r" }).reversed())
    }
}
