// Compiling calls: arguments with `*xs` and `**kw`, methods of str/list/dict called without making a bound method,
// and `def` functions with plain positional arguments filling the new frame's slots directly.

extension Compiler {
    typealias ArgumentsCode = (Frame, Value) throws -> Arguments

    func call(_ callee: Expr, _ arguments: [CallArgument], _ loc: Loc) throws -> ExprCode {
        let interp = self.interp
        if case .attribute(let object, let name, _) = callee { return try methodCall(object, name, arguments, loc) }
        let function = try expression(callee)
        let simple = arguments.allSatisfy { $0.kind == .positional }
        if simple {
            let codes = try arguments.map { ExprBox(run: try expression($0.value)) }
            let count = codes.count
            return { f in
                let fn = try function(f)
                if case .object(let o) = fn, let user = o as? UserFunction, user.code.takesExactly == count {
                    let frame = user.makeFrame()
                    var i = 0
                    while i < count {
                        frame.slots[i] = try codes[i].run(f)
                        i += 1
                    }
                    do { return try interp.run(user, frame) } catch let e as PyError { throw e.at(loc) }
                }
                var values: [Value] = []
                values.reserveCapacity(count)
                for code in codes { values.append(try code.run(f)) }
                do { return try interp.call(fn, Arguments(values)) } catch let e as PyError { throw e.at(loc) }
            }
        }
        let build = try argumentList(arguments, loc)
        return { f in
            let fn = try function(f)
            let args = try build(f, fn)
            do { return try interp.call(fn, args) } catch let e as PyError { throw e.at(loc) }
        }
    }

    /// `receiver.name(...)`: str, list and dict methods go straight to their implementations.
    private func methodCall(_ object: Expr, _ name: String, _ arguments: [CallArgument], _ loc: Loc) throws -> ExprCode {
        let interp = self.interp
        let receiverCode = try expression(object)
        let build = try argumentList(arguments, loc)
        let isStr = StrMethods.names.contains(name), isList = ListMethods.names.contains(name)
        let isDict = DictMethods.names.contains(name)
        let isAppend = name == "append" && arguments.count == 1 && arguments[0].kind == .positional
        let single = isAppend ? try expression(arguments[0].value) : nil
        return { f in
            let receiver = try receiverCode(f)
            do {
                switch receiver {
                case .list(let l) where isAppend:
                    let v = try single?(f) ?? .none
                    try interp.grow(to: l.items.count + 1)
                    l.items.append(v)
                    return .none
                case .list(let l) where isList:
                    return try ListMethods.call(name, l, try build(f, receiver), interp)
                case .str(let s) where isStr:
                    return try StrMethods.call(name, s, try build(f, receiver), interp)
                case .dict(let d) where isDict && !CollectionsModule.overrides(d, name):
                    return try DictMethods.call(name, d, try build(f, receiver), interp)
                default:
                    let method = try interp.attribute(receiver, name)
                    return try interp.call(method, try build(f, method))
                }
            } catch let e as PyError { throw e.at(loc) }
        }
    }

    /// Code that evaluates a call's arguments (the callee is passed for error messages).
    func argumentList(_ arguments: [CallArgument], _ loc: Loc) throws -> ArgumentsCode {
        let interp = self.interp
        let codes = try arguments.map { ($0.kind, try expression($0.value)) }
        if codes.allSatisfy({ $0.0 == .positional }) {
            let plain = codes.map { ExprBox(run: $0.1) }
            return { f, _ in
                var values: [Value] = []
                values.reserveCapacity(plain.count)
                for code in plain { values.append(try code.run(f)) }
                return Arguments(values)
            }
        }
        return { f, callee in
            var args = Arguments()
            for (kind, code) in codes {
                let v = try code(f)
                switch kind {
                case .positional: args.positional.append(v)
                case .keyword(let name): args.keywords.append((name, v))
                case .star:
                    guard interp.isIterable(v) else {
                        throw PyError.type("\(interp.callableName(callee, qualified: true))() argument after * must be an iterable, not \(v.typeName)").at(loc)
                    }
                    args.positional.append(contentsOf: try interp.iterate(v))
                case .doubleStar:
                    guard case .dict(let d) = v else {
                        throw PyError.type("\(interp.callableName(callee, qualified: true))() argument after ** must be a mapping, not \(v.typeName)").at(loc)
                    }
                    for (key, value) in d.storage {
                        guard case .str(let name) = key.value else {
                            throw PyError.type("keywords must be strings").at(loc)
                        }
                        if args.keywords.contains(where: { $0.name == name }) {
                            throw PyError.type("\(interp.callableName(callee))() got multiple values for keyword argument '\(name)'").at(loc)
                        }
                        args.keywords.append((name, value))
                    }
                }
            }
            return args
        }
    }
}

extension Interpreter {
    /// How CPython names a callable in argument errors (`qualified`: with its module, as `*`/`**` errors do).
    func callableName(_ callable: Value, qualified: Bool = false) -> String {
        if case .object(let o) = callable {
            if let f = o as? UserFunction { return (qualified ? "__main__." : "") + f.code.qualifiedName }
            if let b = o as? BuiltinFunction { return b.name }
        }
        return callable.typeName
    }
}
