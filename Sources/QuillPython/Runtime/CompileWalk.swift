// Walks over the syntax tree for the scope analysis: sub-expressions of an expression, expressions of a statement,
// nested statements.

enum ExprWalk {
    /// Visits `e` and every expression inside it, parents first. Lambda bodies are visited only with `intoLambdas`
    /// (their parameter defaults always: they run in the enclosing scope).
    static func children(_ e: Expr, intoLambdas: Bool, _ visit: (Expr) -> Void) {
        visit(e)
        func recurse(_ x: Expr) { children(x, intoLambdas: intoLambdas, visit) }
        switch e {
        case .name, .int, .float, .imaginary, .string, .bytes, .bool, .none, .ellipsis: break
        case .fstring(let parts, _): fstringParts(parts, recurse)
        case .list(let items, _), .tuple(let items, _): items.forEach(recurse)
        case .dict(let entries, _):
            for entry in entries { if let k = entry.key { recurse(k) }; recurse(entry.value) }
        case .starred(let x, _), .attribute(let x, _, _), .unary(_, let x, _), .namedExpr(_, let x, _): recurse(x)
        case .subscript(let a, let b, _), .binary(_, let a, let b, _): recurse(a); recurse(b)
        case .slice(let lower, let upper, let step, _):
            for x in [lower, upper, step] { if let x { recurse(x) } }
        case .call(let f, let args, _): recurse(f); args.forEach { recurse($0.value) }
        case .boolean(_, let xs, _): xs.forEach(recurse)
        case .compare(let first, let rest, _): recurse(first); rest.forEach { recurse($0.1) }
        case .conditional(let t, let b, let o, _): recurse(t); recurse(b); recurse(o)
        case .lambda(let params, let body, _):
            for p in params { if let d = p.defaultValue { recurse(d) } }
            if intoLambdas { recurse(body) }
        case .listComprehension(let element, let clauses, _), .generator(let element, let clauses, _):
            clauses.forEach { clause($0, recurse) }
            recurse(element)
        case .dictComprehension(let key, let value, let clauses, _):
            clauses.forEach { clause($0, recurse) }
            recurse(key)
            recurse(value)
        }
    }

    private static func clause(_ c: ComprehensionClause, _ visit: (Expr) -> Void) {
        visit(c.target)
        visit(c.iterable)
        c.conditions.forEach(visit)
    }

    private static func fstringParts(_ parts: [FStringPart], _ visit: (Expr) -> Void) {
        for part in parts {
            if case .field(let expr, _, let spec, _, _) = part {
                visit(expr)
                if let spec { fstringParts(spec, visit) }
            }
        }
    }

    /// The expressions directly in `s` (not those of nested statements or function bodies; parameter defaults yes).
    static func statementExprs(_ s: Stmt, _ visit: (Expr) -> Void) {
        switch s {
        case .expression(let e, _, _): visit(e)
        case .assign(let targets, let value, _): targets.forEach(visit); visit(value)
        case .augmentedAssign(let t, _, let v, _): visit(t); visit(v)
        case .annotatedAssign(let t, let v, _): visit(t); if let v { visit(v) }
        case .ifStatement(let test, _, _, _), .whileLoop(let test, _, _, _): visit(test)
        case .forLoop(let t, let iterable, _, _, _): visit(t); visit(iterable)
        case .functionDef(_, let parameters, _, _, _): for p in parameters { if let d = p.defaultValue { visit(d) } }
        case .returnStatement(let e, _), .raise(let e, _): if let e { visit(e) }
        case .delete(let targets, _): targets.forEach(visit)
        case .with(let items, _, _): for item in items { visit(item.context); if let t = item.target { visit(t) } }
        case .assert(let test, let message, _): visit(test); if let message { visit(message) }
        case .tryStatement(_, let handlers, _, _, _): for h in handlers { if let t = h.type { visit(t) } }
        case .importModules, .importFrom, .breakStatement, .continueStatement, .pass: break
        }
    }

    /// The statements nested in `s`'s blocks (not a function's body).
    static func childStatements(_ s: Stmt, _ visit: (Stmt) -> Void) {
        switch s {
        case .ifStatement(_, let body, let orElse, _), .forLoop(_, _, let body, let orElse, _),
             .whileLoop(_, let body, let orElse, _):
            body.forEach(visit)
            orElse.forEach(visit)
        case .with(_, let body, _): body.forEach(visit)
        case .tryStatement(let body, let handlers, let orElse, let finally, _):
            body.forEach(visit)
            for h in handlers { h.body.forEach(visit) }
            orElse.forEach(visit)
            finally.forEach(visit)
        default: break
        }
    }

    /// Every expression anywhere in `s`, function bodies and lambdas included.
    static func statement(_ s: Stmt, _ visit: (Expr) -> Void) {
        statementExprs(s) { children($0, intoLambdas: true, visit) }
        childStatements(s) { statement($0, visit) }
        if case .functionDef(_, _, let body, _, _) = s { body.forEach { statement($0, visit) } }
    }
}
