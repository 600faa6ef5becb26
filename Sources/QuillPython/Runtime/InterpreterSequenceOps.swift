// `+` and `*` on str, list and tuple, and `str % args`: new values bounded by the session's memory limit, and
// CPython's wording when the other operand does not fit.

import BigInt

extension Interpreter {
    /// nil when neither operand is a sequence this applies to.
    func sequenceBinary(_ op: BinaryOperator, _ a: Value, _ b: Value) throws -> Value? {
        switch op {
        case .add: return try concatenate(a, b)
        case .multiply:
            if isSequence(a) { return try repeated(a, b) }
            if isSequence(b) { return try repeated(b, a) }
            return nil
        case .modulo:
            if case .str(let template) = a { return .str(try PercentFormat.format(template, b, self)) }
            return nil
        default: return nil
        }
    }

    private func isSequence(_ v: Value) -> Bool {
        switch v {
        case .str, .list, .tuple: return true
        default: return false
        }
    }

    private func concatenate(_ a: Value, _ b: Value) throws -> Value? {
        switch (a, b) {
        case (.str(let x), .str(let y)):
            try reserveString(bytes: x.utf8.count + y.utf8.count)
            return .str(x + y)
        case (.list(let x), .list(let y)):
            try reserve(x.items.count + y.items.count)
            return .list(PyList(x.items + y.items))
        case (.tuple(let x), .tuple(let y)):
            try reserve(x.count + y.count)
            return .tuple(x + y)
        case (.str, _), (.list, _), (.tuple, _):
            if case .object(let o) = b, o is PyNumeric { return nil }
            throw PyError.type("can only concatenate \(a.typeName) (not \"\(b.typeName)\") to \(a.typeName)")
        default: return nil
        }
    }

    /// The int a sequence is repeated by; nil when `v` is not an int.
    func repeatCount(_ v: Value) throws -> Int? {
        switch v {
        case .int(let n): return n
        case .bool(let b): return b ? 1 : 0
        case .bigInt(let n):
            if n.sign == .minus { return 0 }
            throw PyError.overflow("cannot fit 'int' into an index-sized integer")
        default: return nil
        }
    }

    private func repeated(_ sequence: Value, _ times: Value) throws -> Value? {
        guard let n = try repeatCount(times) else {
            if case .object(let o) = times, o is PyNumeric { return nil }
            throw PyError.type("can't multiply sequence by non-int of type '\(times.typeName)'")
        }
        let count = max(n, 0)
        switch sequence {
        case .str(let s):
            let (bytes, o) = s.utf8.count.multipliedReportingOverflow(by: count)
            if o { throw PyError.memory("a string of more than \(Int.max) bytes passes the cell's memory bound") }
            try reserveString(bytes: bytes)
            return .str(count == 0 ? "" : String(repeating: s, count: count))
        case .list(let list):
            return .list(PyList(try repeatedItems(list.items, count)))
        case .tuple(let items):
            return .tuple(try repeatedItems(items, count))
        default: return nil
        }
    }

    func repeatedItems(_ items: [Value], _ count: Int) throws -> [Value] {
        let (total, o) = items.count.multipliedReportingOverflow(by: count)
        if o { throw PyError.memory("a sequence of more than \(Int.max) elements passes the cell's memory bound") }
        try reserve(total)
        if items.count == 1 { return [Value](repeating: items[0], count: count) }
        var result: [Value] = []
        result.reserveCapacity(total)
        for _ in 0..<count { result.append(contentsOf: items) }
        return result
    }
}
