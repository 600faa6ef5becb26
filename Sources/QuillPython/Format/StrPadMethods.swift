// str's trimming and padding: strip lstrip rstrip (whitespace, or any of the given characters), center ljust
// rjust (with a fill character, centring as CPython does: the odd space goes left when the width is odd), zfill
// (zeros after a sign) and expandtabs (columns reset at \n and \r).

extension StrMethods {
    static let padMethods: [String: Method] = [
        "strip": { s, a, _ in try strip("strip", s, a, left: true, right: true) },
        "lstrip": { s, a, _ in try strip("lstrip", s, a, left: true, right: false) },
        "rstrip": { s, a, _ in try strip("rstrip", s, a, left: false, right: true) },
        "center": { s, a, c in try pad("center", s, a, c) },
        "ljust": { s, a, c in try pad("ljust", s, a, c) },
        "rjust": { s, a, c in try pad("rjust", s, a, c) },
        "zfill": { s, a, c in try zfill(s, a, c) },
        "expandtabs": { s, a, c in try expandtabs(s, a, c) },
    ]

    private static func strip(_ name: String, _ s: String, _ a: Arguments, left: Bool, right: Bool) throws -> Value {
        let args = try StrArguments.positional(name, a, 0, 1)
        let remove: (Unicode.Scalar) -> Bool
        switch args.first {
        case nil, .none?: remove = UnicodeData.isSpace
        case .str(let chars)?:
            let set = Set(chars.unicodeScalars)
            remove = { set.contains($0) }
        default: throw PyError.type("\(name) arg must be None or str")
        }
        let chars = Array(s.unicodeScalars)
        var start = 0, end = chars.count
        if left { while start < end && remove(chars[start]) { start += 1 } }
        if right { while end > start && remove(chars[end - 1]) { end -= 1 } }
        if start == 0 && end == chars.count { return .str(s) }
        return .str(String(String.UnicodeScalarView(chars[start..<end])))
    }

    private static func pad(_ name: String, _ s: String, _ a: Arguments, _ context: any Context) throws -> Value {
        let args = try StrArguments.positional(name, a, 1, 2)
        let width = try StrArguments.index(args[0], context)
        var fill: Unicode.Scalar = " "
        if args.count > 1 {
            guard case .str(let f) = args[1] else {
                throw PyError.type("The fill character must be a unicode character, not \(args[1].typeName)")
            }
            guard f.unicodeScalars.count == 1, let c = f.unicodeScalars.first else {
                throw PyError.type("The fill character must be exactly one character long")
            }
            fill = c
        }
        let length = s.unicodeScalars.count
        guard width > length else { return .str(s) }
        if width > 1 << 16 { try context.reserve(width) }
        let margin = width - length
        let left: Int
        switch name {
        case "center": left = margin / 2 + (margin & width & 1)
        case "rjust": left = margin
        default: left = 0
        }
        let f = String(Character(fill))
        return .str(String(repeating: f, count: left) + s + String(repeating: f, count: margin - left))
    }

    private static func zfill(_ s: String, _ a: Arguments, _ context: any Context) throws -> Value {
        if !a.keywords.isEmpty { throw PyError.type("str.zfill() takes no keyword arguments") }
        guard a.positional.count == 1 else {
            throw PyError.type("str.zfill() takes exactly one argument (\(a.positional.count) given)")
        }
        let width = try StrArguments.index(a.positional[0], context)
        var chars = Array(s.unicodeScalars)
        guard width > chars.count else { return .str(s) }
        if width > 1 << 16 { try context.reserve(width) }
        let fill = width - chars.count
        var sign: Unicode.Scalar?
        if let first = chars.first, first == "+" || first == "-" { sign = first; chars.removeFirst() }
        var out = String.UnicodeScalarView()
        if let sign { out.append(sign) }
        out.append(contentsOf: repeatElement("0", count: fill))
        out.append(contentsOf: chars)
        return .str(String(out))
    }

    private static func expandtabs(_ s: String, _ a: Arguments, _ context: any Context) throws -> Value {
        let slots = try StrArguments.keywords("expandtabs", a, ["tabsize"])
        let tabsize = try slots[0].map { try StrArguments.index($0, context) } ?? 8
        var out = String.UnicodeScalarView()
        var column = 0
        for c in s.unicodeScalars {
            if c == "\t" {
                guard tabsize > 0 else { continue }
                let spaces = tabsize - column % tabsize
                if spaces > 1 << 16 { try context.reserve(spaces) }
                out.append(contentsOf: repeatElement(" ", count: spaces))
                column += spaces
            } else {
                out.append(c)
                column = c == "\n" || c == "\r" ? 0 : column + 1
            }
        }
        return .str(String(out))
    }
}
