// The tables a cell printed with `table(...)`, so that `run` renders them as Markdown tables outside the output
// fence while the printed text (and what `check` compares) keeps their text form.

import Foundation

/// What `table` wrote during the current cell, in order.
final class DisplayLog: @unchecked Sendable {
    private let lock = NSLock()
    private var texts: [String] = []

    func record(_ text: String) { lock.lock(); texts.append(text); lock.unlock() }

    /// The texts recorded since the last call.
    func take() -> [String] {
        lock.lock()
        defer { texts = []; lock.unlock() }
        return texts
    }

    /// Where each of `tables` sits in `output`, found in order (UTF-8 offsets); a table that cannot be found whole
    /// at the start of a line (printing overlapped it) stays text.
    static func ranges(of tables: [String], in output: String) -> [Range<Int>] {
        let bytes = Array(output.utf8)
        var ranges: [Range<Int>] = []
        var from = 0
        for table in tables {
            let needle = Array(table.utf8)
            guard !needle.isEmpty, needle.count <= bytes.count else { continue }
            var k = from
            while k + needle.count <= bytes.count {
                if (k == 0 || bytes[k - 1] == 0x0A), bytes[k] == needle[0], Array(bytes[k..<k + needle.count]) == needle {
                    ranges.append(k..<k + needle.count)
                    from = k + needle.count
                    break
                }
                k += 1
            }
        }
        return ranges
    }
}
