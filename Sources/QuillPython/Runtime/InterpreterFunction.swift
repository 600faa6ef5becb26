// Functions defined by `def` and `lambda`: their compiled code, defaults evaluated at definition time, captured
// cells, and binding a call's arguments to parameters with CPython's messages.

/// What `def` compiles to, shared by every function object made from it.
final class FunctionCode {
    let name: String
    let qualifiedName: String
    let doc: String?
    /// Positional-or-keyword parameters (slots 0..<count), then keyword-only ones, then `*args` and `**kwargs`.
    let positional: [String]
    let keywordOnly: [String]
    let varPositional: String?
    let varKeyword: String?
    /// Filled in once the body is compiled.
    var slotCount = 0
    var cellCount = 0
    var freeTargets: [Int] = []
    var parameterCells: [(slot: Int, cell: Int)] = []
    var body: StmtCode = { _ in .normal }

    init(name: String, qualifiedName: String, doc: String?, parameters: [Parameter]) {
        self.name = name
        self.qualifiedName = qualifiedName
        self.doc = doc
        positional = parameters.filter { $0.kind == .normal }.map(\.name)
        keywordOnly = parameters.filter { $0.kind == .keywordOnly }.map(\.name)
        varPositional = parameters.first { $0.kind == .varPositional }?.name
        varKeyword = parameters.first { $0.kind == .varKeyword }?.name
    }

    var parameterCount: Int { positional.count + keywordOnly.count + (varPositional == nil ? 0 : 1) + (varKeyword == nil ? 0 : 1) }

    /// Only positional parameters, no `*args`/`**kwargs`: calls with exactly that many positional arguments
    /// may fill the slots directly.
    var isSimple: Bool { keywordOnly.isEmpty && varPositional == nil && varKeyword == nil }
}

final class UserFunction: PyCallable, PyAttributes {
    let code: FunctionCode
    /// Defaults of the last `defaults.count` positional parameters.
    let defaults: [Value]
    let keywordDefaults: [String: Value]
    /// The free variables' cells, in the order of `code.freeTargets`.
    let closure: [Cell]

    init(code: FunctionCode, defaults: [Value], keywordDefaults: [String: Value], closure: [Cell]) {
        self.code = code
        self.defaults = defaults
        self.keywordDefaults = keywordDefaults
        self.closure = closure
    }

    var typeName: String { "function" }

    func call(_ arguments: Arguments, _ context: any Context) throws -> Value {
        guard let interp = context as? Interpreter else { throw PyError.type("a Quill function called outside its session") }
        let frame = makeFrame()
        try bind(arguments, into: frame, interp)
        return try interp.run(self, frame)
    }

    /// A fresh frame with the function's cells.
    @inline(__always) func makeFrame() -> Frame {
        if code.cellCount == 0 { return Frame(slotCount: code.slotCount, cells: []) }
        var cells = (0..<code.cellCount).map { _ in Cell() }
        for (k, target) in code.freeTargets.enumerated() { cells[target] = closure[k] }
        return Frame(slotCount: code.slotCount, cells: cells)
    }

    func attribute(_ name: String, _ context: any Context) throws -> Value? {
        switch name {
        case "__name__": return .str(code.name)
        case "__qualname__": return .str(code.qualifiedName)
        case "__doc__": return code.doc.map(Value.str) ?? Value.none
        default: return nil
        }
    }

    var attributeNames: [String] { ["__doc__", "__name__", "__qualname__"] }
}

extension Interpreter {
    /// Runs a function whose frame holds its bound arguments.
    func run(_ function: UserFunction, _ frame: Frame) throws -> Value {
        depth += 1
        defer { depth -= 1 }
        if depth > Interpreter.recursionLimit {
            throw PyError(.exception("RecursionError"), "maximum recursion depth exceeded")
        }
        try tick()
        for (slot, cell) in function.code.parameterCells { frame.cells[cell].value = frame.slots[slot] }
        _ = try function.code.body(frame)
        return frame.returnValue
    }

    /// `callable(*arguments)` for any Python callable.
    func call(_ callable: Value, _ arguments: Arguments) throws -> Value {
        guard case .object(let o) = callable else {
            throw PyError.type("'\(callable.typeName)' object is not callable")
        }
        if let f = o as? UserFunction {
            let frame = f.makeFrame()
            try f.bind(arguments, into: frame, self)
            return try run(f, frame)
        }
        if let c = o as? PyCallable { return try c.call(arguments, self) }
        throw PyError.type("'\(callable.typeName)' object is not callable")
    }
}
