// The checks on a notebook's raw bytes before cmark sees them: the size limit, strict UTF-8, the nesting guard
// (libcmark 0.30 takes quadratic time on deeply nested block quotes and lists) and the bracket guard (libcmark
// 0.30.2, Debian 12's, takes quadratic time on `![[]()` repeated). Each guard is one linear pass.

import QuillCommonMark
import QuillJSON

extension NotebookReader {
    /// Size and encoding. Returns the line table (byte offset of each line's start), or nil after a diagnostic.
    mutating func checkBytes() -> [Int]? {
        guard bytes.count <= Notebook.byteLimit else {
            fail("notebook is \(bytes.count) bytes, over the limit of \(Notebook.byteLimit >> 20) MiB",
                 SourceRange(line: 1, column: 1), hint: "split it into smaller notebooks")
            return nil
        }
        let lines = Document.lineTable(bytes)
        if let bad = UTF8Validation.firstInvalid(bytes) {
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

    /// False, after a diagnostic, when libcmark 0.30.2 would walk image openers more than `Notebook.bracketWorkLimit`
    /// times (see `bracketWork`). The position is the link at which the estimate passed the limit.
    mutating func checkBrackets(_ lines: [Int]) -> Bool {
        guard let (offset, openers) = Notebook.excessiveBracketWork(bytes) else { return true }
        let at = Self.position(ofByte: offset, lines: lines)
        fail("Markdown with \(openers) unclosed image openers '![' before this link in one paragraph; libcmark "
             + "0.30.2 parses it in quadratic time", SourceRange(at, at),
             hint: "close the '![' (an image is '![alt](url)') or put blank lines between paragraphs")
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

extension Notebook {
    /// The most image-opener steps accepted before cmark: about 0.3 s of libcmark 0.30.2 on a loaded 2-core machine
    /// (the 960 KB `![[]()` case needs 1.3e10). A paragraph of 1,000 images and 1,000 links costs at most 1e6.
    public static let bracketWorkLimit = 4_000_000

    /// Where libcmark 0.30.2's bracket handling would pass `bracketWorkLimit`: the byte offset of that `]` and the
    /// image openers then open; nil when it stays under. In 0.30.2 (inlines.c, handle_close_bracket; fixed in
    /// 0.30.3, CVE-2023-22486) every link that closes walks back over all unclosed `![` openers of its paragraph.
    /// This pass keeps the same bracket stack: `![` and `[` push, `]` pops, a popped `[` charges the image openers
    /// still open. It is an over-estimate (code spans, autolinks and invalid links are counted too). The stack is
    /// emptied at blank lines, where a paragraph ends; the work is the document's total, as cmark's time is.
    static func excessiveBracketWork(_ bytes: [UInt8]) -> (offset: Int, openers: Int)? {
        var stack: [Bool] = []  // true for an image opener
        var images = 0, work = 0, lineIsBlank = true
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            switch b {
            case 0x0A, 0x0D:
                if lineIsBlank {
                    stack.removeAll(keepingCapacity: true)
                    images = 0
                }
                lineIsBlank = true
                i += 1
                continue
            case 0x20, 0x09:
                i += 1
                continue
            case UInt8(ascii: "\\"):
                // An escaped bracket opens and closes nothing (a line break after the backslash still ends the line).
                if i + 1 < bytes.count, bytes[i + 1] != 0x0A, bytes[i + 1] != 0x0D { i += 1 }
            case UInt8(ascii: "!") where i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "["):
                stack.append(true)
                images += 1
                i += 1
            case UInt8(ascii: "["):
                stack.append(false)
            case UInt8(ascii: "]"):
                if let isImage = stack.popLast() {
                    if isImage {
                        images -= 1
                    } else {
                        work += images
                        if work > bracketWorkLimit { return (i, images) }
                    }
                }
            default:
                break
            }
            lineIsBlank = false
            i += 1
        }
        return nil
    }
}
