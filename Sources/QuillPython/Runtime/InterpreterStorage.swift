// Where running code keeps its variables: a frame per function call (and per cell) with one slot per local name,
// cells for variables that nested functions capture, and one shared slot per module-level (global) name.

/// A variable captured by a nested function or lambda: the defining frame and the closure share it.
final class Cell {
    var value: Value?
    init(_ value: Value? = nil) { self.value = value }
}

/// A module-level name. Compiled code holds its slot directly, so reading a global costs no dictionary lookup.
/// `builtin` is the builtin of the same name, seen while the global is unset.
final class GlobalSlot {
    let name: String
    var value: Value?
    var builtin: Value?
    init(name: String, builtin: Value?) {
        self.name = name
        self.builtin = builtin
    }
}

/// The locals of one running function (or of a cell's top-level code, whose locals are comprehension variables).
/// Slots are nil while unbound. Cells: the frame's own captured variables first, then the function's free variables.
final class Frame {
    let slots: UnsafeMutablePointer<Value?>
    let slotCount: Int
    var cells: [Cell]
    /// Set by `return` before it unwinds with `Flow.returned`.
    var returnValue: Value = .none

    init(slotCount: Int, cells: [Cell]) {
        self.slotCount = slotCount
        slots = UnsafeMutablePointer<Value?>.allocate(capacity: max(slotCount, 1))
        slots.initialize(repeating: nil, count: max(slotCount, 1))
        self.cells = cells
    }

    deinit {
        slots.deinitialize(count: max(slotCount, 1))
        slots.deallocate()
    }
}

/// How a statement finished: normally, or by leaving its loop or function.
enum Flow {
    case normal, breakLoop, continueLoop, returned
}

/// Compiled code: an expression gives a value, a statement a `Flow`.
typealias ExprCode = (Frame) throws -> Value
typealias StmtCode = (Frame) throws -> Flow
