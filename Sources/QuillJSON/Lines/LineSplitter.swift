// The lines of JSON Lines and text input, without any I/O: bytes go in as they arrive, in chunks of any size, and
// whole lines come out, the same lines whatever the chunking. Every line ending is accepted (LF, CRLF and a lone
// CR, all the same, and a CRLF split across two chunks is one ending), a leading UTF-8 byte order mark is dropped,
// invalid UTF-8 is named by its line and byte offset, and a line longer than the limit is an error as soon as its
// length passes the limit, so that one line cannot take all memory. QuillCLI's LineReader feeds it from read(2).

/// One input line without its terminator: valid UTF-8, its 1-based number and the input offset of its first byte.
public struct InputLine: Sendable, Equatable {
    public var bytes: [UInt8]
    public var number: Int
    public var offset: Int

    public init(bytes: [UInt8], number: Int, offset: Int) {
        self.bytes = bytes
        self.number = number
        self.offset = offset
    }

    public var text: String { String(decoding: bytes, as: UTF8.self) }
}

/// Why the input has no more lines to give: each case names the 1-based line it is about.
public enum LineError: Error, Sendable, Equatable {
    /// `byte` at input offset `offset` is where UTF-8 breaks; `column` is its 1-based byte in the line (after a
    /// dropped byte order mark).
    case invalidUTF8(line: Int, offset: Int, byte: UInt8, column: Int)
    /// The line is longer than `limit` bytes.
    case tooLong(line: Int, limit: Int)

    public var line: Int {
        switch self {
        case .invalidUTF8(let line, _, _, _), .tooLong(let line, _): line
        }
    }

    /// The whole message, "SOURCE:LINE: what": `source` is the input's path, or "stdin".
    public func message(source: String) -> String {
        switch self {
        case .invalidUTF8(let line, let offset, let byte, let column):
            "\(source):\(line): not valid UTF-8: byte 0x\(String(byte, radix: 16, uppercase: true)) "
                + "at byte offset \(offset) of the input (byte \(column) of the line)"
        case .tooLong(let line, let limit):
            "\(source):\(line): line longer than \(limit >> 20) MiB"
        }
    }
}

public struct LineSplitter: Sendable {
    /// The longest line accepted by default (64 MiB).
    public static let defaultMaxLineBytes = 64 << 20
    public let maxLineBytes: Int
    private var buffer: [UInt8] = []
    private var start = 0       // first byte of the next line in `buffer`
    private var scanned = 0     // bytes after `start` already searched for a line end
    private var base = 0        // input offset of buffer[0]
    private var skipLF = false  // the last line ended with CR: a LF right after it belongs to that ending
    private var number = 0      // lines given so far
    /// True once `finish()` said that no more bytes will come.
    public private(set) var atEnd = false

    public init(maxLineBytes: Int = LineSplitter.defaultMaxLineBytes) {
        self.maxLineBytes = maxLineBytes
    }

    /// True once every line has been returned.
    public var finished: Bool { atEnd && start >= buffer.count }

    /// Adds the next bytes of the input (the lines already returned are dropped from the buffer first).
    public mutating func append<C: Collection<UInt8>>(_ bytes: C) {
        precondition(!atEnd, "LineSplitter.append after finish")
        if start > 0 {
            buffer.removeFirst(start)
            base += start
            start = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// Marks the end of the input: the last line may then end without a terminator.
    public mutating func finish() { atEnd = true }

    /// The next whole line, or nil when the bytes so far hold none (append more, or `finish()`) or, once
    /// `finished`, at the end of the input.
    public mutating func next() throws(LineError) -> InputLine? {
        if skipLF {
            if start < buffer.count {
                if buffer[start] == 0x0A { start += 1 }
                skipLF = false
            } else if atEnd {
                skipLF = false
            } else {
                return nil
            }
        }
        let from = start + scanned
        let end = buffer.withUnsafeBufferPointer { b in (from..<b.count).first { b[$0] == 0x0A || b[$0] == 0x0D } }
        if let end {
            skipLF = buffer[end] == 0x0D
            let range = start..<end
            start = end + 1
            return try line(range)
        }
        scanned = buffer.count - start
        if atEnd {
            guard start < buffer.count else { return nil }
            let range = start..<buffer.count
            start = buffer.count
            return try line(range)
        }
        if scanned > maxLineBytes { throw .tooLong(line: number + 1, limit: maxLineBytes) }
        return nil
    }

    /// The line at `range` of the buffer: numbered, its byte order mark dropped (first line), checked.
    private mutating func line(_ range: Range<Int>) throws(LineError) -> InputLine {
        number += 1
        scanned = 0
        if range.count > maxLineBytes { throw .tooLong(line: number, limit: maxLineBytes) }
        var bytes = buffer[range]
        var offset = base + range.lowerBound
        if number == 1, bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes = bytes.dropFirst(3)
            offset += 3
        }
        if let bad = UTF8Validation.firstInvalid(bytes) {
            throw .invalidUTF8(line: number, offset: offset + bad, byte: bytes[bytes.startIndex + bad], column: bad + 1)
        }
        return InputLine(bytes: Array(bytes), number: number, offset: offset)
    }
}
