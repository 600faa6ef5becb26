// The running interpreter of one session: module-level names, printed output, the cell's deadline, the call depth
// and the memory bound. Compiled code calls back into it for everything beyond its fast paths; library code reaches
// it through `Context`.

import Foundation

final class Interpreter: Context {
    let host: any ModelHost
    let options: SessionOptions
    /// Module-level names, created on first mention and kept across cells.
    private(set) var globals: [String: GlobalSlot] = [:]
    /// Builtins as the cell sees them: the library's table, and names the embedder defines (`Session.define`).
    private(set) var builtins: [String: Value]
    /// What the current cell printed.
    var output = ""
    private var outputBytes = 0
    /// The current cell's deadline, and a counter so that loops look at the clock only now and then.
    var deadline: ContinuousClock.Instant?
    var ticks = 0
    /// Python call depth, bounded as CPython's recursion limit is.
    var depth = 0
    /// Containers being printed or compared inside one another (bounded with the call depth).
    var nesting = 0
    /// Resident memory when the current cell started (the memory bound counts growth from there).
    var residentAtStart: Int?
    var lastResidentCheck: ContinuousClock.Instant?
    static let recursionLimit = 1000
    /// Modules by dotted name, gathered from the registries on first import.
    lazy var modules: [String: PyModule] = ModuleRegistry.all()
    /// The exceptions being handled by `except` blocks, innermost last (what a bare `raise` raises again).
    var handling: [PyError] = []
    /// The exception object the last `raise` statement raised, so that `except ... as e` binds that object (its
    /// args intact) rather than one rebuilt from the message.
    var raisedValue: ExceptionValue?
    /// Fake addresses for `<function f at 0x...>`, stable within a session.
    var addresses: [ObjectIdentifier: (object: AnyObject, address: Int)] = [:]

    init(host: any ModelHost, options: SessionOptions) {
        self.host = host
        self.options = options
        builtins = Builtins.table
        // Cells run as a script does: `if __name__ == "__main__":` blocks run.
        globalSlot("__name__").value = .str("__main__")
    }

    var dataDirectory: URL? { options.dataDirectory }

    /// The files the cells asked to read, first time first (Context.noteFileRead).
    private(set) var filesRead: [String] = []
    private var filesReadSet: Set<String> = []

    func noteFileRead(_ path: String) {
        if filesReadSet.insert(path).inserted { filesRead.append(path) }
    }

    /// The slot of a module-level name (created unset on first use).
    func globalSlot(_ name: String) -> GlobalSlot {
        if let slot = globals[name] { return slot }
        let slot = GlobalSlot(name: name, builtin: builtins[name])
        globals[name] = slot
        return slot
    }

    /// Adds or replaces a builtin; slots already made for the name see it too.
    func defineBuiltin(_ name: String, _ value: Value) {
        builtins[name] = value
        globals[name]?.builtin = value
    }

    /// Drops every module-level value (breaks the cycles between functions and the slots they use).
    func clearGlobals() {
        for slot in globals.values { slot.value = nil }
    }

    // MARK: Limits

    /// Counts a step of a loop or a call; looks at the clock every 128 steps.
    @inline(__always) func tick() throws {
        ticks &+= 1
        if ticks & 127 == 0 { try checkDeadline() }
    }

    func checkDeadline() throws {
        if let deadline, ContinuousClock.now >= deadline { throw PyError(.timeout, "cell timed out") }
    }

    func write(_ text: String) throws {
        outputBytes += text.utf8.count
        guard outputBytes <= options.outputLimit else {
            throw PyError(.unsupported, "the cell printed more than \(options.outputLimit) bytes, Quill's output limit")
        }
        output += text
    }

    /// A stable fake address for `<function f at 0x...>`, distinct per object within the session.
    func address(of object: AnyObject) -> String {
        let id = ObjectIdentifier(object)
        if let known = addresses[id] { return "0x" + String(known.address, radix: 16) }
        let address = 0x7f00_0000_0000 + 0x40 * (addresses.count + 1)
        addresses[id] = (object, address)
        return "0x" + String(address, radix: 16)
    }
}
