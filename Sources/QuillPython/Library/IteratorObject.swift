// The iterators builtins return: `enumerate`, `zip`, `map`, `filter`, `reversed`, `iter`. As in Python they are
// lazy (a `map` whose function prints prints nothing until consumed) and single-use (a second `list(z)` of the
// same zip is empty). The items are produced all at once on first use, as PyIterable asks.

final class IteratorObject: PyIterable, PyAttributes {
    /// "enumerate", "zip", "map", "filter", "list_reverseiterator", ...
    let typeName: String
    private var produce: ((any Context) throws -> [Value])?
    private var buffer: [Value] = []
    private var position = 0

    init(_ typeName: String, _ produce: @escaping (any Context) throws -> [Value]) {
        self.typeName = typeName
        self.produce = produce
    }

    private func fill(_ context: any Context) throws {
        guard let produce else { return }
        self.produce = nil
        buffer = try produce(context)
    }

    /// The items not consumed yet; the iterator is exhausted afterwards.
    func items(_ context: any Context) throws -> [Value] {
        try fill(context)
        let rest = Array(buffer[position...])
        buffer = []
        position = 0
        return rest
    }

    /// `next(it)`: nil when exhausted.
    func next(_ context: any Context) throws -> Value? {
        try fill(context)
        guard position < buffer.count else { return nil }
        defer { position += 1 }
        return buffer[position]
    }

    var attributeNames: [String] { ["__next__", "__iter__"] }

    func attribute(_ name: String, _ context: any Context) throws -> Value? {
        switch name {
        case "__iter__": return BuiltinFunction.value("__iter__") { _, _ in .object(self) }
        case "__next__":
            return BuiltinFunction.value("__next__") { _, context in
                guard let v = try self.next(context) else { throw PyError(.exception("StopIteration"), "") }
                return v
            }
        default: return nil
        }
    }
}
