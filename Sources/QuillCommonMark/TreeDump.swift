// A readable dump of the node list, one node per line with its range: the golden form of CommonMarkTests.

extension Document {
    /// For example `Heading(1) @1:1-1:7` under `Document @1:1-3:5`, indented two spaces per level.
    public func treeDump(includeInlines: Bool = false) -> String {
        var out = ""
        for node in nodes where includeInlines || node.kind.isBlock {
            out += String(repeating: "  ", count: node.depth)
            out += node.kind.rawValue
            if let level = node.headingLevel { out += "(\(level))" }
            if let info = node.info, !info.isEmpty { out += " info=\(info.debugDescription)" }
            out += " @\(node.range)"
            if node.kind == .text || node.kind == .code, let literal = node.literal {
                out += " \(literal.debugDescription)"
            }
            out += "\n"
        }
        return out
    }
}
