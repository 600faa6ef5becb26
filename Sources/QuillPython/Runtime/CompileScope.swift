// Compile-time scopes: which names a function, lambda or comprehension binds, and where each name lives at run
// time (a frame slot, a cell, or a global slot). Python's rule: a name assigned anywhere in a function body is local
// to it; a name a nested function uses and an enclosing function binds is shared through a cell; anything else is
// global (then builtin). Comprehensions are compiled inline: their variables get fresh slots in the enclosing frame,
// so they do not leak, as comprehensions have their own scope in Python 3.

/// Where a name lives for the code being compiled.
enum NameLocation {
    case local(Int)
    case cell(Int)
    case global(GlobalSlot)
}

final class Scope {
    enum Kind { case module, function, comprehension }

    let kind: Kind
    let parent: Scope?
    /// Qualified name prefix for functions defined here ("outer.<locals>.").
    let qualifiedPrefix: String
    /// Names bound here: slot or cell indices in the frame of `frameOwner`.
    private(set) var bindings: [String: NameLocation] = [:]
    /// Free variables of a function: where the defining frame has each (`freeSources`) and which cell of this
    /// frame receives it (`freeTargets`).
    private(set) var freeSources: [Int] = []
    private(set) var freeTargets: [Int] = []
    private(set) var freeNames: Set<String> = []
    /// Parameters captured by nested functions: copied from their slot into their cell when the call starts.
    private(set) var parameterCells: [(slot: Int, cell: Int)] = []
    private let globalSlot: (String) -> GlobalSlot
    /// Counters of the frame (kept on the function or module scope).
    private(set) var slotCount = 0
    private(set) var cellCount = 0
    /// Names whose cell must be made fresh each time a comprehension starts.
    private(set) var comprehensionCells: [Int] = []

    init(kind: Kind, parent: Scope?, qualifiedPrefix: String, globalSlot: @escaping (String) -> GlobalSlot) {
        self.kind = kind
        self.parent = parent
        self.qualifiedPrefix = qualifiedPrefix
        self.globalSlot = globalSlot
    }

    /// The function or module scope whose frame holds this scope's variables.
    var frameOwner: Scope {
        var s = self
        while s.kind == .comprehension, let p = s.parent { s = p }
        return s
    }

    /// Binds `names` in this scope, captured ones in cells. In the module scope plain names stay global.
    func declare(_ names: [String], captured: Set<String>) {
        if kind == .module { return }
        let owner = frameOwner
        for name in names where bindings[name] == nil {
            if captured.contains(name) {
                bindings[name] = .cell(owner.cellCount)
                if kind == .comprehension { comprehensionCells.append(owner.cellCount) }
                owner.cellCount += 1
            } else {
                bindings[name] = .local(owner.slotCount)
                owner.slotCount += 1
            }
        }
    }

    /// Binds a parameter: always a slot (where binding puts it); a captured one also gets a cell.
    func declareParameter(_ name: String, captured: Bool) {
        let slot = slotCount
        slotCount += 1
        if captured {
            bindings[name] = .cell(cellCount)
            parameterCells.append((slot, cellCount))
            cellCount += 1
        } else {
            bindings[name] = .local(slot)
        }
    }

    /// The names bound in this scope and the functions around it (not the module's), for NameError hints.
    var localNames: [String] {
        var names: [String] = []
        var s: Scope? = self
        while let scope = s, scope.kind != .module {
            names += scope.bindings.keys
            s = scope.parent
        }
        return names
    }

    /// Where `name` lives for code compiled in this scope.
    func resolve(_ name: String) -> NameLocation {
        if let b = bindings[name] { return b }
        switch kind {
        case .module: return .global(globalSlot(name))
        case .comprehension: return parent?.resolve(name) ?? .global(globalSlot(name))
        case .function:
            if let index = parent?.freeCell(name) {
                let mine = cellCount
                cellCount += 1
                freeSources.append(index)
                freeTargets.append(mine)
                freeNames.insert(name)
                bindings[name] = .cell(mine)
                return .cell(mine)
            }
            return .global(globalSlot(name))
        }
    }

    /// The cell index, in this scope's frame, of `name` as a nested function sees it; nil when it is global.
    private func freeCell(_ name: String) -> Int? {
        if kind == .module { return bindings[name].flatMap { if case .cell(let i) = $0 { return i } else { return nil } } }
        switch resolve(name) {
        case .cell(let i): return i
        case .local, .global: return nil
        }
    }
}
