// The tuple-like values torch returns: `torch.Size([3, 384])` (a tensor's shape, a tuple of ints that prints
// its own way) and the named pairs of topk, sort, max(dim) and min(dim) (`torch.return_types.topk(values=...,
// indices=...)`), which unpack as (values, indices) and have `.values` and `.indices`.

public final class TorchSize: PyRepresentable, PySubscriptable, PyIterable, PyNumeric {
    public let dims: [Int]

    public init(_ dims: [Int]) { self.dims = dims }

    public var typeName: String { "Size" }

    public func repr(_ context: any Context) throws -> String { TorchPrinter.sizeRepr(dims) }

    public func item(_ index: Value, _ context: any Context) throws -> Value {
        if case .object(let slice as PySlice) = index {
            let (start, step, count) = try SliceBounds.resolve(slice, length: dims.count)
            return .object(TorchSize((0..<count).map { dims[start + $0 * step] }))
        }
        guard let i = try ArrayIndex.integer(index) else {
            throw PyError.type("tuple indices must be integers or slices, not \(index.typeName)")
        }
        let j = i < 0 ? i + dims.count : i
        guard dims.indices.contains(j) else { throw PyError.index("tuple index out of range") }
        return .int(dims[j])
    }

    public func length(_ context: any Context) throws -> Int? { dims.count }

    public func items(_ context: any Context) throws -> [Value] { dims.map { .int($0) } }

    public func binary(_ op: BinaryOperator, _ other: Value, reflected: Bool, _ context: any Context) throws -> Value? { nil }

    /// Equal to a tuple or a Size of the same ints; `n in size`.
    public func compare(_ op: CompareOperator, _ other: Value, reflected: Bool, _ context: any Context) throws -> Value? {
        switch op {
        case .equal, .notEqual:
            guard let items = TorchSize.ints(other) else { return .bool(op == .notEqual) }
            return .bool((items == dims) == (op == .equal))
        case .in, .notIn:
            guard reflected else { return nil }
            let found = try dims.contains { try context.equals(.int($0), other) }
            return .bool(found == (op == .in))
        default:
            return nil
        }
    }

    private static func ints(_ v: Value) -> [Int]? {
        switch v {
        case .object(let size as TorchSize): return size.dims
        case .tuple(let items):
            var result: [Int] = []
            for item in items {
                guard case .int(let i) = item else { return nil }
                result.append(i)
            }
            return result
        default: return nil
        }
    }

    public func unary(_ op: UnaryOperator, _ context: any Context) throws -> Value? { nil }
    public func truth(_ context: any Context) throws -> Bool? { !dims.isEmpty }
    public func scalar(_ context: any Context) throws -> Value? { nil }
}

/// `torch.return_types.topk(values=..., indices=...)` and its kin.
public final class TorchReturnPair: PyRepresentable, PyAttributes, PySubscriptable, PyIterable {
    /// "topk", "sort", "max", "min".
    public let name: String
    public let values: PyArray
    public let indices: PyArray

    public init(_ name: String, values: PyArray, indices: PyArray) {
        self.name = name
        self.values = values
        self.indices = indices
    }

    public var typeName: String { name }

    public func repr(_ context: any Context) throws -> String {
        "torch.return_types.\(name)(\nvalues=\(values.repr),\nindices=\(indices.repr))"
    }

    public var attributeNames: [String] { ["indices", "values"] }

    public func attribute(_ name: String, _ context: any Context) throws -> Value? {
        switch name {
        case "values": return .object(values)
        case "indices": return .object(indices)
        default: return nil
        }
    }

    public func item(_ index: Value, _ context: any Context) throws -> Value {
        let pair: [Value] = [.object(values), .object(indices)]
        if case .object(let slice as PySlice) = index {
            let (start, step, count) = try SliceBounds.resolve(slice, length: 2)
            return .tuple((0..<count).map { pair[start + $0 * step] })
        }
        guard let i = try ArrayIndex.integer(index) else {
            throw PyError.type("tuple indices must be integers or slices, not \(index.typeName)")
        }
        guard i >= -2 && i < 2 else { throw PyError.index("tuple index out of range") }
        return pair[i < 0 ? i + 2 : i]
    }

    public func length(_ context: any Context) throws -> Int? { 2 }

    public func items(_ context: any Context) throws -> [Value] { [.object(values), .object(indices)] }
}
