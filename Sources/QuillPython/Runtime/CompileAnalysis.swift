// The names a function body binds (its locals) and the names nested functions and lambdas use (which the body's
// locals must then keep in cells). The second set over-approximates, which only costs a cell where a slot would do.

enum ScopeAnalysis {
    /// Names bound by `body` itself, in order of first appearance: assignment and `for`/`with` targets, `def`
    /// names, imports, `del` targets and `:=` targets (also inside comprehensions, which bind there).
    static func boundNames(_ body: [Stmt]) -> [String] {
        var names: [String] = []
        var seen: Set<String> = []
        func add(_ n: String) { if seen.insert(n).inserted { names.append(n) } }
        func target(_ e: Expr) {
            targetNames(e).forEach(add)
            walrus(e)
        }
        func walrus(_ e: Expr) { forEachWalrus(e, add) }
        func statement(_ s: Stmt) {
            switch s {
            case .expression(let e, _, _): walrus(e)
            case .assign(let targets, let value, _): targets.forEach(target); walrus(value)
            case .augmentedAssign(let t, _, let v, _): target(t); walrus(v)
            case .annotatedAssign(let t, let v, _): if v != nil { target(t) }; if let v { walrus(v) }
            case .ifStatement(let test, let body, let orElse, _):
                walrus(test); body.forEach(statement); orElse.forEach(statement)
            case .forLoop(let t, let iterable, let body, let orElse, _):
                target(t); walrus(iterable); body.forEach(statement); orElse.forEach(statement)
            case .whileLoop(let test, let body, let orElse, _):
                walrus(test); body.forEach(statement); orElse.forEach(statement)
            case .functionDef(let name, let parameters, _, _, _):
                add(name)
                for p in parameters { if let d = p.defaultValue { walrus(d) } }
            case .returnStatement(let e, _): if let e { walrus(e) }
            case .delete(let targets, _): targets.forEach(target)
            case .importModules(let names, _):
                for n in names { add(n.alias ?? String(n.name.split(separator: ".").first ?? Substring(n.name))) }
            case .importFrom(_, let names, _): for n in names where n.name != "*" { add(n.alias ?? n.name) }
            case .with(let items, let body, _):
                for item in items { walrus(item.context); if let t = item.target { target(t) } }
                body.forEach(statement)
            case .assert(let test, let message, _): walrus(test); if let message { walrus(message) }
            case .raise(let e, _): if let e { walrus(e) }
            case .tryStatement(let body, let handlers, let orElse, let finally, _):
                body.forEach(statement)
                for h in handlers {
                    if let t = h.type { walrus(t) }
                    if let n = h.name { add(n) }
                    h.body.forEach(statement)
                }
                orElse.forEach(statement)
                finally.forEach(statement)
            case .breakStatement, .continueStatement, .pass: break
            }
        }
        body.forEach(statement)
        return names
    }

    /// The names an assignment target binds, in order.
    static func targetNames(_ e: Expr) -> [String] {
        switch e {
        case .name(let n, _): return [n]
        case .tuple(let items, _), .list(let items, _): return items.flatMap(targetNames)
        case .starred(let inner, _): return targetNames(inner)
        default: return []
        }
    }

    /// Calls `body` with the target of every `:=` in `e`, not looking into lambdas.
    static func forEachWalrus(_ e: Expr, _ body: (String) -> Void) {
        ExprWalk.children(e, intoLambdas: false) { child in
            if case .namedExpr(let n, _, _) = child { body(n) }
        }
    }

    /// Every name used or bound inside the lambdas and `def`s nested anywhere in `statements` and `exprs`.
    static func namesInNestedFunctions(_ statements: [Stmt], _ exprs: [Expr] = []) -> Set<String> {
        var names: Set<String> = []
        func collectAll(_ e: Expr) {
            ExprWalk.children(e, intoLambdas: true) { child in
                if case .name(let n, _) = child { names.insert(n) }
            }
        }
        func scanExpr(_ e: Expr) {
            ExprWalk.children(e, intoLambdas: false) { child in
                if case .lambda(let params, let body, _) = child {
                    collectAll(body)
                    for p in params { if let d = p.defaultValue { scanExpr(d) } }
                }
            }
        }
        func scanNested(_ s: Stmt) {
            ExprWalk.statement(s) { e in collectAll(e) }
        }
        for s in statements {
            if case .functionDef(_, let params, let body, _, _) = s {
                body.forEach(scanNested)
                for p in params { if let d = p.defaultValue { scanExpr(d) } }
                continue
            }
            ExprWalk.statementExprs(s, scanExpr)
            ExprWalk.childStatements(s) { names.formUnion(namesInNestedFunctions([$0])) }
        }
        exprs.forEach(scanExpr)
        return names
    }
}
