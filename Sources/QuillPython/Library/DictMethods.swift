// The methods of dict: get items keys values pop popitem update setdefault copy clear, and the class method
// fromkeys. Keys are HashKeys (Python equality: 1 == 1.0 == True, str by code points).

enum DictMethods {
    static let names = ["clear", "copy", "fromkeys", "get", "items", "keys", "pop", "popitem", "setdefault", "update",
                        "values"]

    static func call(_ name: String, _ dict: PyDict, _ arguments: Arguments, _ context: any Context) throws -> Value {
        if name != "update" { try Check.noKeywords("dict.\(name)", arguments) }
        switch name {
        case "get":
            let a = try Check.expected("get", arguments, min: 1, max: 2)
            return dict.storage[try HashKey(a[0])] ?? (a.count > 1 ? a[1] : .none)
        case "keys", "values", "items":
            try none(name, arguments)
            let kind: DictView.Kind = name == "keys" ? .keys : name == "values" ? .values : .items
            return .object(DictView(dict, kind))
        case "pop":
            let a = try Check.expected("pop", arguments, min: 1, max: 2)
            let key = try HashKey(a[0])
            if let v = dict.storage.removeValue(forKey: key) { return v }
            if a.count > 1 { return a[1] }
            throw try missing(a[0], context)
        case "popitem":
            try none(name, arguments)
            guard let last = dict.storage.elements.last else {
                throw PyError.key("'popitem(): dictionary is empty'")
            }
            dict.storage.removeLast()
            return .tuple([last.key.value, last.value])
        case "setdefault":
            let a = try Check.expected("setdefault", arguments, min: 1, max: 2)
            let key = try HashKey(a[0])
            if let v = dict.storage[key] { return v }
            let v = a.count > 1 ? a[1] : .none
            try context.reserve(dict.storage.count + 1)
            dict.storage[key] = v
            return v
        case "update":
            let a = try Check.expected("update", arguments, min: 0, max: 1)
            if let source = a.first { try Conversions.update(dict, from: source, context) }
            for (key, value) in arguments.keywords { dict.storage[try HashKey(.str(key))] = value }
            try context.reserve(dict.storage.count)
        case "copy":
            try none(name, arguments)
            return .dict(PyDict(dict.storage, flavor: dict.flavor))
        case "fromkeys":
            return try fromkeys(arguments, context)
        case "clear":
            try none(name, arguments)
            dict.storage.removeAll()
        default:
            throw PyError.attribute("'dict' object has no attribute '\(name)'")
        }
        return .none
    }

    /// KeyError with the key's repr as its message, as CPython prints it: "KeyError: 'k'".
    static func missing(_ key: Value, _ context: any Context) throws -> PyError {
        PyError.key(try context.repr(key))
    }

    private static func none(_ name: String, _ arguments: Arguments) throws {
        if !arguments.positional.isEmpty {
            throw PyError.type("dict.\(name)() takes no arguments (\(arguments.positional.count) given)")
        }
    }

    /// dict.fromkeys(iterable, value=None).
    static func fromkeys(_ arguments: Arguments, _ context: any Context) throws -> Value {
        try Check.noKeywords("dict.fromkeys", arguments)
        let a = try Check.expected("fromkeys", arguments, min: 1, max: 2)
        let value = a.count > 1 ? a[1] : .none
        let result = PyDict()
        let keys = try context.iterate(a[0])
        try context.reserve(keys.count)
        for key in keys { result.storage[try HashKey(key)] = value }
        return .dict(result)
    }
}
