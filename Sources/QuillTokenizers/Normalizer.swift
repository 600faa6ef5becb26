// Normalizers from tokenizer.json, applied to a piece of text as an array of Unicode scalars.
// Mirrors tokenizers/src/normalizers/{bert,unicode,strip,replace,prepend,utils,precompiled}.rs (huggingface/tokenizers).

import Foundation

/// A text normalizer. Works on scalars, never on `Character`s, so combining marks and emoji stay separate.
indirect enum Normalizer: Sendable {
    /// BertNormalizer: clean_text, then handle_chinese_chars, then strip_accents (NFD, drop Mn), then lowercase.
    case bert(cleanText: Bool, handleChineseChars: Bool, stripAccents: Bool, lowercase: Bool)
    case sequence([Normalizer])
    case nfc, nfd, nfkc, nfkd
    case lowercase
    case strip(left: Bool, right: Bool)
    case stripAccents
    case replace(pattern: [Unicode.Scalar], content: [Unicode.Scalar])
    /// Replace with a `Regex` pattern (the subset in ReplaceRegex.swift).
    case replaceRegex(ReplaceRegex, content: [Unicode.Scalar])
    case prepend([Unicode.Scalar])
    /// SentencePiece's compiled character map (XLM-R's nmt_nfkc).
    case precompiled(PrecompiledCharsmap)

    static let supportedTypes = ["BertNormalizer", "Sequence", "NFC", "NFD", "NFKC", "NFKD", "Lowercase", "Strip",
                                 "StripAccents", "Replace (String pattern, or Regex of literals, anchors and quantifiers)",
                                 "Prepend", "Precompiled"]

    func normalize(_ text: [Unicode.Scalar]) -> [Unicode.Scalar] {
        switch self {
        case let .bert(cleanText, handleChineseChars, stripAccents, lowercase):
            var out: [Unicode.Scalar] = []
            out.reserveCapacity(text.count)
            for c in text {
                if cleanText {
                    if c.value == 0 || c.value == 0xFFFD { continue }
                    let keptControl = c.value == 0x09 || c.value == 0x0A || c.value == 0x0D
                    if !keptControl && c.isOtherControlFormatPrivate { continue }
                    if keptControl || c.isWhiteSpace {
                        out.append(" ")
                        continue
                    }
                }
                if handleChineseChars && c.isBertChineseCharacter {
                    out.append(" ")
                    out.append(c)
                    out.append(" ")
                } else {
                    out.append(c)
                }
            }
            if stripAccents { out = Normalizer.decompose(out, .nfd).filter { !$0.isNonspacingMark } }
            if lowercase { out = lowercased(out) }
            return out
        case .sequence(let normalizers):
            return normalizers.reduce(text) { $1.normalize($0) }
        case .nfc: return Normalizer.decompose(text, .nfc)
        case .nfd: return Normalizer.decompose(text, .nfd)
        case .nfkc: return Normalizer.decompose(text, .nfkc)
        case .nfkd: return Normalizer.decompose(text, .nfkd)
        case .lowercase: return lowercased(text)
        case let .strip(left, right):
            var start = 0, end = text.count
            if left { while start < end && text[start].isWhiteSpace { start += 1 } }
            if right { while end > start && text[end - 1].isWhiteSpace { end -= 1 } }
            return Array(text[start..<end])
        case .stripAccents:
            return text.filter { !$0.isMark }
        case let .replace(pattern, content):
            return replaceAll(text, pattern, content)
        case let .replaceRegex(pattern, content):
            return pattern.replace(in: text, with: content)
        case .prepend(let prefix):
            return text.isEmpty ? text : prefix + text
        case .precompiled(let charsmap):
            return charsmap.normalize(text)
        }
    }

    enum Form { case nfc, nfd, nfkc, nfkd }

    /// Unicode normalization through Foundation. ASCII-only text is returned as is (every form leaves it alone).
    static func decompose(_ text: [Unicode.Scalar], _ form: Form) -> [Unicode.Scalar] {
        if text.allSatisfy({ $0.value < 0x80 }) { return text }
        let s = text.string
        let result: String
        switch form {
        case .nfc: result = s.precomposedStringWithCanonicalMapping
        case .nfd: result = s.decomposedStringWithCanonicalMapping
        case .nfkc: result = s.precomposedStringWithCompatibilityMapping
        case .nfkd: result = s.decomposedStringWithCompatibilityMapping
        }
        return Array(result.unicodeScalars)
    }
}

/// Every non-overlapping occurrence of `pattern` (left to right) replaced by `content`.
func replaceAll(_ text: [Unicode.Scalar], _ pattern: [Unicode.Scalar], _ content: [Unicode.Scalar]) -> [Unicode.Scalar] {
    guard !pattern.isEmpty else { return text }
    var out: [Unicode.Scalar] = []
    out.reserveCapacity(text.count)
    var i = 0
    while i < text.count {
        if text[i] == pattern[0] && i + pattern.count <= text.count && text[i..<(i + pattern.count)].elementsEqual(pattern) {
            out.append(contentsOf: content)
            i += pattern.count
        } else {
            out.append(text[i])
            i += 1
        }
    }
    return out
}
