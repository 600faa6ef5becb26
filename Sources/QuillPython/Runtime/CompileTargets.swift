// Compiling assignment targets: names, `a, *b = ...` unpacking with CPython's messages, `x[i] = v`, `obj.name = v`;
// augmented assignment (`+=` on a list extends it in place); and `del` of names, items and slices.

extension Compiler {
    typealias StoreCode = (Frame, Value) throws -> Void

    func storeTarget(_ target: Expr) throws -> StoreCode {
        let interp = self.interp
        switch target {
        case .name(let name, _):
            return store(name)
        case .tuple(let items, let loc), .list(let items, let loc):
            return try unpacking(items, loc)
        case .subscript(let container, let index, let loc):
            let c = try expression(container), i = try subscriptIndex(index)
            return { f, v in
                let object = try c(f), key = try i(f)
                do { try interp.setItem(object, key, v) } catch let e as PyError { throw e.at(loc) }
            }
        case .attribute(let object, let name, let loc):
            let o = try expression(object)
            return { f, v in
                let target = try o(f)
                do { try interp.setAttribute(target, name, v) } catch let e as PyError { throw e.at(loc) }
            }
        case .starred(_, let loc):
            throw PyError.syntax("starred assignment target must be in a list or tuple", at: loc)
        default:
            throw PyError.syntax("cannot assign to expression", at: target.loc)
        }
    }

    private func unpacking(_ items: [Expr], _ loc: Loc) throws -> StoreCode {
        let starIndex = items.firstIndex { if case .starred = $0 { return true } else { return false } }
        let stores = try items.map { item -> StoreCode in
            if case .starred(let inner, _) = item { return try storeTarget(inner) }
            return try storeTarget(item)
        }
        let interp = self.interp
        let count = items.count
        return { f, v in
            let values: [Value]
            do {
                switch v {
                case .tuple(let t): values = t
                case .list(let l): values = l.items
                default:
                    guard interp.isIterable(v) else { throw PyError.type("cannot unpack non-iterable \(v.typeName) object") }
                    values = try interp.iterate(v)
                }
                if let star = starIndex {
                    guard values.count >= count - 1 else {
                        throw PyError.value("not enough values to unpack (expected at least \(count - 1), got \(values.count))")
                    }
                    let after = count - 1 - star
                    for k in 0..<star { try stores[k](f, values[k]) }
                    try stores[star](f, .list(PyList(Array(values[star..<(values.count - after)]))))
                    for k in 0..<after { try stores[star + 1 + k](f, values[values.count - after + k]) }
                    return
                }
                guard values.count == count else {
                    if values.count > count { throw PyError.value("too many values to unpack (expected \(count))") }
                    throw PyError.value("not enough values to unpack (expected \(count), got \(values.count))")
                }
            } catch let e as PyError { throw e.at(loc) }
            for k in 0..<count { try stores[k](f, values[k]) }
        }
    }

    func augmentedAssignment(_ target: Expr, _ op: BinaryOperator, _ value: Expr, _ loc: Loc) throws -> StmtCode {
        let interp = self.interp
        let rhs = try expression(value)
        switch target {
        case .name(let name, let nameLoc):
            let get = load(name, nameLoc), set = store(name)
            if op == .add {
                return { f in
                    let a = try get(f), b = try rhs(f)
                    if case .int(let x) = a, case .int(let y) = b {
                        let (r, o) = x.addingReportingOverflow(y)
                        if !o { set(f, .int(r)); return .normal }
                    }
                    do { set(f, try interp.inPlace(op, a, b)) } catch let e as PyError { throw e.at(loc) }
                    return .normal
                }
            }
            return { f in
                let a = try get(f), b = try rhs(f)
                do { set(f, try interp.inPlace(op, a, b)) } catch let e as PyError { throw e.at(loc) }
                return .normal
            }
        case .subscript(let container, let index, _):
            let c = try expression(container), i = try subscriptIndex(index)
            return { f in
                let object = try c(f), key = try i(f)
                do {
                    let old = try interp.item(object, key)
                    let b = try rhs(f)
                    try interp.setItem(object, key, try interp.inPlace(op, old, b))
                } catch let e as PyError { throw e.at(loc) }
                return .normal
            }
        case .attribute(let object, let name, _):
            let o = try expression(object)
            return { f in
                let target = try o(f)
                do {
                    let old = try interp.attribute(target, name)
                    let b = try rhs(f)
                    try interp.setAttribute(target, name, try interp.inPlace(op, old, b))
                } catch let e as PyError { throw e.at(loc) }
                return .normal
            }
        default:
            throw PyError.syntax("'\(target.kindDescription)' is an illegal expression for augmented assignment", at: target.loc)
        }
    }

    func deletion(_ target: Expr) throws -> (Frame) throws -> Void {
        let interp = self.interp
        switch target {
        case .name(let name, let loc):
            let code = delete(name, loc)
            return { f in _ = try code(f) }
        case .tuple(let items, _), .list(let items, _):
            let codes = try items.map(deletion)
            return { f in for code in codes { try code(f) } }
        case .subscript(let container, let index, let loc):
            let c = try expression(container), i = try subscriptIndex(index)
            return { f in
                let object = try c(f), key = try i(f)
                do { try interp.deleteItem(object, key) } catch let e as PyError { throw e.at(loc) }
            }
        case .attribute(let object, let name, let loc):
            let o = try expression(object)
            return { f in
                let v = try o(f)
                throw PyError.attribute("'\(v.typeName)' object has no attribute '\(name)'").at(loc)
            }
        default:
            throw PyError.syntax("cannot delete expression", at: target.loc)
        }
    }
}

extension Expr {
    /// How CPython names an expression kind in "illegal expression" messages.
    var kindDescription: String {
        switch self {
        case .tuple: return "tuple"
        case .list: return "list"
        case .call: return "function call"
        default: return "expression"
        }
    }
}
