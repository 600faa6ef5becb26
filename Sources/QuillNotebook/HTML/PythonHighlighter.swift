// Python syntax highlighting for the HTML page: a small tokenizer (not the cell language's parser, which stops at
// the first error) that marks keywords, builtins, strings (prefixes, triple quotes, f-strings), numbers, comments and
// decorators as <span>s. Every byte of the source is escaped; unknown or broken code is still shown as it is.

import QuillCommonMark

enum PythonHighlighter {
    static let keywords: Set<String> = [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
        "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
        "not", "or", "pass", "raise", "return", "try", "while", "with", "yield", "match", "case",
    ]
    static let builtins: Set<String> = [
        "abs", "all", "any", "bool", "dict", "enumerate", "filter", "float", "format", "int", "isinstance", "len",
        "list", "map", "max", "min", "open", "print", "range", "repr", "reversed", "round", "set", "sorted", "str",
        "sum", "tuple", "type", "zip", "self", "table", "heatmap", "bar_chart", "scatter", "throughput",
    ]

    /// `source` as HTML: escaped text with `<span class="k|b|s|n|c|d">` around the tokens that have a colour.
    static func html(_ source: String) -> String {
        let s = Array(source.unicodeScalars)
        var out = ""
        var i = 0
        func emit(_ range: Range<Int>, _ cls: String?) {
            let text = HTMLText.escape(String(String.UnicodeScalarView(s[range])))
            out += cls.map { "<span class=\"\($0)\">\(text)</span>" } ?? text
        }
        while i < s.count {
            let c = s[i]
            if c == "#" {
                let end = s[i...].firstIndex(where: { $0 == "\n" }) ?? s.count
                emit(i..<end, "c"); i = end
            } else if let end = stringEnd(s, i) {
                emit(i..<end, "s"); i = end
            } else if isDigit(c) || (c == "." && i + 1 < s.count && isDigit(s[i + 1])) {
                var end = i + 1
                while end < s.count, isNumberPart(s[end]) || ((s[end] == "+" || s[end] == "-") && "eE".unicodeScalars.contains(s[end - 1]) && !isHex(s, i)) {
                    end += 1
                }
                emit(i..<end, "n"); i = end
            } else if isIdentifierStart(c) {
                var end = i + 1
                while end < s.count, isIdentifierStart(s[end]) || isDigit(s[end]) { end += 1 }
                let word = String(String.UnicodeScalarView(s[i..<end]))
                let afterDot = i > 0 && s[i - 1] == "."
                emit(i..<end, keywords.contains(word) ? "k" : (!afterDot && builtins.contains(word)) ? "b" : nil)
                i = end
            } else if c == "@", i == 0 || s[i - 1] == "\n" || s[i - 1] == " " {
                var end = i + 1
                while end < s.count, isIdentifierStart(s[end]) || isDigit(s[end]) || s[end] == "." { end += 1 }
                emit(i..<end, end > i + 1 ? "d" : nil); i = end
            } else {
                emit(i..<i + 1, nil); i += 1
            }
        }
        return out
    }

    /// The end of the string literal starting at `i` (an optional prefix such as `f`, `rb`, then a quote), or nil.
    static func stringEnd(_ s: [Unicode.Scalar], _ i: Int) -> Int? {
        var q = i
        while q < s.count, q - i < 2, "rRbBuUfF".unicodeScalars.contains(s[q]) { q += 1 }
        guard q < s.count, s[q] == "\"" || s[q] == "'" else { return nil }
        if q > i, i > 0, isIdentifierStart(s[i - 1]) || isDigit(s[i - 1]) { return nil }
        let quote = s[q]
        let triple = q + 2 < s.count && s[q + 1] == quote && s[q + 2] == quote
        var k = q + (triple ? 3 : 1)
        while k < s.count {
            // A backslash keeps the next character in the string, in raw strings too (r"\"" is one string).
            if s[k] == "\\" { k += 2; continue }
            if !triple, s[k] == "\n" { return k }
            if s[k] == quote {
                if !triple { return k + 1 }
                if k + 2 < s.count, s[k + 1] == quote, s[k + 2] == quote { return k + 3 }
            }
            k += 1
        }
        return s.count
    }

    static func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }
    static func isNumberPart(_ c: Unicode.Scalar) -> Bool {
        isDigit(c) || c == "." || c == "_" || ("a"..."z").contains(c) || ("A"..."Z").contains(c)
    }
    static func isHex(_ s: [Unicode.Scalar], _ i: Int) -> Bool {
        s[i] == "0" && i + 1 < s.count && (s[i + 1] == "x" || s[i + 1] == "X")
    }
    static func isIdentifierStart(_ c: Unicode.Scalar) -> Bool {
        c == "_" || ("a"..."z").contains(c) || ("A"..."Z").contains(c) || (c.value > 127 && c.properties.isAlphabetic)
    }
}
