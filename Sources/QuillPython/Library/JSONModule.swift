// The `json` module: loads, load (from a file object), dumps, and JSONDecodeError; dump is refused (no writing).

enum JSONModule {
    static func module() -> PyModule {
        let decodeError = TypeObject("JSONDecodeError", module: "json.decoder", matches: { value in
            guard case .object(let e as ExceptionValue) = value else { return false }
            return e.type.name == "JSONDecodeError"
        })
        return PyModule("json", [
            "loads": BuiltinFunction.value("loads") { a, c in
                let slots = try Signature("loads", ["s"]).bind(Arguments(a.positional, keywords: []))
                try decoderOptions(a)
                return try loads(slots[0] ?? .none, c)
            },
            "load": BuiltinFunction.value("load") { a, c in
                let slots = try Signature("load", ["fp"]).bind(Arguments(a.positional, keywords: []))
                try decoderOptions(a)
                return try loads(c.call(c.attribute(slots[0] ?? .none, "read"), Arguments()), c)
            },
            "dumps": BuiltinFunction.value("dumps", dumps),
            "dump": BuiltinFunction.value("dump") { _, _ in throw PyError.unsupported("Quill cells cannot write files") },
            "JSONDecodeError": .object(decodeError),
        ])
    }

    /// loads()/load() keywords: the JSONDecoder options are refused by name, others as CPython does.
    private static func decoderOptions(_ arguments: Arguments) throws {
        let known = ["cls", "object_hook", "parse_float", "parse_int", "parse_constant", "object_pairs_hook", "strict"]
        for (key, _) in arguments.keywords {
            guard known.contains(key) else {
                throw PyError.type("JSONDecoder.__init__() got an unexpected keyword argument '\(key)'")
            }
            throw PyError.unsupported("json: the \(key)= option is not supported in Quill cells")
        }
    }

    static func loads(_ s: Value, _ context: any Context) throws -> Value {
        guard case .str(let text) = s else {
            throw PyError.type("the JSON object must be str, bytes or bytearray, not \(s.typeName)")
        }
        return try JSONDecoding.decode(text, context)
    }

    private static let dumpsSignature = Signature("dumps", ["obj"], keywordOnly: [
        "skipkeys", "ensure_ascii", "check_circular", "allow_nan", "cls", "indent", "separators", "default", "sort_keys"])

    /// dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True, cls=None,
    /// indent=None, separators=None, default=None, sort_keys=False).
    static func dumps(_ arguments: Arguments, _ context: any Context) throws -> Value {
        for (key, _) in arguments.keywords where !dumpsSignature.keywordOnly.contains(key) {
            throw PyError.type("JSONEncoder.__init__() got an unexpected keyword argument '\(key)'")
        }
        let slots = try dumpsSignature.bind(arguments)
        func flag(_ k: Int, _ fallback: Bool) throws -> Bool { try slots[k].map { try context.truth($0) } ?? fallback }
        func given(_ k: Int) -> Value? {
            if case .none? = slots[k] { return nil }
            return slots[k]
        }
        var encoder = JSONEncoding(context: context)
        encoder.skipKeys = try flag(1, false)
        encoder.ensureASCII = try flag(2, true)
        encoder.checkCircular = try flag(3, true)
        encoder.allowNaN = try flag(4, true)
        if given(5) != nil { throw PyError.unsupported("json: the cls= option is not supported in Quill cells") }
        switch given(6) {
        case nil: break
        case .str(let s)?: encoder.indent = s
        case let v?:
            let n = try Check.index(v, context)
            encoder.indent = String(repeating: " ", count: Swift.max(0, n))
        }
        if encoder.indent != nil { encoder.itemSeparator = "," }
        if let separators = given(7) {
            let parts = try context.iterate(separators)
            guard parts.count == 2, case .str(let item) = parts[0], case .str(let key) = parts[1] else {
                throw PyError.value("separators must be a pair of strings")
            }
            encoder.itemSeparator = item
            encoder.keySeparator = key
        }
        encoder.fallback = given(8)
        encoder.sortKeys = try flag(9, false)
        return .str(try encoder.encode(slots[0] ?? .none))
    }
}
