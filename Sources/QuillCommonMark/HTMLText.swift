// Escaping text for HTML and making heading ids: the two things every HTML writer of Quill needs.

/// HTML escaping for text and for attribute values (quoted with `"`).
public enum HTMLText {
    /// `&`, `<`, `>`, `"` and `'` as entities: safe in element content and in quoted attribute values. NUL (which
    /// HTML parsers refuse) becomes U+FFFD.
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\u{0}": out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// Unique ids for headings, GitHub style: lower case, letters and digits kept (any script), spaces and `-` as `-`,
/// everything else dropped; a repeated id gets `-1`, `-2`, ...
public struct HeadingIDs: Sendable {
    private var taken: Set<String>

    public init(reserved: Set<String> = []) { taken = reserved }

    public static func slug(_ text: String) -> String {
        var out = ""
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType == .decimal || scalar == "_" {
                out.unicodeScalars.append(scalar)
            } else if scalar == " " || scalar == "-" {
                out += "-"
            }
        }
        return out.isEmpty ? "section" : out
    }

    /// The slug of `text`, made unique among the ids given so far.
    public mutating func next(for text: String) -> String {
        let base = Self.slug(text)
        var id = base, n = 0
        while taken.contains(id) {
            n += 1
            id = "\(base)-\(n)"
        }
        taken.insert(id)
        return id
    }
}
