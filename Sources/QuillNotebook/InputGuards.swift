// The checks on a notebook's raw bytes before cmark sees them: the size limit, strict UTF-8, and the nesting
// guard (libcmark 0.30 takes quadratic time on deeply nested block quotes and lists).

import QuillCommonMark

extension NotebookReader {
    /// Size and encoding. Returns the line table (byte offset of each line's start), or nil after a diagnostic.
    mutating func checkBytes() -> [Int]? {
        guard bytes.count <= Notebook.byteLimit else {
            fail("notebook is \(bytes.count) bytes, over the limit of \(Notebook.byteLimit >> 20) MiB",
                 SourceRange(line: 1, column: 1), hint: "split it into smaller notebooks")
            return nil
        }
        let lines = Document.lineTable(bytes)
        if let bad = UTF8Check.firstInvalidOffset(bytes) {
            let at = Self.position(ofByte: bad, lines: lines)
            fail("invalid UTF-8 (byte 0x\(String(bytes[bad], radix: 16, uppercase: true)) at offset \(bad))",
                 SourceRange(at, at), hint: "save the notebook as UTF-8")
            return nil
        }
        return lines
    }

    /// False, after a diagnostic, when container markers nest deeper than `Notebook.nestingLimit`.
    mutating func checkNesting(_ lines: [Int]) -> Bool {
        guard let (line, depth) = Notebook.excessiveNesting(bytes, lines: lines) else { return true }
        fail("Markdown nested \(depth) levels deep, more than the limit of \(Notebook.nestingLimit)",
             SourceRange(line: line, column: 1),
             hint: "libcmark 0.30 takes quadratic time on such nesting; no notebook needs it")
        return false
    }

    /// Line and column (1-based, columns in bytes) of a byte offset, by binary search in the line table.
    static func position(ofByte offset: Int, lines: [Int]) -> SourcePosition {
        var lo = 0, hi = lines.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lines[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return SourcePosition(line: lo + 1, column: offset - lines[lo] + 1)
    }
}

extension Notebook {
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
}
