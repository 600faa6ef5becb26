// The `time` module's clocks and sleep, so that a tutorial's timing code runs as written: time, time_ns,
// perf_counter, perf_counter_ns, monotonic, monotonic_ns, process_time, process_time_ns, sleep. sleep waits in
// short steps and stops at the cell's deadline like any loop (a cell cannot outlive its timeout by sleeping).
// What a cell prints from a clock differs from run to run; `#| check: false` keeps such a cell out of `check`.

import Foundation

enum TimeModule {
    static func module() -> PyModule {
        var members: [String: Value] = [:]
        let clocks: [(String, () -> Int64)] = [
            ("time", { Int64((Date().timeIntervalSince1970 * 1e9).rounded()) }),
            ("perf_counter", { nanoseconds(CLOCK_MONOTONIC) }),
            ("monotonic", { nanoseconds(CLOCK_MONOTONIC) }),
            ("process_time", { nanoseconds(CLOCK_PROCESS_CPUTIME_ID) }),
        ]
        for (name, clock) in clocks {
            members[name] = BuiltinFunction.value(name) { a, _ in
                try Check.noArguments("time.\(name)", a)
                return .float(Double(clock()) / 1e9)
            }
            members[name + "_ns"] = BuiltinFunction.value(name + "_ns") { a, _ in
                try Check.noArguments("time.\(name)_ns", a)
                return .int(Int(clock()))
            }
        }
        members["sleep"] = BuiltinFunction.value("sleep") { a, c in
            try sleep(seconds(Check.exactlyOne("time.sleep", a)), c)
            return .none
        }
        return PyModule("time", members)
    }

    /// sleep's argument in seconds, with CPython's errors.
    static func seconds(_ value: Value) throws -> Double {
        let s: Double
        switch value {
        case .int(let i): s = Double(i)
        case .bool(let b): s = b ? 1 : 0
        case .float(let d): s = d
        case .bigInt: throw PyError.overflow("timestamp too large to convert to C _PyTime_t")
        default: throw PyError.type("'\(value.typeName)' object cannot be interpreted as an integer")
        }
        if s.isNaN { throw PyError.value("Invalid value NaN (not a number)") }
        if s.isInfinite || s > 9.2e9 { throw PyError.overflow("timestamp out of range for platform time_t") }
        if s < 0 { throw PyError.value("sleep length must be non-negative") }
        return s
    }

    /// Waits `seconds` in steps of at most 20 ms, looking at the cell's deadline after each.
    private static func sleep(_ seconds: Double, _ context: any Context) throws {
        let end = nanoseconds(CLOCK_MONOTONIC) + Int64(seconds * 1e9)
        while true {
            try context.checkDeadline()
            let left = end - nanoseconds(CLOCK_MONOTONIC)
            if left <= 0 { return }
            Thread.sleep(forTimeInterval: Double(min(left, 20_000_000)) / 1e9)
        }
    }

    private static func nanoseconds(_ clock: clockid_t) -> Int64 {
        var t = timespec()
        clock_gettime(clock, &t)
        return Int64(t.tv_sec) * 1_000_000_000 + Int64(t.tv_nsec)
    }
}
