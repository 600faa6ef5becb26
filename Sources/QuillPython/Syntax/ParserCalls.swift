// Call arguments (positional, `key=value`, `*args`, `**kw`, a lone generator `f(x for x in y)`), subscripts
// (`a[i]`, slices `a[1:2:3]`, tuples of them `a[:, 0]`), and the parameter lists of `def` and `lambda`, with
// CPython 3.11's messages for misplaced arguments and parameters.

extension SyntaxParser {
    /// The arguments after `(` up to and including `)`.
    mutating func parseCallArguments(open: Token) throws -> [CallArgument] {
        var args: [CallArgument] = []
        var keywords = Set<String>()
        var sawKeyword = false, sawDoubleStar = false
        while !tok.isOp(")") {
            let start = tok
            if acceptOp("*") {
                if sawDoubleStar {
                    throw syntaxError("iterable argument unpacking follows keyword argument unpacking", at: start.loc)
                }
                let value = try parseExpression()
                if tok.isKeyword("for") {
                    throw syntaxError("iterable unpacking cannot be used in comprehension", at: start.loc)
                }
                args.append(CallArgument(kind: .star, value: value, loc: start.loc))
            } else if acceptOp("**") {
                sawDoubleStar = true
                args.append(CallArgument(kind: .doubleStar, value: try parseExpression(), loc: start.loc))
            } else if let name = nameText(start), peek().isOp("=") {
                guard start.isIdentifier else {
                    if ["True", "False", "None"].contains(name) { throw syntaxError("cannot assign to \(name)", at: start.loc) }
                    throw invalidSyntax()
                }
                advance()
                advance()
                if keywords.contains(name) { noteCompileError("keyword argument repeated: \(name)", at: start.loc) }
                keywords.insert(name)
                sawKeyword = true
                args.append(CallArgument(kind: .keyword(name), value: try parseExpression(), loc: start.loc))
            } else {
                let value = try parseNamedExpression()
                if tok.isOp("=") {
                    throw syntaxError("expression cannot contain assignment, perhaps you meant \"==\"?", at: value.loc)
                }
                if tok.isKeyword("for") || tok.isKeyword("async") {
                    let clauses = try parseComprehensionClauses()
                    if !args.isEmpty || !tok.isOp(")") {
                        throw syntaxError("Generator expression must be parenthesized", at: value.loc)
                    }
                    args.append(CallArgument(kind: .positional, value: .generator(value, clauses, open.loc),
                                             loc: value.loc))
                    break
                }
                if sawKeyword || sawDoubleStar {
                    let what = sawDoubleStar ? "keyword argument unpacking" : "keyword argument"
                    throw syntaxError("positional argument follows \(what)", at: tok.loc)
                }
                args.append(CallArgument(kind: .positional, value: value, loc: value.loc))
            }
            if !acceptOp(",") {
                guard tok.isOp(")") else { throw elementError(after: args[args.count - 1].value) }
            }
        }
        try expectOp(")")
        return args
    }

    /// The index inside `[...]`: one slice or expression, or a tuple of them.
    mutating func parseSlices() throws -> Expr {
        let first = try parseSlice()
        guard tok.isOp(",") else { return first }
        var items = [first]
        while acceptOp(",") {
            if tok.isOp("]") { break }
            items.append(try parseSlice())
        }
        return .tuple(items, first.loc)
    }

    /// `lower:upper:step` with every part optional, `*x`, or a named expression.
    mutating func parseSlice() throws -> Expr {
        let start = tok.loc
        if tok.isOp("*") {
            let star = advance()
            return .starred(try parseBitwiseOr(), star.loc)
        }
        var lower: Expr?
        if !tok.isOp(":") {
            let e = try parseNamedExpression()
            guard tok.isOp(":") else { return e }
            lower = e
        }
        advance()
        let upper: Expr? = sliceBoundEnds() ? nil : try parseExpression()
        var step: Expr?
        if acceptOp(":") {
            step = sliceBoundEnds() ? nil : try parseExpression()
        }
        return .slice(lower: lower, upper: upper, step: step, start)
    }

    func sliceBoundEnds() -> Bool { tok.isOp(":") || tok.isOp(",") || tok.isOp("]") }

    /// `lambda params: body`.
    mutating func parseLambda() throws -> Expr {
        let keyword = advance()
        let parameters = try parseParameters(closer: ":", annotations: false)
        try expectOp(":")
        return .lambda(parameters, try parseExpression(), keyword.loc)
    }

    /// Parameters up to (not including) `closer`: `a, b=1, *args, c, d=2, **kwargs` (annotations parsed
    /// and dropped for `def`). Positional-only parameters (`/`) are unsupported.
    mutating func parseParameters(closer: StaticString, annotations: Bool) throws -> [Parameter] {
        var parameters: [Parameter] = []
        var names = Set<String>()
        var keywordOnly = false, sawDefault = false
        while !tok.isOp(closer) {
            if let last = parameters.last, last.kind == .varKeyword {
                throw syntaxError("arguments cannot follow var-keyword argument", at: tok.loc)
            }
            let start = tok
            var kind = keywordOnly ? Parameter.Kind.keywordOnly : .normal
            if acceptOp("/") {
                throw Unsupported.positionalOnly(at: start.loc)
            } else if acceptOp("*") {
                if keywordOnly { throw syntaxError("* argument may appear only once", at: start.loc) }
                keywordOnly = true
                if tok.isOp(",") || tok.isOp(closer) {
                    if tok.isOp(closer) || peek().isOp(closer) || peek().isOp("**") {
                        // CPython points at the `*` in a def, at the token after `*` or `*,` in a lambda.
                        let at = annotations ? start.loc : tok.isOp(closer) ? tok.loc : peek().loc
                        throw syntaxError("named arguments must follow bare *", at: at)
                    }
                    advance()
                    continue
                }
                kind = .varPositional
            } else if acceptOp("**") {
                kind = .varKeyword
            }
            let nameToken = tok
            if tok.isOp("(") {
                let what = annotations ? "Function" : "Lambda expression"
                throw syntaxError("\(what) parameters cannot be parenthesized", at: tok.loc)
            }
            let name = try expectIdentifier()
            if annotations && acceptOp(":") { try skipAnnotation() }
            if tok.isOp("="), kind == .varPositional || kind == .varKeyword {
                let what = kind == .varPositional ? "var-positional" : "var-keyword"
                throw syntaxError("\(what) argument cannot have default value", at: tok.loc)
            }
            var defaultValue: Expr?
            if kind == .normal || kind == .keywordOnly {
                if tok.isOp("=") {
                    let equals = advance()
                    if annotations && (tok.isOp(",") || tok.isOp(")")) {
                        throw syntaxError("expected default value expression", at: equals.loc)
                    }
                    defaultValue = try parseExpression()
                    if kind == .normal { sawDefault = true }
                } else if kind == .normal && sawDefault {
                    throw syntaxError("non-default argument follows default argument", at: nameToken.loc)
                }
            }
            if names.contains(name) {
                noteCompileError("duplicate argument '\(name)' in function definition", at: nameToken.loc)
            }
            names.insert(name)
            parameters.append(Parameter(name: name, kind: kind, defaultValue: defaultValue, loc: nameToken.loc))
            if !acceptOp(",") { break }
        }
        return parameters
    }
}
