// Format specs for f-string placeholders: a subset of Python's format mini-language.
//
//   spec -> [[fill] align] [sign] ["0"] [width] [","] ["." precision] [type]
//   align -> "<" | ">" | "^"      sign -> "+" | "-" | " "      type -> "f" | "e" | "%" | "d" | "s"
//
// Numbers are formatted by C's printf on the Double value, which rounds correctly (as CPython does).

import Foundation

struct FormatSpec: Sendable, Equatable {
    var fill: Character = " "
    var align: Character?
    var sign: Character = "-"
    var zeroPad = false
    var width = 0
    var grouping = false
    var precision: Int?
    var type: Character?

    /// - Throws: `ValueError` naming the problem.
    init(_ text: String) throws {
        var chars = Array(text)
        var k = 0
        func peek(_ offset: Int = 0) -> Character? { k + offset < chars.count ? chars[k + offset] : nil }
        if let second = peek(1), "<>^".contains(second) {
            fill = chars[0]
            align = second
            k = 2
        } else if let first = peek(), "<>^".contains(first) {
            align = first
            k = 1
        }
        if let c = peek(), "+- ".contains(c) { sign = c; k += 1 }
        if peek() == "0" { zeroPad = true; k += 1 }
        var digits = ""
        while let c = peek(), c.isASCII, c.isNumber { digits.append(c); k += 1 }
        if !digits.isEmpty {
            guard let w = Int(digits), w <= 1000 else { throw ValueError("width \(digits) is too large") }
            width = w
        }
        if peek() == "," { grouping = true; k += 1 }
        if peek() == "." {
            k += 1
            var p = ""
            while let c = peek(), c.isASCII, c.isNumber { p.append(c); k += 1 }
            guard !p.isEmpty, let value = Int(p), value <= 100 else {
                throw ValueError("bad precision in format spec '\(text)'", hint: "write e.g. .4f")
            }
            precision = value
        }
        if let c = peek(), "fFeE%ds".contains(c) { type = c; k += 1 }
        guard k == chars.count else {
            chars = Array(chars[k...])
            throw ValueError("bad format spec '\(text)' (unexpected '\(String(chars))')",
                             hint: "specs look like .4f, >8.2f, .1%, 5d or <20s")
        }
    }

    func format(_ value: Value) throws -> String {
        let body: String
        switch (value, type) {
        case (.string(let s), nil), (.string(let s), "s"):
            guard precision == nil else { throw ValueError("precision is not allowed with a string") }
            body = s
        case (.string, _):
            throw ValueError("format spec '\(String(type ?? "?"))' needs a number, got a string")
        case (.int(let v), nil), (.int(let v), "d"):
            body = signed(v < 0, grouped(String(v.magnitude)))
        case (.int(let v), _):
            body = try formatDouble(Double(v))
        case (.float(let v), "d"):
            throw ValueError("format spec 'd' needs an integer, got \(Value.shortest(v))", hint: "use .0f to round a number")
        case (.float(let v), _):
            body = try formatDouble(v)
        case (.bool, nil), (.list, nil), (.pair, nil), (.record, nil), (.matrix, nil), (.model, nil), (.none, nil):
            body = value.printed
        default:
            throw ValueError("format spec '\(String(type ?? "?"))' cannot format \(value.describedType)")
        }
        return pad(body, numeric: value.number != nil)
    }

    private func formatDouble(_ v: Double) throws -> String {
        if v.isNaN { return "nan" }
        if v.isInfinite { return signed(v < 0, "inf") }
        switch type {
        case "s": throw ValueError("format spec 's' needs a string, got a number")
        case "e", "E":
            let s = String(format: "%.\(precision ?? 6)\(type == "E" ? "E" : "e")", v.magnitude)
            return signed(v.sign == .minus, s)
        case "%":
            let s = String(format: "%.\(precision ?? 6)f", (v * 100).magnitude)
            return signed(v.sign == .minus && s.contains(where: { "123456789".contains($0) }), grouped(s)) + "%"
        case "f", "F":
            let s = String(format: "%.\(precision ?? 6)f", v.magnitude)
            return signed(v.sign == .minus, grouped(s))
        default:
            if let precision {
                return signed(v.sign == .minus, grouped(String(format: "%.\(precision)f", v.magnitude)))
            }
            return signed(v.sign == .minus, Value.shortest(v.magnitude))
        }
    }

    private func signed(_ negative: Bool, _ s: String) -> String {
        if negative { return "-" + s }
        switch sign {
        case "+": return "+" + s
        case " ": return " " + s
        default: return s
        }
    }

    private func grouped(_ s: String) -> String {
        guard grouping else { return s }
        let parts = s.split(separator: ".", maxSplits: 1)
        var integer = Array(parts[0])
        var out: [Character] = []
        while integer.count > 3 {
            out = [","] + integer.suffix(3) + out
            integer.removeLast(3)
        }
        return String(integer + out) + (parts.count > 1 ? "." + parts[1] : "")
    }

    private func pad(_ s: String, numeric: Bool) -> String {
        let missing = width - s.count
        guard missing > 0 else { return s }
        if zeroPad, align == nil, numeric {
            let negative = s.first == "-" || s.first == "+" || s.first == " "
            let head = negative ? String(s.prefix(1)) : ""
            return head + String(repeating: "0", count: missing) + s.dropFirst(head.count)
        }
        let filler = { (n: Int) in String(repeating: self.fill, count: n) }
        switch align ?? (numeric ? ">" : "<") {
        case ">": return filler(missing) + s
        case "^": return filler(missing / 2) + s + filler(missing - missing / 2)
        default: return s + filler(missing)
        }
    }
}
