// Functions and bound methods of the sentence-transformers surface, written in Swift. They print as CPython prints
// functions (`<function cos_sim at 0x...>`) and methods (`<bound method SentenceTransformer.encode of ...>`), and
// remember which score function they are, so semantic_search can take its shortcut for cos_sim as the original does.

final class LibraryFunction: PyCallable, PyRepresentable {
    /// The score functions of sentence_transformers.util, which semantic_search and paraphrase_mining compute
    /// directly instead of calling through the interpreter.
    enum ScoreKind: Sendable { case cosine, dot, euclidean, manhattan }

    let name: String
    let scoreKind: ScoreKind?
    /// For a bound method: the receiver's class name and repr.
    private let owner: (className: String, repr: (any Context) throws -> String)?
    private let body: (Arguments, any Context) throws -> Value

    init(_ name: String, scoreKind: ScoreKind? = nil, _ body: @escaping (Arguments, any Context) throws -> Value) {
        self.name = name
        self.scoreKind = scoreKind
        self.owner = nil
        self.body = body
    }

    /// A method bound to an object of class `className`, whose repr `repr` gives.
    init(method name: String, of className: String, repr: @escaping (any Context) throws -> String,
         _ body: @escaping (Arguments, any Context) throws -> Value) {
        self.name = name
        self.scoreKind = nil
        self.owner = (className, repr)
        self.body = body
    }

    var typeName: String { owner == nil ? "function" : "method" }

    func call(_ arguments: Arguments, _ context: any Context) throws -> Value {
        try body(arguments, context)
    }

    func repr(_ context: any Context) throws -> String {
        if let owner { return "<bound method \(owner.className).\(name) of \(try owner.repr(context))>" }
        return "<function \(name) at \(LibraryFunction.address(self))>"
    }

    /// A stand-in for CPython's id() in reprs: this object's address.
    static func address(_ object: AnyObject) -> String {
        "0x" + String(UInt(bitPattern: ObjectIdentifier(object).hashValue), radix: 16).leftPadded(to: 12)
    }
}

fileprivate extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
