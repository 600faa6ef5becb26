// Binding a call to a sentence-transformers function or method: the parameters by name, with CPython's messages
// for missing, surplus and unknown arguments (methods count `self`, as CPython does: "takes from 2 to 15 positional
// arguments but 16 were given"), optional **kwargs, and typed accessors for the usual argument kinds.

struct BoundArguments {
    private var slots: [String: Value]
    /// Keywords not among the parameters, in call order (only for functions that take **kwargs).
    let extraKeywords: [(name: String, value: Value)]

    /// Binds `arguments` to `signature`. For a method, `signature.parameters` starts with "self", which is filled
    /// here. `extraKeywords`: collect unknown keywords instead of raising TypeError. `renamed`: deprecated keyword
    /// names and the parameters they stand for (sentence-transformers' deprecated_kwargs).
    init(_ signature: Signature, _ arguments: Arguments, method: Bool = false, extraKeywords: Bool = false,
         renamed: [String: String] = [:]) throws {
        let known = Set(signature.parameters + signature.keywordOnly)
        var keywords: [(name: String, value: Value)] = []
        var extra: [(name: String, value: Value)] = []
        for (name, value) in arguments.keywords {
            if let newName = renamed[name] {
                if !arguments.keywords.contains(where: { $0.name == newName }) { keywords.append((newName, value)) }
            } else if known.contains(name) || !extraKeywords {
                keywords.append((name, value))
            } else {
                extra.append((name, value))
            }
        }
        let positional = method ? [Value.none] + arguments.positional : arguments.positional
        let bound = try signature.bind(Arguments(positional, keywords: keywords))
        var slots: [String: Value] = [:]
        for (name, value) in zip(signature.parameters + signature.keywordOnly, bound) {
            if let value { slots[name] = value }
        }
        self.slots = slots
        self.extraKeywords = extra
    }

    /// The argument, or nil when it was not given.
    subscript(_ name: String) -> Value? { slots[name] }

    /// The argument unless it was not given or is None.
    func given(_ name: String) -> Value? {
        guard let v = slots[name] else { return nil }
        if case .none = v { return nil }
        return v
    }

    /// `bool(argument)`, or the default when not given.
    func flag(_ name: String, _ defaultValue: Bool, _ context: any Context) throws -> Bool {
        guard let v = slots[name] else { return defaultValue }
        return try context.truth(v)
    }

    /// An int argument (bool counts, as in Python); `defaultValue` when not given.
    func int(_ name: String, _ defaultValue: Int, _ context: any Context) throws -> Int {
        guard let v = slots[name] else { return defaultValue }
        return try BoundArguments.integer(v, name)
    }

    /// An int argument that may be None.
    func optionalInt(_ name: String) throws -> Int? {
        guard let v = given(name) else { return nil }
        return try BoundArguments.integer(v, name)
    }

    /// A str argument that may be None.
    func optionalString(_ name: String) throws -> String? {
        guard let v = given(name) else { return nil }
        guard case .str(let s) = v else { throw PyError.type("\(name) must be a str or None, not \(v.typeName)") }
        return s
    }

    static func integer(_ v: Value, _ name: String) throws -> Int {
        switch v {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        case .bigInt: throw PyError.overflow("\(name) is too large")
        case .object(let a as PyArray) where a.shape.isEmpty && a.dtype != .float32 && a.dtype != .float64:
            return Int(a.scalars[0])
        default:
            throw PyError.type("'<=' not supported between instances of '\(v.typeName)' and 'int'")
        }
    }
}
