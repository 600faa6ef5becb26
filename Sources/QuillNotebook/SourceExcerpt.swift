// The source line of an error with a caret under its column, as compilers print it:
//
//         3 | print(nme)
//           |       ^
//
// Columns are 1-based UTF-8 byte offsets (Python's col_offset + 1). The caret is placed by characters: tabs are
// kept as tabs and East Asian wide characters take two cells, so that it sits under the character in a terminal
// or a Markdown code block. Long lines are cut to a window around the column, marked with "...".

enum SourceExcerpt {
    /// Characters shown on each side of the column when a line is longer than twice this.
    static let halfWindow = 60

    static func render(_ line: Substring, lineNumber: Int, column: Int) -> String {
        var scalars = Array(line.unicodeScalars)
        while let last = scalars.last, last == " " || last == "\t" || last == "\r" { scalars.removeLast() }
        // The scalar the column's byte offset falls in.
        var caret = 0, bytes = 0
        while caret < scalars.count, bytes + UTF8.width(scalars[caret]) <= column - 1 {
            bytes += UTF8.width(scalars[caret])
            caret += 1
        }
        let start = scalars.count > 2 * halfWindow ? max(0, caret - halfWindow) : 0
        let end = scalars.count > 2 * halfWindow ? min(scalars.count, caret + halfWindow) : scalars.count
        var shown = start > 0 ? "..." : ""
        shown.unicodeScalars.append(contentsOf: scalars[start..<end])
        if end < scalars.count { shown += "..." }
        var pad = start > 0 ? "   " : ""
        for scalar in scalars[start..<min(caret, end)] {
            pad += scalar == "\t" ? "\t" : isWide(scalar) ? "  " : " "
        }
        let number = String(lineNumber)
        let gutter = String(repeating: " ", count: max(0, 5 - number.count))
        return gutter + number + " | " + shown + "\n" + String(repeating: " ", count: max(5, number.count)) + " | " + pad + "^"
    }

    /// East Asian wide and fullwidth characters (Hangul, CJK, kana, fullwidth forms, emoji), two terminal cells.
    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        let ranges: [ClosedRange<UInt32>] = [
            0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
            0x1F900...0x1F9FF, 0x20000...0x3FFFD,
        ]
        return ranges.contains { $0.contains(scalar.value) }
    }
}
