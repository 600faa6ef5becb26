// Lays out a formatted number as CPython's calc_number_widths and fill_number do:
//   [left padding][sign][prefix][sign padding][grouped digits][.][remainder][right padding]
// Zero padding with '=' alignment ("010,") pads inside the digits, so the grouping separators continue into the
// zeros: format(1234, '010,') is '00,001,234'.

struct NumberLayout {
    var negative: Bool
    /// "0x", "0b", "0o" (alternate form); upper-cased with the digits for 'X'.
    var prefix = ""
    /// The integer digits (ASCII), grouped.
    var digits: Substring
    var hasDecimalPoint = false
    /// What follows the point (or the digits): fraction, exponent, '%', "inf", or the character of 'c'.
    var remainder: Substring = ""

    func render(_ spec: FormatSpec) -> String {
        var signText = ""
        switch spec.sign {
        case "+": signText = negative ? "-" : "+"
        case " ": signText = negative ? "-" : " "
        default: signText = negative ? "-" : ""
        }
        let nonDigits = signText.count + prefix.count + (hasDecimalPoint ? 1 : 0) + remainder.unicodeScalars.count
        let zeroPadded = spec.fill == "0" && spec.align == "="
        let minWidth = zeroPadded ? spec.width - nonDigits : 0
        let grouped: String
        if digits.isEmpty {
            grouped = ""
        } else {
            switch spec.grouping {
            case .none: grouped = Self.group(digits, minWidth: minWidth, separator: nil, size: 0)
            case .comma: grouped = Self.group(digits, minWidth: minWidth, separator: ",", size: 3)
            case .underscore: grouped = Self.group(digits, minWidth: minWidth, separator: "_", size: 3)
            case .underscoreFour: grouped = Self.group(digits, minWidth: minWidth, separator: "_", size: 4)
            }
        }
        let padding = max(0, spec.width - (nonDigits + grouped.utf8.count))
        var left = 0, inner = 0, right = 0
        switch spec.align {
        case "<": right = padding
        case "^": left = padding / 2; right = padding - left
        case "=": inner = padding
        default: left = padding
        }
        let fill = String(Character(spec.fill))
        var out = String(repeating: fill, count: left) + signText + prefix + String(repeating: fill, count: inner)
        out += grouped
        if hasDecimalPoint { out += "." }
        out += remainder
        out += String(repeating: fill, count: right)
        return out
    }

    /// Groups `digits` from the right in groups of `size` (no grouping when `separator` is nil), padding on the
    /// left with zeros (continuing the groups) until the result is at least `minWidth` long.
    static func group(_ digits: Substring, minWidth: Int, separator: Character?, size: Int) -> String {
        let chars = Array(digits.utf8)
        var remaining = chars.count
        var minWidth = max(0, minWidth)
        guard let separator else {
            let length = max(remaining, minWidth, 1)
            return String(repeating: "0", count: length - remaining) + digits
        }
        var pieces: [String] = []
        while true {
            let length = min(size, max(remaining, minWidth, 1))
            let zeros = max(0, length - remaining)
            let taken = max(0, min(remaining, length))
            let piece = String(repeating: "0", count: zeros)
                + String(decoding: chars[(remaining - taken)..<remaining], as: UTF8.self)
            pieces.append(piece)
            remaining -= taken
            minWidth -= length
            if remaining <= 0 && minWidth <= 0 { break }
            minWidth -= 1
        }
        return pieces.reversed().joined(separator: String(separator))
    }
}
