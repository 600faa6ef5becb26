// The displays (tables, figures) a cell showed, so that `run` renders them as the real thing outside the output
// fence while the printed text (and what `check` compares) keeps their text form.

import Foundation

/// What the display functions showed during the current cell, in order.
final class DisplayLog: @unchecked Sendable {
    private let lock = NSLock()
    private var displays: [Display] = []

    func record(_ display: Display) { lock.lock(); displays.append(display); lock.unlock() }

    /// The displays recorded since the last call.
    func take() -> [Display] {
        lock.lock()
        defer { displays = []; lock.unlock() }
        return displays
    }

    /// Where each of `displays` sits in `output`, found in order (UTF-8 offsets); a display whose text cannot be
    /// found whole at the start of a line (printing overlapped it) stays text.
    static func place(_ displays: [Display], in output: String) -> [PlacedDisplay] {
        let bytes = Array(output.utf8)
        var ranges: [PlacedDisplay] = []
        var from = 0
        for display in displays {
            let needle = Array(display.text.utf8)
            guard !needle.isEmpty, needle.count <= bytes.count else { continue }
            var k = from
            while k + needle.count <= bytes.count {
                if (k == 0 || bytes[k - 1] == 0x0A), bytes[k] == needle[0], Array(bytes[k..<k + needle.count]) == needle {
                    ranges.append(PlacedDisplay(range: k..<k + needle.count, display: display))
                    from = k + needle.count
                    break
                }
                k += 1
            }
        }
        return ranges
    }
}
