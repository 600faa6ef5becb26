// Markdown to HTML by libcmark's own renderer (cmark_render_html), with three changes made in cmark's tree first:
// chosen code blocks are replaced by HTML the caller made (a notebook's cells), others are dropped (expected-output
// blocks), and every heading gets a unique `id`. Raw HTML is dropped as cmark drops it ("<!-- raw HTML omitted -->")
// unless `unsafe` is set (CMARK_OPT_UNSAFE). Nothing here recurses.

import QuillCMark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A heading of a rendered document: level 1...6, its plain text, and the `id` it was given.
public struct HTMLHeading: Sendable, Equatable {
    public var level: Int
    public var text: String
    public var id: String
}

/// What `Document.renderHTML` returns: the HTML fragment and the headings, in document order.
public struct HTMLFragment: Sendable {
    public var html: String
    public var headings: [HTMLHeading]
}

extension Document {
    /// Renders `bytes` (Markdown) to an HTML fragment.
    /// - Parameters:
    ///   - replacing: code blocks by their first line (1-based, as `Node.range`): the HTML put in their place, as is.
    ///   - dropping: first lines of code blocks left out.
    ///   - reservedIDs: ids the page uses elsewhere; heading ids avoid them.
    public static func renderHTML(_ bytes: [UInt8], unsafe: Bool = false, replacing: [Int: String] = [:],
                                  dropping: Set<Int> = [], reservedIDs: Set<String> = []) -> HTMLFragment {
        let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let body = Array(bytes[bom...])
        let parseOptions = CMARK_OPT_SOURCEPOS | CMARK_OPT_VALIDATE_UTF8
        let root: OpaquePointer? = body.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    cmark_parse_document($0, buffer.count, parseOptions)
                }
            } ?? cmark_parse_document("", 0, parseOptions)
        }
        guard let root else { fatalError("cmark_parse_document returned NULL (out of memory)") }
        defer { cmark_node_free(root) }

        // Collect first, change after: cmark's iterator must not see a tree being changed under it.
        var codeBlocks: [OpaquePointer] = [], headings: [OpaquePointer] = []
        if let iterator = cmark_iter_new(root) {
            while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
                guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
                switch cmark_node_get_type(node) {
                case CMARK_NODE_CODE_BLOCK: codeBlocks.append(node)
                case CMARK_NODE_HEADING: headings.append(node)
                default: break
                }
            }
            cmark_iter_free(iterator)
        }
        for node in codeBlocks {
            let line = Int(cmark_node_get_start_line(node))
            if let html = replacing[line] {
                replace(node, onEnter: html, onExit: "", moveChildren: false)
            } else if dropping.contains(line) {
                cmark_node_unlink(node)
                cmark_node_free(node)
            }
        }
        var ids = HeadingIDs(reserved: reservedIDs)
        var found: [HTMLHeading] = []
        for node in headings {
            let level = Int(cmark_node_get_heading_level(node))
            let text = plainText(node)
            let id = ids.next(for: text)
            found.append(HTMLHeading(level: level, text: text, id: id))
            replace(node, onEnter: "<h\(level) id=\"\(HTMLText.escape(id))\">" + glue, onExit: glue + "</h\(level)>",
                    moveChildren: true)
        }
        let options = CMARK_OPT_VALIDATE_UTF8 | (unsafe ? CMARK_OPT_UNSAFE : 0)
        guard let rendered = cmark_render_html(root, options) else { return HTMLFragment(html: "", headings: found) }
        defer { free(rendered) }
        // cmark puts a custom block's HTML on lines of its own; a heading's tags stay on the heading's line.
        let html = String(cString: rendered).replacing(glue + "\n", with: "").replacing("\n" + glue, with: "")
        return HTMLFragment(html: html.replacing(glue, with: ""), headings: found)
    }

    /// Marks where a heading's tags meet its text: U+0001, a control character HTML does not allow in text anyway.
    private static let glue = "\u{1}"

    /// Puts a custom block with the given HTML in place of `node` (its inline children moved over when asked).
    private static func replace(_ node: OpaquePointer, onEnter: String, onExit: String, moveChildren: Bool) {
        guard let custom = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return }
        cmark_node_set_on_enter(custom, onEnter)
        cmark_node_set_on_exit(custom, onExit)
        while moveChildren, let child = cmark_node_first_child(node) {
            cmark_node_append_child(custom, child)
        }
        cmark_node_replace(node, custom)
        cmark_node_free(node)
    }

    /// The text of a node's inlines (text and code spans), as a table of contents shows it.
    private static func plainText(_ node: OpaquePointer) -> String {
        var text = ""
        guard let iterator = cmark_iter_new(node) else { return text }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(child) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                text += cmark_node_get_literal(child).map { String(cString: $0) } ?? ""
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            default: break
            }
        }
        return text
    }
}
