// The cell running now, for a model host's long calls: its deadline, which an encode or predict checks between
// its batches (the interpreter itself checks only between statements), and where it is in which notebook, for the
// progress line. The runner sets it around each cell; the CLI hands the same clock to its model adapters.

import Foundation
import QuillPython

public final class CellClock: @unchecked Sendable {
    public struct Running: Sendable, Equatable {
        /// The notebook path as the user gave it.
        public var notebook: String
        /// The line of the cell's opening fence.
        public var line: Int
        public var started: ContinuousClock.Instant
        public var deadline: ContinuousClock.Instant?

        public init(notebook: String, line: Int, started: ContinuousClock.Instant, deadline: ContinuousClock.Instant?) {
            self.notebook = notebook
            self.line = line
            self.started = started
            self.deadline = deadline
        }
    }

    private let lock = NSLock()
    private var running: Running?

    public init() {}

    /// The cell running now; nil between cells.
    public var current: Running? {
        lock.lock()
        defer { lock.unlock() }
        return running
    }

    public func begin(_ cell: Running) { set(cell) }
    public func end() { set(nil) }

    private func set(_ cell: Running?) {
        lock.lock()
        running = cell
        lock.unlock()
    }

    /// Throws the interpreter's timeout when the running cell's deadline has passed; the runner reports it with the
    /// time the cell actually ran.
    public func checkDeadline() throws {
        if let deadline = current?.deadline, ContinuousClock.now >= deadline {
            throw PyError(.timeout, "cell timed out")
        }
    }
}
