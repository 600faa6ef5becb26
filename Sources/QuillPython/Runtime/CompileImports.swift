// Compiling `import`, `from ... import` and `with`. Modules come from the registries of the library, the arrays
// and sentence-transformers parts; any other module is a clear "not available" error naming those that are.

extension Compiler {
    func importModules(_ names: [ImportName], _ loc: Loc) -> StmtCode {
        let interp = self.interp
        let stores = names.map { name -> (ImportName, String, (Frame, Value) -> Void) in
            let top = String(name.name.split(separator: ".").first ?? Substring(name.name))
            return (name, top, store(name.alias ?? top))
        }
        return { f in
            for (name, top, set) in stores {
                let module = try interp.module(name.name, name.loc)
                set(f, .object(name.alias == nil ? try interp.module(top, name.loc) : module))
            }
            return .normal
        }
    }

    func importFrom(_ moduleName: String, _ names: [ImportName], _ loc: Loc) -> StmtCode {
        let interp = self.interp
        let stores = names.map { ($0, store($0.alias ?? $0.name)) }
        return { f in
            let module = try interp.module(moduleName, loc)
            for (name, set) in stores {
                if name.name == "*" {
                    for (member, value) in module.members where !member.hasPrefix("_") {
                        interp.globalSlot(member).value = value
                    }
                    continue
                }
                if let value = module.members[name.name] {
                    set(f, value)
                } else if let sub = interp.modules[moduleName + "." + name.name] {
                    set(f, .object(sub))
                } else {
                    throw PyError(.exception("ImportError"), "cannot import name '\(name.name)' from '\(moduleName)'",
                                  at: name.loc)
                }
            }
            return .normal
        }
    }

    func withStatement(_ items: [WithItem], _ body: [Stmt], _ loc: Loc) throws -> StmtCode {
        let interp = self.interp
        var code = try block(body)
        for item in items.reversed() {
            let context = try expression(item.context)
            let assign = try item.target.map { try storeTarget($0) }
            let inner = code
            code = { f in
                let manager = try context(f)
                let enter: Value, exit: Value
                do {
                    guard case .object(let o as PyAttributes) = manager,
                          let e = try o.attribute("__enter__", interp), let x = try o.attribute("__exit__", interp) else {
                        throw PyError.type("'\(manager.typeName)' object does not support the context manager protocol")
                    }
                    enter = e
                    exit = x
                } catch let e as PyError { throw e.at(loc) }
                let entered = try interp.call(enter, Arguments())
                if let assign { try assign(f, entered) }
                let flow: Flow
                do {
                    flow = try inner(f)
                } catch {
                    _ = try? interp.call(exit, Arguments([.none, .none, .none]))
                    throw error
                }
                _ = try interp.call(exit, Arguments([.none, .none, .none]))
                return flow
            }
        }
        return code
    }
}

extension Interpreter {
    /// A module by dotted name, or the error saying which modules Quill cells can import.
    func module(_ name: String, _ loc: Loc) throws -> PyModule {
        if let m = modules[name] { return m }
        let available = modules.keys.filter { !$0.contains(".") }.sorted().joined(separator: ", ")
        throw PyError.unsupported("module '\(name)' is not available in Quill cells", at: loc,
                                  hint: "the modules available are \(available)")
    }
}

/// Every module a cell can import, from the registries of the parts that provide them.
enum ModuleRegistry {
    static func all() -> [String: PyModule] {
        var modules: [String: PyModule] = [:]
        for registry in [LibraryModules.modules(), ArrayModules.modules(), SentenceTransformersModules.modules()] {
            modules.merge(registry) { first, _ in first }
        }
        return modules
    }
}
