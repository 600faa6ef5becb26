// The compiler: turns a cell's syntax tree into a tree of Swift closures with every name resolved to a frame slot,
// a cell or a global slot, so that running it does no lookups by name. This file holds the entry point, blocks and
// names; statements, expressions, calls, functions and comprehensions have files of their own.

final class Compiler {
    let interp: Interpreter
    var scope: Scope
    /// Inside a function body (`return` allowed) and inside a loop (`break`/`continue` allowed).
    var inFunction = false
    var loopDepth = 0

    init(interp: Interpreter, scope: Scope) {
        self.interp = interp
        self.scope = scope
    }

    /// A compiled cell: its code, the size of its frame, and the code of a trailing expression to display.
    struct CompiledCell {
        let body: StmtCode
        let slotCount: Int
        let cellCount: Int
        let display: ExprCode?
    }

    static func compileCell(_ module: Module, _ interp: Interpreter) throws -> CompiledCell {
        let scope = Scope(kind: .module, parent: nil, qualifiedPrefix: "", globalSlot: interp.globalSlot)
        let compiler = Compiler(interp: interp, scope: scope)
        var statements = module.body
        var display: ExprCode?
        if case .expression(let e, trailingSemicolon: false, _)? = statements.last {
            if case .string = e {} else {
                statements.removeLast()
                display = try compiler.expression(e)
            }
        }
        let body = try compiler.block(statements)
        return CompiledCell(body: body, slotCount: scope.slotCount, cellCount: scope.cellCount, display: display)
    }

    func block(_ statements: [Stmt]) throws -> StmtCode {
        let codes = try statements.map { StmtBox(run: try statement($0)) }
        switch codes.count {
        case 0: return { _ in .normal }
        case 1: return codes[0].run
        case 2:
            let (a, b) = (codes[0].run, codes[1].run)
            return { f in
                let flow = try a(f)
                if case .normal = flow { return try b(f) }
                return flow
            }
        default:
            return { f in
                for code in codes {
                    let flow = try code.run(f)
                    if case .normal = flow { continue }
                    return flow
                }
                return .normal
            }
        }
    }

    // MARK: Names

    func load(_ name: String, _ loc: Loc) -> ExprCode {
        let interp = self.interp
        switch scope.resolve(name) {
        case .local(let i):
            return { f in
                if let v = f.slots[i] { return v }
                throw PyError(.exception("UnboundLocalError"),
                              "cannot access local variable '\(name)' where it is not associated with a value", at: loc)
            }
        case .cell(let i):
            let free = scope.frameOwner.freeNames.contains(name)
            return { f in
                if let v = f.cells[i].value { return v }
                if free {
                    throw PyError.name("cannot access free variable '\(name)' where it is not associated with a value in enclosing scope").at(loc)
                }
                throw PyError(.exception("UnboundLocalError"),
                              "cannot access local variable '\(name)' where it is not associated with a value", at: loc)
            }
        case .global(let g):
            let locals = scope.localNames
            return { _ in
                if let v = g.value { return v }
                if let b = g.builtin { return b }
                throw interp.nameError(name, loc, locals: locals)
            }
        }
    }

    /// Stores into a name.
    func store(_ name: String) -> (Frame, Value) -> Void {
        switch scope.resolve(name) {
        case .local(let i): return { f, v in f.slots[i] = v }
        case .cell(let i): return { f, v in f.cells[i].value = v }
        case .global(let g): return { _, v in g.value = v }
        }
    }

    /// `del name`: NameError (or UnboundLocalError) when it is not bound.
    func delete(_ name: String, _ loc: Loc) -> StmtCode {
        let check = load(name, loc)
        switch scope.resolve(name) {
        case .local(let i): return { f in _ = try check(f); f.slots[i] = nil; return .normal }
        case .cell(let i): return { f in _ = try check(f); f.cells[i].value = nil; return .normal }
        case .global(let g):
            return { _ in
                guard g.value != nil else { throw PyError.name("name '\(name)' is not defined").at(loc) }
                g.value = nil
                return .normal
            }
        }
    }
}

extension Interpreter {
    /// NameError with a `did you mean` hint, looked for as CPython does: among the function's locals, then the
    /// set globals, then the builtins.
    func nameError(_ name: String, _ loc: Loc, locals: [String]) -> PyError {
        let globalNames = globals.values.filter { $0.value != nil }.map(\.name)
        let suggestion = Suggestions.closest(to: name, among: locals)
            ?? Suggestions.closest(to: name, among: globalNames)
            ?? Suggestions.closest(to: name, among: Array(builtins.keys))
        return PyError(.exception("NameError"), "name '\(name)' is not defined", at: loc,
                       hint: suggestion.map { "did you mean '\($0)'?" })
    }
}
