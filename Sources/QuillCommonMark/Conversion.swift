// The only file that touches cmark_node*: walks cmark's tree with its own iterator into `Node` values.
// cmark (commonmark/cmark, Debian libcmark 0.30) parses; nothing here recurses, so depth is unbounded.

import QuillCMark

enum Conversion {
    /// cmark's own version string, e.g. "0.30.2".
    static var cmarkVersion: String { cmark_version_string().map { String(cString: $0) } ?? "unknown" }

    /// Parses `bytes` and returns its nodes in preorder. The cmark tree is freed before returning.
    /// - Throws: `CommonMarkError.parserFailed` when cmark returns no tree or iterator (out of memory).
    static func nodes(parsing bytes: [UInt8]) throws(CommonMarkError) -> [Node] {
        let options = CMARK_OPT_SOURCEPOS | CMARK_OPT_VALIDATE_UTF8
        let root: OpaquePointer? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    cmark_parse_document($0, buffer.count, options)
                }
            } ?? cmark_parse_document("", 0, options)
        }
        guard let root else {
            throw .parserFailed("cmark_parse_document returned no document (out of memory)")
        }
        defer { cmark_node_free(root) }
        guard let iterator = cmark_iter_new(root) else {
            throw .parserFailed("cmark_iter_new returned no iterator (out of memory)")
        }
        defer { cmark_iter_free(iterator) }

        var nodes: [Node] = []
        var stack: [Int] = []  // indices of the open ancestors
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            if event == CMARK_EVENT_EXIT {
                _ = stack.popLast()
                continue
            }
            nodes.append(convert(node, depth: stack.count, parent: stack.last))
            // Leaf types get no EXIT event from cmark's iterator; all others do, even when empty.
            if !isLeafType(node) { stack.append(nodes.count - 1) }
        }
        return nodes
    }

    /// cmark's S_is_leaf (iterator.c).
    private static func isLeafType(_ node: OpaquePointer) -> Bool {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_BLOCK, CMARK_NODE_THEMATIC_BREAK, CMARK_NODE_TEXT,
             CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE:
            return true
        default:
            return false
        }
    }

    private static func convert(_ node: OpaquePointer, depth: Int, parent: Int?) -> Node {
        let typeName = cmark_node_get_type_string(node).map { String(cString: $0) } ?? "unknown"
        let kind = NodeKind(rawValue: typeName) ?? .unknown
        let range = SourceRange(
            SourcePosition(line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node))),
            SourcePosition(line: Int(cmark_node_get_end_line(node)), column: Int(cmark_node_get_end_column(node))))
        var result = Node(kind: kind, range: range, depth: depth, parent: parent)
        switch kind {
        case .codeBlock:
            result.literal = string(cmark_node_get_literal(node))
            result.info = string(cmark_node_get_fence_info(node))
        case .text, .code, .htmlBlock, .htmlInline:
            result.literal = string(cmark_node_get_literal(node))
        case .heading:
            result.headingLevel = Int(cmark_node_get_heading_level(node))
        default:
            break
        }
        return result
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }
}
