// dict.keys(), dict.values(), dict.items(): live views of their dict (a key added later shows in an earlier view),
// printing as `dict_keys(['a'])`, with len, iteration, reversed() and `in`.

final class DictView: PyIterable, PySubscriptable, PyRepresentable, PyContainer {
    enum Kind: Sendable { case keys, values, items }

    let dict: PyDict
    let kind: Kind

    init(_ dict: PyDict, _ kind: Kind) {
        self.dict = dict
        self.kind = kind
    }

    var typeName: String {
        switch kind {
        case .keys: return "dict_keys"
        case .values: return "dict_values"
        case .items: return "dict_items"
        }
    }

    func items(_ context: any Context) throws -> [Value] {
        switch kind {
        case .keys: return dict.storage.keys.map(\.value)
        case .values: return Array(dict.storage.values)
        case .items: return dict.storage.elements.map { .tuple([$0.key.value, $0.value]) }
        }
    }

    func length(_ context: any Context) throws -> Int? { dict.storage.count }

    func item(_ index: Value, _ context: any Context) throws -> Value {
        throw PyError.type("'\(typeName)' object is not subscriptable")
    }

    func repr(_ context: any Context) throws -> String {
        "\(typeName)(\(try context.repr(.list(PyList(items(context))))))"
    }

    /// Keys and items by hash lookup (an unhashable key is a TypeError, as in CPython); values by ==.
    func contains(_ value: Value, _ context: any Context) throws -> Bool {
        switch kind {
        case .keys:
            return dict.storage[try HashKey(value)] != nil
        case .items:
            guard case .tuple(let pair) = value, pair.count == 2, let v = dict.storage[try HashKey(pair[0])] else {
                return false
            }
            return try ListMethods.same(v, pair[1], context)
        case .values:
            for v in dict.storage.values where try ListMethods.same(v, value, context) { return true }
            return false
        }
    }
}
