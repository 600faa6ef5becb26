// The cell's memory bound. Each value is bounded by `memoryLimit` elements when it is built or grows; and since
// many values under that bound can still add up, large values also look (at most every 5 ms) at how much the
// process's resident memory has grown since the cell started (Linux), bounded at 64 bytes per allowed element
// (3.2 GB by default).

import Foundation

extension Interpreter {
    func reserve(_ count: Int) throws {
        if count > options.memoryLimit {
            throw PyError.memory("a value of \(count) elements passes the cell's memory bound of \(options.memoryLimit) elements")
        }
        if count >= 1 << 16 { try checkResidentMemory() }
    }

    /// A container growing one element at a time: checked at the bound and every 65,536 elements.
    @inline(__always) func grow(to count: Int) throws {
        if count > options.memoryLimit || count & 0xFFFF == 0 { try reserve(count) }
    }

    /// Strings are bounded at 8 bytes per element.
    func reserveString(bytes: Int) throws {
        if bytes / 8 > options.memoryLimit {
            throw PyError.memory("a string of \(bytes) bytes passes the cell's memory bound of \(options.memoryLimit * 8) bytes")
        }
        if bytes >= 1 << 19 { try checkResidentMemory() }
    }

    /// MemoryError when the cell's values have grown the process past the bound.
    func checkResidentMemory() throws {
        let time = ContinuousClock.now
        if let last = lastResidentCheck, time - last < .milliseconds(5) { return }
        lastResidentCheck = time
        guard let now = Self.residentBytes(), let start = residentAtStart else { return }
        let allowed = options.memoryLimit.multipliedReportingOverflow(by: 64)
        if !allowed.overflow && now - start > allowed.partialValue {
            throw PyError.memory("the cell's values take more than \(allowed.partialValue >> 20) MiB, its memory bound")
        }
    }

    /// The process's resident memory in bytes (nil where /proc is not available).
    static func residentBytes() -> Int? {
        #if os(Linux)
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .ascii) else { return nil }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
        #else
        return nil
        #endif
    }
}
