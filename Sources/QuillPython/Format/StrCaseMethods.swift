// str's case methods (lower upper casefold swapcase title capitalize) with Python's full Unicode mappings and its
// final-sigma rule, and the character-class predicates (isdigit isalpha isupper istitle ...).

extension StrMethods {
    static let caseMethods: [String: Method] = [
        "lower": mapping("lower") { s in CaseMapping.lower(s) },
        "upper": mapping("upper") { s in s.flatMap(CaseMapping.upper) },
        "casefold": mapping("casefold") { s in s.flatMap(CaseMapping.fold) },
        "swapcase": mapping("swapcase") { s in CaseMapping.swapcase(s) },
        "title": mapping("title") { s in CaseMapping.title(s) },
        "capitalize": mapping("capitalize") { s in CaseMapping.capitalize(s) },
        "isupper": predicate("isupper") { s in CaseMapping.isUpper(s) },
        "islower": predicate("islower") { s in CaseMapping.isLower(s) },
        "istitle": predicate("istitle") { s in CaseMapping.isTitle(s) },
        "isspace": predicate("isspace") { s in !s.isEmpty && s.allSatisfy(UnicodeData.isSpace) },
        "isdigit": predicate("isdigit") { s in !s.isEmpty && s.allSatisfy(UnicodeData.isDigit) },
        "isdecimal": predicate("isdecimal") { s in !s.isEmpty && s.allSatisfy(UnicodeData.isDecimal) },
        "isnumeric": predicate("isnumeric") { s in !s.isEmpty && s.allSatisfy(UnicodeData.isNumeric) },
        "isalpha": predicate("isalpha") { s in !s.isEmpty && s.allSatisfy(UnicodeData.isAlpha) },
        "isalnum": predicate("isalnum") { s in !s.isEmpty && s.allSatisfy(UnicodeData.isAlnum) },
        "isascii": predicate("isascii") { s in s.allSatisfy(\.isASCII) },
        "isprintable": predicate("isprintable") { s in s.allSatisfy(UnicodeData.isPrintable) },
    ]

    private static func mapping(_ name: String, _ body: @escaping @Sendable ([Unicode.Scalar]) -> [Unicode.Scalar]) -> Method {
        { s, a, _ in
            try StrArguments.none(name, a)
            var out = String.UnicodeScalarView()
            out.append(contentsOf: body(Array(s.unicodeScalars)))
            return .str(String(out))
        }
    }

    private static func predicate(_ name: String, _ body: @escaping @Sendable ([Unicode.Scalar]) -> Bool) -> Method {
        { s, a, _ in
            try StrArguments.none(name, a)
            return .bool(body(Array(s.unicodeScalars)))
        }
    }
}

/// Python's case rules over code points (Unicode 14.0: later code points are left alone).
enum CaseMapping {
    static func upper(_ c: Unicode.Scalar) -> [Unicode.Scalar] { full(c, \.uppercaseMapping) }

    static func title(_ c: Unicode.Scalar) -> [Unicode.Scalar] { full(c, \.titlecaseMapping) }

    /// Full case folding: the lower case of the upper case, except where that differs from CaseFolding.txt
    /// (Cherokee letters fold to the capitals, capital sharp s to "ss", dotless i to itself).
    static func fold(_ c: Unicode.Scalar) -> [Unicode.Scalar] {
        if c.isASCII { return full(c, \.lowercaseMapping) }
        guard UnicodeData.isAssigned(c) else { return [c] }
        switch c.value {
        case 0x13A0...0x13F5, 0x131: return [c]
        case 0x13F8...0x13FD, 0xAB70...0xABBF: return upper(c)
        case 0x1E9E: return ["s", "s"]
        default: break
        }
        return upper(c).flatMap { full($0, \.lowercaseMapping) }
    }

    /// lower() with the final-sigma rule: Σ becomes ς at the end of a word (after a cased letter, and not
    /// before one, ignoring case-ignorable characters between).
    static func lower(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(s.count)
        for i in s.indices { out.append(contentsOf: lower(s, i)) }
        return out
    }

    static func lower(_ s: [Unicode.Scalar], _ i: Int) -> [Unicode.Scalar] {
        if s[i] == "\u{3A3}" { return [finalSigma(s, i) ? "\u{3C2}" : "\u{3C3}"] }
        return full(s[i], \.lowercaseMapping)
    }

    static func swapcase(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        for i in s.indices {
            if UnicodeData.isUpper(s[i]) {
                out.append(contentsOf: lower(s, i))
            } else if UnicodeData.isLower(s[i]) {
                out.append(contentsOf: upper(s[i]))
            } else {
                out.append(s[i])
            }
        }
        return out
    }

    /// Title case after an uncased character, lower case after a cased one.
    static func title(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        var previousCased = false
        for i in s.indices {
            out.append(contentsOf: previousCased ? lower(s, i) : title(s[i]))
            previousCased = isCased(s[i])
        }
        return out
    }

    static func capitalize(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        guard let first = s.first else { return [] }
        return title(first) + s.indices.dropFirst().flatMap { lower(s, $0) }
    }

    static func isUpper(_ s: [Unicode.Scalar]) -> Bool {
        var cased = false
        for c in s {
            if UnicodeData.isLower(c) || UnicodeData.isTitlecase(c) { return false }
            if UnicodeData.isUpper(c) { cased = true }
        }
        return cased
    }

    static func isLower(_ s: [Unicode.Scalar]) -> Bool {
        var cased = false
        for c in s {
            if UnicodeData.isUpper(c) || UnicodeData.isTitlecase(c) { return false }
            if UnicodeData.isLower(c) { cased = true }
        }
        return cased
    }

    static func isTitle(_ s: [Unicode.Scalar]) -> Bool {
        var cased = false, previousCased = false
        for c in s {
            if UnicodeData.isUpper(c) || UnicodeData.isTitlecase(c) {
                if previousCased { return false }
                previousCased = true; cased = true
            } else if UnicodeData.isLower(c) {
                if !previousCased { return false }
                previousCased = true; cased = true
            } else {
                previousCased = false
            }
        }
        return cased
    }

    private static func isCased(_ c: Unicode.Scalar) -> Bool { UnicodeData.isAssigned(c) && c.properties.isCased }

    private static func isCaseIgnorable(_ c: Unicode.Scalar) -> Bool {
        UnicodeData.isAssigned(c) && c.properties.isCaseIgnorable
    }

    private static func finalSigma(_ s: [Unicode.Scalar], _ i: Int) -> Bool {
        var j = i - 1
        while j >= 0 && isCaseIgnorable(s[j]) { j -= 1 }
        guard j >= 0 && isCased(s[j]) else { return false }
        j = i + 1
        while j < s.count && isCaseIgnorable(s[j]) { j += 1 }
        return j == s.count || !isCased(s[j])
    }

    private static func full(_ c: Unicode.Scalar, _ mapping: KeyPath<Unicode.Scalar.Properties, String>) -> [Unicode.Scalar] {
        if c.isASCII {
            let v = c.value
            if mapping == \.lowercaseMapping { return [v >= 65 && v <= 90 ? Unicode.Scalar(v + 32)! : c] }
            return [v >= 97 && v <= 122 ? Unicode.Scalar(v - 32)! : c]
        }
        guard UnicodeData.isAssigned(c) else { return [c] }
        let mapped = Array(c.properties[keyPath: mapping].unicodeScalars)
        // A mapping to a code point Unicode 14.0 does not have is a newer mapping: CPython 3.11 has none.
        return mapped.allSatisfy(UnicodeData.isAssigned) ? mapped : [c]
    }
}
