// open(): read-only text files, confined to the notebook's folder (the context's dataDirectory). A path is taken
// relative to that folder, symbolic links are resolved, and the real file must lie inside it. Writing modes,
// binary mode and other encodings are clear errors; files above `maxBytes` are refused.

import Foundation

enum FileFunctions {
    /// The most bytes one open() reads.
    static let maxBytes = 64 << 20

    static func functions() -> [String: Value] {
        ["open": BuiltinFunction.value("open", open)]
    }

    private static let signature = Signature("open", ["file", "mode", "buffering", "encoding", "errors", "newline",
                                                      "closefd", "opener"], required: 1)

    /// open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None).
    static func open(_ arguments: Arguments, _ context: any Context) throws -> Value {
        let slots = try signature.bind(arguments)
        func text(_ k: Int) throws -> String? {
            switch slots[k] {
            case nil, .none?: return nil
            case .str(let s)?: return s
            case let v?: throw PyError.type("open() argument '\(signature.parameters[k])' must be str or None, not \(v.typeName)")
            }
        }
        guard case .str(let path)? = slots[0] else {
            throw PyError.type("expected str, bytes or os.PathLike object, not \(slots[0]?.typeName ?? "NoneType")")
        }
        try checkMode(try text(1) ?? "r")
        let encodingName = try text(3)
        let encoding = try encodingName.map { name in
            guard let e = TextDecoding.encoding(name) else {
                throw PyError.unsupported("open: the encoding '\(name)' is not supported in Quill cells (utf-8, utf-8-sig, ascii and latin-1 are)")
            }
            return e
        } ?? .utf8
        let errors: TextDecoding.Errors
        switch try text(4) {
        case nil, "strict"?: errors = .strict
        case "replace"?: errors = .replace
        case "ignore"?: errors = .ignore
        case let other?: throw PyError.unsupported("open: errors='\(other)' is not supported in Quill cells (strict, replace and ignore are)")
        }
        let newline = try text(5)
        if let newline, !["", "\n", "\r", "\r\n"].contains(newline) {
            throw PyError.value("illegal newline value: \(newline)")
        }
        let url = try confined(path, context)
        let bytes = try readBytes(url, path, context)
        return .object(TextFile(name: path, encodingName: encodingName ?? "UTF-8", newline: newline) {
            try TextDecoding.decode(bytes, encoding, errors)
        })
    }

    /// Text reading modes only: 'r', 'rt', 'tr'. CPython's "invalid mode" for malformed ones.
    private static func checkMode(_ mode: String) throws {
        let letters = Array(mode)
        let known: Set<Character> = ["r", "w", "a", "x", "+", "b", "t"]
        let kinds = letters.filter { "rwax".contains($0) }.count
        guard letters.allSatisfy(known.contains), Set(letters).count == letters.count, kinds == 1,
              !(letters.contains("b") && letters.contains("t")) else {
            throw PyError.value("invalid mode: '\(mode)'")
        }
        if letters.contains(where: { "wax+".contains($0) }) { throw PyError.unsupported("Quill cells cannot write files") }
        if letters.contains("b") { throw PyError.unsupported("binary files are not supported in Quill cells (open them in text mode)") }
    }

    private static func outside(_ path: String, _ context: any Context) throws -> PyError {
        PyError.unsupported("open: \(try context.repr(.str(path))) is outside the notebook's folder; Quill cells read files only there")
    }

    /// The real location of `path`, which must exist and lie inside the data folder after resolving links.
    static func confined(_ path: String, _ context: any Context) throws -> URL {
        guard let folder = context.dataDirectory else {
            throw PyError.unsupported("open: this session has no data folder, so Quill cells cannot read files")
        }
        let given = folder.standardizedFileURL.path
        let base = realPath(given) ?? given
        let candidate = path.hasPrefix("/") ? URL(fileURLWithPath: path).standardizedFileURL.path
            : URL(fileURLWithPath: base).appendingPathComponent(path).standardizedFileURL.path
        func inside(_ p: String) -> Bool {
            [base, given].contains { p == $0 || p.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }
        }
        if inside(candidate) { context.noteFileRead(candidate) }
        let resolved = realPath(candidate)
        let code = errno
        guard let real = resolved else {
            if !inside(candidate) { throw try outside(path, context) }
            let quoted = try context.repr(.str(path))
            if code == EACCES { throw PyError(.exception("PermissionError"), "[Errno 13] Permission denied: \(quoted)") }
            throw PyError(.exception("FileNotFoundError"), "[Errno 2] No such file or directory: \(quoted)")
        }
        guard real == base || real.hasPrefix(base.hasSuffix("/") ? base : base + "/") else {
            throw try outside(path, context)
        }
        return URL(fileURLWithPath: real)
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func readBytes(_ url: URL, _ path: String, _ context: any Context) throws -> [UInt8] {
        let quoted = try context.repr(.str(path))
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw PyError(.exception("IsADirectoryError"), "[Errno 21] Is a directory: \(quoted)")
        }
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
        guard attributes?[.type] as? FileAttributeType == .typeRegular else {
            throw PyError.unsupported("open: \(quoted) is not a regular file; Quill cells read only regular files")
        }
        let size = attributes?[.size] as? Int ?? 0
        guard size <= maxBytes else {
            throw PyError.unsupported("open: \(quoted) has \(size) bytes; Quill cells read files of at most 64 MiB")
        }
        try context.reserve(size / 8)
        guard let handle = FileHandle(forReadingAtPath: url.path) else {
            throw PyError(.exception("PermissionError"), "[Errno 13] Permission denied: \(quoted)")
        }
        defer { try? handle.close() }
        let data = (try handle.readToEnd()) ?? Data()
        guard data.count <= maxBytes else {
            throw PyError.unsupported("open: \(quoted) has more than 64 MiB; Quill cells read files of at most 64 MiB")
        }
        return [UInt8](data)
    }
}
