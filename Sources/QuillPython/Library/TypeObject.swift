// Type objects: `int`, `str`, `list`, `ValueError`, `numpy.ndarray`, ... . A type is callable (int("3"), the
// conversion or constructor), prints as `<class 'int'>`, answers `isinstance`, and carries class attributes
// (`dict.fromkeys`, `str.lower` as an unbound method, `__name__`).

import Foundation

final class TypeObject: PyCallable, PyRepresentable, PyAttributes, @unchecked Sendable {
    /// `__name__`: "int", "ndarray", "ValueError".
    let name: String
    /// `__module__` when not builtins: "numpy" prints `<class 'numpy.ndarray'>`.
    let module: String?
    /// The isinstance test, subclasses included (a bool is an int).
    private let matches: (Value) -> Bool
    private let construct: ((Arguments, any Context) throws -> Value)?
    /// Class attributes other than the dunder names.
    private let members: (String) -> Value?
    private let memberNames: [String]

    init(_ name: String, module: String? = nil, matches: @escaping (Value) -> Bool,
                members: [String] = [], member: @escaping (String) -> Value? = { _ in nil },
                construct: ((Arguments, any Context) throws -> Value)? = nil) {
        self.name = name
        self.module = module
        self.matches = matches
        self.memberNames = members
        self.members = member
        self.construct = construct
    }

    var typeName: String { "type" }

    /// `isinstance(value, self)`.
    func isInstance(_ value: Value) -> Bool { matches(value) }

    /// "numpy.ndarray", or "int" for builtins: the name CPython's messages use.
    var qualifiedName: String { module.map { "\($0).\(name)" } ?? name }

    func call(_ arguments: Arguments, _ context: any Context) throws -> Value {
        guard let construct else { throw PyError.type("cannot create '\(qualifiedName)' instances") }
        return try construct(arguments, context)
    }

    func repr(_ context: any Context) throws -> String { "<class '\(qualifiedName)'>" }

    var attributeNames: [String] { ["__name__", "__qualname__", "__module__"] + memberNames }

    func attribute(_ name: String, _ context: any Context) throws -> Value? {
        switch name {
        case "__name__", "__qualname__": return .str(self.name)
        case "__module__": return .str(module ?? "builtins")
        default: return memberNames.contains(name) ? members(name) : nil
        }
    }
}

extension TypeObject {
    /// A method of a builtin type taken from the class (`str.lower`, `list.append`): the receiver comes first.
    /// `method` gets the receiver and the remaining arguments; `check` extracts the receiver or nil.
    static func unboundMethod<Receiver>(_ typeName: String, _ name: String, _ check: @escaping (Value) -> Receiver?,
                                        _ method: @escaping (Receiver, Arguments, any Context) throws -> Value) -> Value {
        .object(BuiltinFunction("\(typeName).\(name)", typeName: "method_descriptor") { arguments, context in
            guard let first = arguments.positional.first else {
                throw PyError.type("unbound method \(typeName).\(name)() needs an argument")
            }
            guard let receiver = check(first) else {
                throw PyError.type("descriptor '\(name)' for '\(typeName)' objects doesn't apply to a '\(first.typeName)' object")
            }
            var rest = arguments
            rest.positional.removeFirst()
            return try method(receiver, rest, context)
        })
    }
}

/// The type objects of values that are not builtins (functions, ranges, arrays, models): one per type name, so
/// that `type(a) is type(b)` holds for two values of one type.
enum TypeRegistry {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var types: [String: TypeObject] = [:]

    /// The modules CPython names these types by (`<class '_io.TextIOWrapper'>`); arrays name theirs by library.
    private static let modules: [String: String] = [
        "SentenceTransformer": "sentence_transformers.sentence_transformer.model",
        "CrossEncoder": "sentence_transformers.cross_encoder.model",
        "TextIOWrapper": "_io", "reader": "_csv", "DictReader": "csv",
    ]

    /// The type of an object: `numpy.float32` and `torch.Tensor` for arrays, by type name for the others.
    static func type(of object: any PyObject) -> TypeObject {
        if let array = object as? PyArray {
            return type(named: object.typeName, module: array.library == .torch ? "torch" : "numpy")
        }
        return type(named: object.typeName, module: modules[object.typeName])
    }

    static func type(named name: String, module: String? = nil) -> TypeObject {
        let key = module.map { "\($0).\(name)" } ?? name
        lock.lock()
        defer { lock.unlock() }
        if let t = types[key] { return t }
        let t = TypeObject(name, module: module, matches: { value in
            guard case .object(let o) = value else { return value.typeName == name }  // NoneType
            let other = TypeRegistry.type(of: o)
            return other.name == name && other.module == module
        })
        types[key] = t
        return t
    }
}
