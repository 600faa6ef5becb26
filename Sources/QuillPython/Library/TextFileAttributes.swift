// The attributes of a text file object: its methods (read, readline, readlines, close, seek, `with`'s __enter__
// and __exit__, iteration's __iter__ and __next__) and data (name, mode, closed, encoding), with CPython's
// argument checks.

extension TextFile {
    var attributeNames: [String] {
        ["close", "closed", "encoding", "mode", "name", "read", "readable", "readline", "readlines", "seek",
         "writable", "write", "writelines", "__enter__", "__exit__", "__iter__", "__next__"]
    }

    func attribute(_ attribute: String, _ context: any Context) throws -> Value? {
        func method(_ body: @escaping (Arguments, any Context) throws -> Value) -> Value {
            .object(BuiltinFunction(attribute, typeName: "builtin_function_or_method", body))
        }
        switch attribute {
        case "name": return .str(name)
        case "mode": return .str("r")
        case "closed": return .bool(closed)
        case "encoding": return .str(encodingName)
        case "read":
            return method { a, c in .str(try self.read(TextFile.size("read", a, c, style: .integerOrNone))) }
        case "readline":
            return method { a, c in .str(try self.readLine(TextFile.size("readline", a, c, style: .index))) }
        case "readlines":
            return method { a, c in
                let lines = try self.readLines(TextFile.size("readlines", a, c, style: .integerOrNone))
                return .list(PyList(lines.map { .str($0) }))
            }
        case "close": return method { a, _ in try Check.noKeywords("close", a); self.close(); return .none }
        case "readable": return method { _, _ in .bool(true) }
        case "writable": return method { _, _ in .bool(false) }
        case "write", "writelines":
            return method { _, _ in throw PyError.unsupported("Quill cells cannot write files") }
        case "seek":
            return method { a, c in
                let args = try Check.expected("seek", a, min: 1, max: 2)
                guard try Check.index(args[0], c) == 0, args.count == 1 else {
                    throw PyError.unsupported("seek() in Quill cells only goes back to the start: seek(0)")
                }
                try self.rewind()
                return .int(0)
            }
        case "__enter__":
            return method { _, _ in
                if self.closed { throw PyError.value("I/O operation on closed file.") }
                return .object(self)
            }
        case "__exit__": return method { _, _ in self.close(); return .none }
        case "__iter__": return method { _, _ in .object(self) }
        case "__next__":
            return method { _, _ in
                let line = try self.readLine()
                if line.isEmpty { throw PyError(.exception("StopIteration"), "") }
                return .str(line)
            }
        default: return nil
        }
    }

    enum SizeStyle { case integerOrNone, index }

    /// The optional size argument: read/readlines say "argument should be integer or None, not 'str'",
    /// readline says "'str' object cannot be interpreted as an integer".
    static func size(_ name: String, _ arguments: Arguments, _ context: any Context, style: SizeStyle) throws -> Int? {
        try Check.noKeywords(name, arguments)
        let args = try Check.expected(name, arguments, min: 0, max: 1)
        guard let v = args.first else { return nil }
        if case .none = v { return nil }
        switch (style, v) {
        case (.integerOrNone, .float), (.integerOrNone, .str), (.integerOrNone, .list), (.integerOrNone, .tuple),
             (.integerOrNone, .dict):
            throw PyError.type("argument should be integer or None, not '\(v.typeName)'")
        default: return try Check.index(v, context)
        }
    }
}
