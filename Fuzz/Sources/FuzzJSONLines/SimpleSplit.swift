// FuzzJSONLines' oracle: the whole input split the plain way, one byte at a time, with nothing shared with
// LineSplitter: a LF, a CR or a CR LF ends a line; no line after a final terminator; the first line loses a
// UTF-8 byte order mark; a line longer than the limit (terminator excluded) or with invalid UTF-8 (found with the
// standard library's UTF-8 decoder) ends the input with that error.
import QuillJSON

func simpleSplit(_ bytes: [UInt8], limit: Int) -> (lines: [InputLine], error: LineError?) {
    var ranges: [Range<Int>] = []
    var start = 0, i = 0
    while i < bytes.count {
        if bytes[i] == 0x0A || bytes[i] == 0x0D {
            ranges.append(start..<i)
            if bytes[i] == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
            start = i + 1
        }
        i += 1
    }
    if start < bytes.count { ranges.append(start..<bytes.count) }

    var lines: [InputLine] = []
    for (index, range) in ranges.enumerated() {
        let number = index + 1
        if range.count > limit { return (lines, .tooLong(line: number, limit: limit)) }
        var from = range.lowerBound
        if number == 1, range.count >= 3, bytes[from] == 0xEF, bytes[from + 1] == 0xBB, bytes[from + 2] == 0xBF { from += 3 }
        let line = Array(bytes[from..<range.upperBound])
        if let bad = firstDecodingError(line) {
            return (lines, .invalidUTF8(line: number, offset: from + bad, byte: line[bad], column: bad + 1))
        }
        lines.append(InputLine(bytes: line, number: number, offset: from))
    }
    return (lines, nil)
}

/// Where the standard library's UTF-8 parser first fails (the start of the invalid subsequence), or nil.
func firstDecodingError(_ bytes: [UInt8]) -> Int? {
    var parser = Unicode.UTF8.ForwardParser()
    var iterator = bytes.makeIterator()
    var offset = 0
    while true {
        switch parser.parseScalar(from: &iterator) {
        case .valid(let scalar): offset += scalar.count
        case .emptyInput: return nil
        case .error: return offset
        }
    }
}
