// The builtin type objects: int, float, str, bool, list, tuple, dict, type (and NoneType, range, functions, ... by
// name through TypeRegistry). Each converts when called and answers isinstance; str, list and dict also hand out
// their methods unbound (`str.lower`, `list.append`, `dict.fromkeys`).

enum BuiltinTypes {
    static let int = TypeObject("int", matches: { v in
        switch v {
        case .int, .bigInt, .bool: return true
        default: return false
        }
    }, construct: Conversions.int)

    static let float = TypeObject("float", matches: { if case .float = $0 { return true } else { return false } },
                                  construct: Conversions.float)

    static let bool = TypeObject("bool", matches: { if case .bool = $0 { return true } else { return false } },
                                 construct: Conversions.bool)

    static let str = TypeObject("str", matches: { if case .str = $0 { return true } else { return false } },
                                members: StrMethods.names, member: { name in
        TypeObject.unboundMethod("str", name, { if case .str(let s) = $0 { return s } else { return nil } }) { s, a, c in
            try StrMethods.call(name, s, a, c)
        }
    }, construct: Conversions.str)

    static let list = TypeObject("list", matches: { if case .list = $0 { return true } else { return false } },
                                 members: ListMethods.names, member: { name in
        TypeObject.unboundMethod("list", name, { if case .list(let l) = $0 { return l } else { return nil } }) { l, a, c in
            try ListMethods.call(name, l, a, c)
        }
    }, construct: Conversions.list)

    static let tuple = TypeObject("tuple", matches: { if case .tuple = $0 { return true } else { return false } },
                                  construct: Conversions.tuple)

    static let dict = TypeObject("dict", matches: { if case .dict = $0 { return true } else { return false } },
                                 members: DictMethods.names, member: { name in
        if name == "fromkeys" { return BuiltinFunction.value("fromkeys", DictMethods.fromkeys) }
        return TypeObject.unboundMethod("dict", name, { if case .dict(let d) = $0 { return d } else { return nil } }) { d, a, c in
            try DictMethods.call(name, d, a, c)
        }
    }, construct: Conversions.dict)

    static let type = TypeObject("type", matches: { v in
        if case .object(let o) = v { return o is TypeObject }
        return false
    }, construct: { arguments, _ in
        try Check.noKeywords("type", arguments)
        switch arguments.positional.count {
        case 1: return .object(BuiltinTypes.type(of: arguments.positional[0]))
        case 3: throw PyError.unsupported("classes are not supported in Quill cells (type() with three arguments makes one)")
        default: throw PyError.type("type() takes 1 or 3 arguments")
        }
    })

    /// `object`: every value is an instance.
    static let object = TypeObject("object", matches: { _ in true }, construct: { arguments, _ in
        throw PyError.unsupported("object() instances are not supported in Quill cells")
    })

    static let all: [TypeObject] = [int, float, bool, str, list, tuple, dict, type, object]

    /// `type(x)`.
    static func type(of value: Value) -> TypeObject {
        switch value {
        case .bool: return bool
        case .int, .bigInt: return int
        case .float: return float
        case .str: return str
        case .list: return list
        case .tuple: return tuple
        case .dict(let d):
            switch d.flavor {
            case .plain: return dict
            case .defaultDict: return CollectionsModule.defaultdictType
            case .counter: return CollectionsModule.counterType
            }
        case .none: return TypeRegistry.type(named: "NoneType")
        case .object(let o):
            if o is TypeObject { return type }
            if let e = o as? ExceptionValue { return e.type }
            if let t = BuiltinsIteration.types.first(where: { $0.name == o.typeName }) { return t }
            return TypeRegistry.type(of: o)
        }
    }
}
