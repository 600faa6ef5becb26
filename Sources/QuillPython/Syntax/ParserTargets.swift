// Assignment, `for`, `with ... as` and `del` targets: parsing target lists and checking them with CPython 3.11's
// messages ("cannot assign to literal", "cannot delete function call", "starred assignment target must be in a
// list or tuple"), and the names CPython gives expressions in those messages.

enum TargetUse {
    case assign, forTarget, delete
}

extension SyntaxParser {
    /// `star_targets` of `for` and comprehensions: `x`, `a, b`, `(a, *rest)`, read as expressions and checked
    /// by the caller. Stops before `in`.
    mutating func parseTargetList() throws -> Expr {
        let first = try parseTargetItem()
        guard tok.isOp(",") else { return first }
        var items = [first]
        while acceptOp(",") {
            guard startsExpression(tok) || tok.isOp("*") else { break }
            items.append(try parseTargetItem())
        }
        return .tuple(items, first.loc)
    }

    mutating func parseTargetItem() throws -> Expr {
        if tok.isOp("*") {
            let star = advance()
            return .starred(try parseTargetOperand(), star.loc)
        }
        return try parseTargetOperand()
    }

    /// A target is a primary (`x`, `a.b`, `a[i]`, `(a, b)`); an operator expression is read too, for CPython's
    /// "cannot assign to expression". When that fails, the primary alone stands, so that the error falls on the
    /// operator as in CPython (`for x - in y`: "invalid syntax" at `-`).
    mutating func parseTargetOperand() throws -> Expr {
        var probe = self
        if let e = try? probe.parseBitwiseOr() {
            self = probe
            return e
        }
        return try parsePrimary()
    }

    /// Throws CPython's error for the first part of `target` that cannot be assigned (or deleted), and records
    /// the starred-target errors CPython raises after parsing.
    mutating func checkTarget(_ target: Expr, _ use: TargetUse) throws {
        if let bad = invalidTarget(target, use) {
            let verb = use == .delete ? "delete" : "assign to"
            throw syntaxError("cannot \(verb) \(expressionName(bad))", at: bad.loc)
        }
        if use != .delete { checkStarred(target, topLevel: true) }
    }

    func invalidTarget(_ e: Expr, _ use: TargetUse) -> Expr? {
        switch e {
        case .name, .attribute, .subscript:
            return nil
        case .tuple(let items, _), .list(let items, _):
            for item in items {
                if let bad = invalidTarget(item, use) { return bad }
            }
            return nil
        case .starred(let inner, _):
            return use == .delete ? e : invalidTarget(inner, use)
        default:
            return e
        }
    }

    mutating func checkStarred(_ e: Expr, topLevel: Bool) {
        switch e {
        case .starred(_, let loc) where topLevel:
            noteCompileError("starred assignment target must be in a list or tuple", at: loc)
        case .tuple(let items, let loc), .list(let items, let loc):
            var starred = 0
            for item in items {
                if case .starred(let inner, _) = item {
                    starred += 1
                    checkStarred(inner, topLevel: false)
                } else {
                    checkStarred(item, topLevel: false)
                }
            }
            if starred > 1 { noteCompileError("multiple starred expressions in assignment", at: loc) }
        default:
            break
        }
    }

    /// CPython's name for an expression in "cannot assign to ..." messages.
    func expressionName(_ e: Expr) -> String {
        switch e {
        case .name: return "name"
        case .attribute: return "attribute"
        case .subscript: return "subscript"
        case .starred: return "starred"
        case .list: return "list"
        case .tuple: return "tuple"
        case .lambda: return "lambda"
        case .call: return "function call"
        case .boolean, .binary, .unary: return "expression"
        case .generator: return "generator expression"
        case .listComprehension: return "list comprehension"
        case .dictComprehension: return "dict comprehension"
        case .dict: return "dict literal"
        case .fstring: return "f-string expression"
        case .int, .float, .imaginary, .string, .bytes: return "literal"
        case .bool(let b, _): return b ? "True" : "False"
        case .none: return "None"
        case .ellipsis: return "ellipsis"
        case .compare: return "comparison"
        case .conditional: return "conditional expression"
        case .namedExpr: return "named expression"
        case .slice: return "slice"
        }
    }

    /// Whether `e` is what CPython's `bitwise_or` rule yields (no comparison, boolean, conditional or lambda).
    func isBitwiseOrLevel(_ e: Expr) -> Bool {
        switch e {
        case .compare, .boolean, .conditional, .lambda, .namedExpr, .starred, .slice, .tuple: return false
        case .unary(let op, _, _): return op != .not
        default: return true
        }
    }

    /// CPython skips its "Maybe you meant '=='" message for targets starting with a list, tuple, generator or
    /// True/False/None.
    func startsWithDisplayOrConstant(_ e: Expr) -> Bool {
        switch e {
        case .list, .tuple, .generator, .bool, .none: return true
        default: return false
        }
    }
}
