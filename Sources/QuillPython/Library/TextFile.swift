// A data file opened for reading (`open(path)`): Python's text file object with read, readline, readlines,
// iteration over lines (line endings kept), close and `with`. The whole file is decoded on first use; newline
// handling follows open()'s `newline` argument (None: \r\n and \r read as \n).

final class TextFile: PyIterable, PyAttributes, PyRepresentable {
    /// open()'s `newline`: nil translates; "" splits at any ending and keeps it; "\n", "\r", "\r\n" split at that one.
    let newline: String?
    let name: String
    let encodingName: String
    private var load: (() throws -> String)?
    private var text = ""
    private var position: String.Index
    private(set) var closed = false

    init(name: String, encodingName: String, newline: String?, load: @escaping () throws -> String) {
        self.name = name
        self.encodingName = encodingName
        self.newline = newline
        self.load = load
        self.position = text.startIndex
    }

    var typeName: String { "TextIOWrapper" }

    func repr(_ context: any Context) throws -> String {
        "<_io.TextIOWrapper name=\(try context.repr(.str(name))) mode='r' encoding=\(try context.repr(.str(encodingName)))>"
    }

    /// The text, decoded (and newline-translated) on first use.
    private func ready() throws {
        if closed { throw PyError.value("I/O operation on closed file.") }
        guard let load else { return }
        self.load = nil
        let raw = try load()
        text = newline == nil ? raw.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") : raw
        position = text.startIndex
    }

    /// read(size): the rest, or at most `size` code points.
    func read(_ size: Int?) throws -> String {
        try ready()
        let scalars = text.unicodeScalars
        let end = size.flatMap { $0 < 0 ? nil : scalars.index(position, offsetBy: $0, limitedBy: scalars.endIndex) }
            ?? scalars.endIndex
        defer { position = end }
        return String(scalars[position..<end])
    }

    /// readline(size): up to and including the next line ending, or at most `size` code points.
    func readLine(_ size: Int? = nil) throws -> String {
        try ready()
        let scalars = text.unicodeScalars
        var i = position
        var count = 0
        while i < scalars.endIndex {
            if let size, size >= 0, count >= size { break }
            let c = scalars[i]
            i = scalars.index(after: i)
            count += 1
            // A "\r\n" ending that the size limit cuts after "\r" ends the line there, as in CPython.
            let room = size.map { $0 < 0 || count < $0 } ?? true
            if endsLine(c, next: i < scalars.endIndex && room ? scalars[i] : nil, &i) { break }
        }
        defer { position = i }
        return String(scalars[position..<i])
    }

    /// Whether a line ends after `c`; moves `i` past the "\n" of a "\r\n" ending.
    private func endsLine(_ c: Unicode.Scalar, next: Unicode.Scalar?, _ i: inout String.Index) -> Bool {
        switch newline {
        case nil, "\n"?: return c == "\n"
        case ""?:
            if c == "\n" { return true }
            guard c == "\r" else { return false }
            if next == "\n" { i = text.unicodeScalars.index(after: i) }
            return true
        case "\r"?: return c == "\r"
        default:  // "\r\n"
            guard c == "\r", next == "\n" else { return false }
            i = text.unicodeScalars.index(after: i)
            return true
        }
    }

    /// readlines(hint): the remaining lines; with hint > 0, CPython stops after the line that takes the total
    /// past `hint` code points.
    func readLines(_ hint: Int? = nil) throws -> [String] {
        var lines: [String] = []
        var total = 0
        while true {
            let line = try readLine()
            if line.isEmpty { break }
            lines.append(line)
            let length = line.unicodeScalars.count
            if let hint, hint > 0, length > hint - total { break }
            total += length
        }
        return lines
    }

    func items(_ context: any Context) throws -> [Value] {
        let lines = try readLines()
        try context.reserve(lines.count)
        return lines.map { .str($0) }
    }

    func close() { closed = true }

    /// seek(0): back to the start (other positions are not offered).
    func rewind() throws {
        try ready()
        position = text.startIndex
    }
}
