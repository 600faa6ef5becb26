// A parsed CommonMark document as a flat, preorder list of nodes.
//
// Why flat: a recursive tree of Swift values deinitializes recursively and overflows the stack on
// 25,000 nested block quotes (swift-markdown #275). The node list is walked out of cmark's own
// iterator (no recursion) and every node records its depth and parent instead of owning children.

/// The kinds of node cmark produces (cmark.h `cmark_node_type`).
public enum NodeKind: String, Sendable, Hashable {
    case document, blockQuote = "block_quote", list, item, codeBlock = "code_block", htmlBlock = "html_block"
    case customBlock = "custom_block", paragraph, heading, thematicBreak = "thematic_break"
    case text, softBreak = "softbreak", lineBreak = "linebreak", code, htmlInline = "html_inline"
    case customInline = "custom_inline", emphasis = "emph", strong, link, image
    case unknown

    public var isBlock: Bool {
        switch self {
        case .document, .blockQuote, .list, .item, .codeBlock, .htmlBlock, .customBlock, .paragraph, .heading,
             .thematicBreak:
            return true
        default:
            return false
        }
    }
}

/// One node of the document. Children follow their parent in `Document.nodes` with `depth + 1`.
public struct Node: Sendable, Hashable {
    public var kind: NodeKind
    /// Where the node is in the source; inline nodes may have no position (cmark reports 0:0).
    public var range: SourceRange
    /// 0 for the document, 1 for its top-level blocks.
    public var depth: Int
    /// Index of the parent in `Document.nodes`; nil for the document.
    public var parent: Int?
    /// Code blocks, code spans, text and HTML: the literal content (NULs already replaced by U+FFFD).
    public var literal: String?
    /// Code blocks: the info string ("" for indented blocks and bare fences).
    public var info: String?
    /// Headings: 1...6.
    public var headingLevel: Int?
}

/// Errors from reading Markdown input before or during parsing.
public enum CommonMarkError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Refused before cmark sees it: cmark aborts the process when an allocation fails.
    case inputTooLarge(bytes: Int, limit: Int)
    /// cmark gave no result (it allocates with abort-on-failure, so this is not expected in practice).
    case parserFailed(String)

    public var description: String {
        switch self {
        case .inputTooLarge(let bytes, let limit):
            return "input of \(bytes) bytes is larger than the limit of \(limit) bytes"
        case .parserFailed(let reason):
            return "the Markdown parser failed: \(reason)"
        }
    }
}

/// A parsed document plus the line table that maps cmark's line numbers to byte offsets in the input.
public struct Document: Sendable {
    /// The default input cap: far above any notebook, far below what makes cmark's allocator abort.
    public static let defaultByteLimit = 16 << 20

    /// The version of the libcmark this process is linked against ("0.30.2" on Debian 12), as cmark reports it
    /// at run time (`cmark_version_string`), so that a silent upgrade or downgrade of the system library shows.
    /// Supported: 0.30.x and 0.31.x (docs/reliability.md); 0.30.2's quadratic cases are guarded before parsing.
    public static var cmarkVersion: String { Conversion.cmarkVersion }

    public private(set) var nodes: [Node]
    /// Byte offset of the start of each line (index 0 is line 1) in the bytes given to `parse`,
    /// with a leading UTF-8 BOM counted. Lines end at "\n", "\r\n" or a lone "\r", as in cmark.
    public let lineStarts: [Int]
    /// Total byte count of the input.
    public let byteCount: Int

    /// Parses `bytes` with source positions on and UTF-8 validation (invalid bytes become U+FFFD).
    /// - Throws: `CommonMarkError.inputTooLarge` before calling cmark when the input is over `byteLimit`.
    public static func parse(_ bytes: [UInt8], byteLimit: Int = Document.defaultByteLimit) throws -> Document {
        guard bytes.count <= byteLimit else {
            throw CommonMarkError.inputTooLarge(bytes: bytes.count, limit: byteLimit)
        }
        let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let body = Array(bytes[bom...])
        let nodes = try Conversion.nodes(parsing: body)
        return Document(nodes: nodes, lineStarts: lineTable(bytes, from: bom), byteCount: bytes.count)
    }

    /// The line table of `bytes` under cmark's line-ending rules, first line starting at `start`.
    public static func lineTable(_ bytes: [UInt8], from start: Int = 0) -> [Int] {
        var starts = [start]
        var i = start
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x0A {
                starts.append(i + 1)
            } else if b == 0x0D {
                if i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
                starts.append(i + 1)
            }
            i += 1
        }
        return starts
    }

    /// The number of lines (a final line terminator does not start a new line).
    public var lineCount: Int {
        lineStarts.last == byteCount && lineStarts.count > 1 ? lineStarts.count - 1 : lineStarts.count
    }

    /// Byte range of whole lines `first...last` (1-based), including the last line's terminator.
    public func byteRange(lines first: Int, _ last: Int) -> Range<Int> {
        let lo = lineStarts[max(0, min(first - 1, lineStarts.count - 1))]
        let hi = last < lineStarts.count ? lineStarts[max(0, last)] : byteCount
        return lo..<max(lo, hi)
    }

    /// The top-level blocks (children of the document), in order.
    public var topLevelBlocks: [Node] { nodes.filter { $0.depth == 1 } }
}
