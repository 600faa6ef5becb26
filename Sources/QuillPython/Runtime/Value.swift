// Python values. Immutable scalars are enum cases; mutable containers (list, dict) are classes, so that two names
// share one list as in Python. Everything else (functions, modules, ranges, arrays, models, files) is a PyObject.

import BigInt
import OrderedCollections

public enum Value {
    case none
    case bool(Bool)
    /// The 64-bit fast path. Arithmetic that overflows moves to `.bigInt`.
    case int(Int)
    /// Only for values outside Int's range: results are normalised back to `.int` when they fit.
    case bigInt(BigInt)
    case float(Double)
    /// Python's str is a sequence of code points: index, slice and count by `unicodeScalars`, and compare and hash
    /// by UTF-8 bytes, never with Swift's `==` on String (canonical equivalence would merge distinct strings).
    case str(String)
    case list(PyList)
    case tuple([Value])
    case dict(PyDict)
    case object(any PyObject)

    /// An int from either representation, normalised.
    public static func integer(_ big: BigInt) -> Value {
        if let small = Int(exactly: big) { return .int(small) }
        return .bigInt(big)
    }

    /// `type(x).__name__`.
    public var typeName: String {
        switch self {
        case .none: return "NoneType"
        case .bool: return "bool"
        case .int, .bigInt: return "int"
        case .float: return "float"
        case .str: return "str"
        case .list: return "list"
        case .tuple: return "tuple"
        case .dict(let d):
            switch d.flavor {
            case .plain: return "dict"
            case .defaultDict: return "defaultdict"
            case .counter: return "Counter"
            }
        case .object(let o): return o.typeName
        }
    }
}

/// A Python list: shared and mutable.
public final class PyList {
    public var items: [Value]
    public init(_ items: [Value] = []) { self.items = items }
}

/// A Python dict: insertion-ordered, keyed by Python equality (1 == 1.0 == True; str by code points).
public final class PyDict {
    public var storage: OrderedDictionary<HashKey, Value>
    /// A plain dict, or one of the dict subclasses of `collections`.
    public var flavor: DictFlavor
    public init(_ storage: OrderedDictionary<HashKey, Value> = [:], flavor: DictFlavor = .plain) {
        self.storage = storage
        self.flavor = flavor
    }
}

/// The dict subclasses a cell can make: `collections.defaultdict` (its default factory, None allowed), whose
/// missing keys are made by the factory, and `collections.Counter`, whose missing keys count 0.
public enum DictFlavor {
    case plain
    case defaultDict(Value)
    case counter

    var isCounter: Bool { if case .counter = self { true } else { false } }
    /// A defaultdict's factory.
    var factory: Value? { if case .defaultDict(let f) = self { f } else { nil } }
}

extension Value {
    /// `x is None`.
    var isNone: Bool { if case .none = self { true } else { false } }
}

/// Anything that is not a built-in scalar or container.
public protocol PyObject: AnyObject {
    /// `type(x).__name__`: "function", "range", "ndarray", "Tensor", "SentenceTransformer", ...
    var typeName: String { get }
}

/// Objects with attributes: `obj.name`, and `obj.name = value` where allowed.
public protocol PyAttributes: PyObject {
    /// nil: no such attribute (the interpreter raises AttributeError with Python's wording).
    func attribute(_ name: String, _ context: any Context) throws -> Value?
    /// false: the attribute cannot be set (AttributeError).
    func setAttribute(_ name: String, _ value: Value, _ context: any Context) throws -> Bool
    /// Names for `did you mean` hints.
    var attributeNames: [String] { get }
}

extension PyAttributes {
    public func setAttribute(_ name: String, _ value: Value, _ context: any Context) throws -> Bool { false }
}

/// Callable objects: builtins, user functions, bound methods, classes such as `SentenceTransformer`.
public protocol PyCallable: PyObject {
    func call(_ arguments: Arguments, _ context: any Context) throws -> Value
}

/// Objects with their own `repr` and `str` (arrays, tensors, ranges, dict views, ...). Without it the interpreter
/// prints `<TYPE object>`.
public protocol PyRepresentable: PyObject {
    func repr(_ context: any Context) throws -> String
    func str(_ context: any Context) throws -> String
}

extension PyRepresentable {
    public func str(_ context: any Context) throws -> String { try repr(context) }
}

/// Objects that can be iterated (`for`, `list(x)`, unpacking). Lazy iteration is not needed in this subset:
/// every iterable produces its items at once, bounded by the session's memory limit.
public protocol PyIterable: PyObject {
    func items(_ context: any Context) throws -> [Value]
}

/// Objects supporting `obj[index]` (and `obj[index] = value` where `setItem` says so).
public protocol PySubscriptable: PyObject {
    func item(_ index: Value, _ context: any Context) throws -> Value
    func setItem(_ index: Value, _ value: Value, _ context: any Context) throws
    func length(_ context: any Context) throws -> Int?
}

extension PySubscriptable {
    public func setItem(_ index: Value, _ value: Value, _ context: any Context) throws {
        throw PyError.type("'\(typeName)' object does not support item assignment")
    }
    public func length(_ context: any Context) throws -> Int? { nil }
}

/// Objects with `format(x, spec)` / f-string behaviour of their own (numpy scalars, 0-d tensors).
public protocol PyFormattable: PyObject {
    func format(_ spec: String, _ context: any Context) throws -> String
}

/// Objects that take part in arithmetic and comparison (arrays and tensors). Return nil when the operation does
/// not apply, and the interpreter raises Python's TypeError.
public protocol PyNumeric: PyObject {
    func binary(_ op: BinaryOperator, _ other: Value, reflected: Bool, _ context: any Context) throws -> Value?
    func compare(_ op: CompareOperator, _ other: Value, reflected: Bool, _ context: any Context) throws -> Value?
    func unary(_ op: UnaryOperator, _ context: any Context) throws -> Value?
    /// `bool(x)`; nil for the default (true).
    func truth(_ context: any Context) throws -> Bool?
    /// `float(x)`, `int(x)`, indices: the scalar of a one-element value; nil if it has none.
    func scalar(_ context: any Context) throws -> Value?
}
