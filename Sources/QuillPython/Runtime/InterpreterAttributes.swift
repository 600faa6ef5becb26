// `obj.name` and `obj.name = value`: methods of str, list, dict, tuple, int and float as bound functions, the
// numbers' data attributes, attributes of functions and of objects that have them, and AttributeError in
// CPython's words with a `did you mean` hint.

extension Interpreter {
    func attribute(_ value: Value, _ name: String) throws -> Value {
        switch value {
        case .str(let s) where StrMethods.names.contains(name):
            return bound(name) { args, ctx in try StrMethods.call(name, s, args, ctx) }
        case .list(let l) where ListMethods.names.contains(name):
            return bound(name) { args, ctx in try ListMethods.call(name, l, args, ctx) }
        case .dict(let d) where CollectionsModule.overrides(d, name):
            return bound(name) { args, ctx in try CollectionsModule.callCounter(name, d, args, ctx) }
        case .dict(let d) where name == "default_factory" && d.flavor.factory != nil:
            return d.flavor.factory ?? .none
        case .dict(let d) where DictMethods.names.contains(name):
            return bound(name) { args, ctx in try DictMethods.call(name, d, args, ctx) }
        case .tuple(let t) where name == "count" || name == "index":
            return bound(name) { args, ctx in try Self.tupleMethod(name, t, args, ctx) }
        case .int, .bigInt, .bool:
            guard case .int(let n)? = Arithmetic.number(value) else { break }
            if NumberMethods.intMethods.contains(name) {
                return bound(name) { args, _ in try NumberMethods.callInt(name, n, args) }
            }
            if let v = NumberMethods.intAttribute(n, name) { return v }
        case .float(let d):
            if NumberMethods.floatMethods.contains(name) {
                return bound(name) { args, _ in try NumberMethods.callFloat(name, d, args) }
            }
            if let v = NumberMethods.floatAttribute(d, name) { return v }
        case .object(let o as PyAttributes):
            if let v = try o.attribute(name, self) { return v }
            if let m = o as? PyModule {
                throw PyError.attribute("module '\(m.name)' has no attribute '\(name)'")
                    .hinted(Suggestions.closest(to: name, among: o.attributeNames))
            }
            throw PyError.attribute("'\(value.typeName)' object has no attribute '\(name)'")
                .hinted(Suggestions.closest(to: name, among: o.attributeNames))
        default:
            break
        }
        throw PyError.attribute("'\(value.typeName)' object has no attribute '\(name)'")
            .hinted(Suggestions.closest(to: name, among: methodNames(value)))
    }

    func setAttribute(_ target: Value, _ name: String, _ value: Value) throws {
        if case .object(let o as PyAttributes) = target, try o.setAttribute(name, value, self) { return }
        if (try? attribute(target, name)) != nil {
            throw PyError.attribute("'\(target.typeName)' object attribute '\(name)' is read-only")
        }
        throw PyError.attribute("'\(target.typeName)' object has no attribute '\(name)'")
    }

    private func methodNames(_ value: Value) -> [String] {
        switch value {
        case .str: return StrMethods.names
        case .list: return ListMethods.names
        case .dict(let d):
            return DictMethods.names + (d.flavor.isCounter ? CollectionsModule.counterMethods
                                        : d.flavor.factory != nil ? ["default_factory"] : [])
        case .tuple: return ["count", "index"]
        case .int, .bigInt, .bool: return NumberMethods.intMethods + NumberMethods.intAttributes
        case .float: return NumberMethods.floatMethods + NumberMethods.floatAttributes
        default: return []
        }
    }

    private func bound(_ name: String, _ body: @escaping (Arguments, any Context) throws -> Value) -> Value {
        .object(BuiltinFunction(name, body))
    }

    private static func tupleMethod(_ name: String, _ items: [Value], _ args: Arguments, _ ctx: any Context) throws -> Value {
        guard args.keywords.isEmpty else { throw PyError.type("tuple.\(name)() takes no keyword arguments") }
        guard let needle = args.positional.first, args.positional.count == 1 else {
            throw PyError.type("\(name)() takes exactly one argument (\(args.positional.count) given)")
        }
        if name == "count" { return .int(try items.filter { try ctx.equals($0, needle) }.count) }
        for (i, item) in items.enumerated() where try ctx.equals(item, needle) { return .int(i) }
        throw PyError.value("tuple.index(x): x not in tuple")
    }
}

extension PyError {
    func hinted(_ suggestion: String?) -> PyError {
        var e = self
        if let suggestion { e.hint = "did you mean '\(suggestion)'?" }
        return e
    }
}
