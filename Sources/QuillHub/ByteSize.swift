// Download sizes: the limit's syntax (QUILL_MAX_DOWNLOAD_SIZE, `quill fetch --max-download-size`) and the running
// budget of one model download.
//
// A size is a whole number of bytes, or a number (decimals allowed) with a unit: K, M, G, T (also KB, MB, GB, TB)
// are powers of 1000, KiB, MiB, GiB, TiB powers of 1024; case and a space before the unit do not matter. The default
// limit is 5 GB (5,000,000,000 bytes), enough for every sentence-transformers model of the hub's top downloads, and
// small enough that a notebook cannot fill a disk by naming a huge repository.

import Foundation

/// Parsing and printing of byte counts.
public enum ByteSize {
    /// The limit when nothing else is set.
    public static let defaultDownloadLimit: Int64 = 5_000_000_000

    private static let units: [String: Double] = [
        "": 1, "B": 1,
        "K": 1e3, "KB": 1e3, "M": 1e6, "MB": 1e6, "G": 1e9, "GB": 1e9, "T": 1e12, "TB": 1e12,
        "KIB": 1024, "MIB": 1_048_576, "GIB": 1_073_741_824, "TIB": 1_099_511_627_776,
    ]

    /// Bytes of `text` (`500M`, `2G`, `1.5GB`, `4GiB`, `123456`).
    /// - Parameter name: what to name in the error (`QUILL_MAX_DOWNLOAD_SIZE`, `--max-download-size`).
    /// - Throws: `HubError.invalidSetting` for anything else, zero, or more than 2^63 bytes.
    public static func parse(_ text: String, name: String) throws(HubError) -> Int64 {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let digits = trimmed.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
        let unit = trimmed.dropFirst(digits.count).trimmingCharacters(in: .whitespaces).uppercased()
        func invalid(_ reason: String) -> HubError { .invalidSetting(name: name, value: text, reason: reason) }
        guard !digits.isEmpty, digits.filter({ $0 == "." }).count <= 1, digits != "." else {
            throw invalid("expected a size such as 500M, 2G, 10GB, 4GiB or a number of bytes")
        }
        guard let scale = units[unit] else {
            throw invalid("unknown unit '\(unit)' (use K, M, G, T for powers of 1000, KiB, MiB, GiB, TiB for 1024)")
        }
        let bytes: Int64
        if scale == 1 {
            guard let whole = Int64(digits) else { throw invalid("a number of bytes is a whole number below 2^63") }
            bytes = whole
        } else {
            guard let number = Double(digits), number * scale < 9.2e18 else { throw invalid("too large") }
            bytes = Int64((number * scale).rounded(.down))
        }
        guard bytes > 0 else { throw invalid("the limit must be at least 1 byte") }
        return bytes
    }

    /// `4.2 GB (4,200,000,000 bytes)` style text for messages; small counts as plain bytes.
    public static func describe(_ bytes: Int64) -> String {
        let plain = "\(bytes) bytes"
        for (unit, scale) in [("TB", 1e12), ("GB", 1e9), ("MB", 1e6), ("kB", 1e3)] where Double(bytes) >= scale {
            return "\(String(format: "%.1f", Double(bytes) / scale)) \(unit) (\(plain))"
        }
        return plain
    }
}

/// What one model download may still write: the limit, and the bytes fetched so far. Used by one thread at a time
/// (a resolve or fetch call), hence @unchecked Sendable.
final class DownloadBudget: @unchecked Sendable {
    let model: String
    let limit: Int64
    private(set) var used: Int64 = 0

    init(model: String, limit: Int64) {
        self.model = model
        self.limit = limit
    }

    var remaining: Int64 { max(0, limit - used) }

    /// Refuses a plan of `bytes` more before anything of it is written.
    func check(planned bytes: Int64) throws(HubError) {
        let (total, overflow) = used.addingReportingOverflow(bytes)
        guard !overflow, total <= limit else { throw .tooLarge(model: model, bytes: overflow ? .max : total, limit: limit) }
    }

    func spend(_ bytes: Int64) { used += bytes }

    /// The cap for the next body: it stops the transfer as soon as the budget is exceeded.
    func bodyLimit() -> BodyLimit {
        BodyLimit(bytes: remaining, error: .tooLarge(model: model, bytes: used + remaining + 1, limit: limit))
    }
}
