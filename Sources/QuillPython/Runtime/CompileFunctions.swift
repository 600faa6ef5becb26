// Compiling `def` and `lambda`: a new scope whose locals are the parameters and every name the body binds,
// defaults evaluated once when the `def` runs, and the cells of free variables captured from the defining frame.

extension Compiler {
    func functionDefinition(_ name: String, _ parameters: [Parameter], _ body: [Stmt], _ doc: String?,
                            _ loc: Loc) throws -> StmtCode {
        let make = try function(name: name, parameters, body: body, lambdaBody: nil, doc: doc)
        let set = store(name)
        return { f in
            set(f, try make(f))
            return .normal
        }
    }

    func lambda(_ parameters: [Parameter], _ body: Expr, _ loc: Loc) throws -> ExprCode {
        try function(name: "<lambda>", parameters, body: [], lambdaBody: body, doc: nil)
    }

    /// Code that makes the function object (evaluating defaults in the defining scope).
    private func function(name: String, _ parameters: [Parameter], body: [Stmt], lambdaBody: Expr?,
                          doc: String?) throws -> ExprCode {
        let defaultCodes = try parameters.filter { $0.kind == .normal && $0.defaultValue != nil }
            .map { try expression($0.defaultValue ?? .none($0.loc)) }
        let keywordDefaultCodes = try parameters.filter { $0.kind == .keywordOnly && $0.defaultValue != nil }
            .map { ($0.name, try expression($0.defaultValue ?? .none($0.loc))) }
        let ordered = parameters.filter { $0.kind == .normal } + parameters.filter { $0.kind == .keywordOnly }
            + parameters.filter { $0.kind == .varPositional } + parameters.filter { $0.kind == .varKeyword }

        let inner = Scope(kind: .function, parent: scope, qualifiedPrefix: scope.qualifiedPrefix + name + ".<locals>.",
                          globalSlot: interp.globalSlot)
        let captured = ScopeAnalysis.namesInNestedFunctions(body, lambdaBody.map { [$0] } ?? [])
        for p in ordered { inner.declareParameter(p.name, captured: captured.contains(p.name)) }
        var bound = ScopeAnalysis.boundNames(body)
        if let lambdaBody { ScopeAnalysis.forEachWalrus(lambdaBody) { bound.append($0) } }
        inner.declare(bound, captured: captured)

        let code = FunctionCode(name: name, qualifiedName: scope.qualifiedPrefix + name, doc: doc, parameters: parameters)
        let compiler = Compiler(interp: interp, scope: inner)
        compiler.inFunction = true
        if let lambdaBody {
            let e = try compiler.expression(lambdaBody)
            code.body = { f in
                f.returnValue = try e(f)
                return .returned
            }
        } else {
            code.body = try compiler.block(body)
        }
        code.slotCount = inner.slotCount
        code.cellCount = inner.cellCount
        code.freeTargets = inner.freeTargets
        code.parameterCells = inner.parameterCells
        let sources = inner.freeSources
        return { f in
            var defaults: [Value] = []
            for d in defaultCodes { defaults.append(try d(f)) }
            var keywordDefaults: [String: Value] = [:]
            for (n, d) in keywordDefaultCodes { keywordDefaults[n] = try d(f) }
            let closure = sources.map { f.cells[$0] }
            return .object(UserFunction(code: code, defaults: defaults, keywordDefaults: keywordDefaults, closure: closure))
        }
    }
}
