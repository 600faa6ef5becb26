// Compiling the try statement. Python exceptions (PyError of kind .exception) are caught by the first `except`
// clause whose class matches (`except Exception` catches them all; a bare `except:` too); Quill's own stops, a
// cell's timeout and an unsupported feature, are never caught and skip `finally`, as they end the cell. `as e`
// binds an exception object whose str() is the message CPython would print and which `raise e` raises again;
// the name is deleted when the block ends, as CPython does. `else` runs when the body ends normally; `finally`
// always, and a return, break or continue in it replaces what was pending (an exception included).

extension Compiler {
    private struct Handler {
        let type: ExprCode?
        let bind: ((Frame, Value) throws -> Void)?
        let unbind: ((Frame) throws -> Void)?
        let body: StmtCode
    }

    func tryStatement(_ body: [Stmt], _ handlers: [ExceptHandler], _ orElse: [Stmt], _ finally: [Stmt]) throws
        -> StmtCode
    {
        let run = try block(body)
        let compiled = try handlers.map { h in
            Handler(type: try h.type.map(expression),
                    bind: try h.name.map { try storeTarget(.name($0, h.loc)) },
                    unbind: try h.name.map { try deletion(.name($0, h.loc)) },
                    body: try block(h.body))
        }
        let otherwise = orElse.isEmpty ? nil : try block(orElse)
        let cleanup = finally.isEmpty ? nil : try block(finally)
        let interp = self.interp
        return { f in
            var flow = Flow.normal
            var pending: PyError?
            var raised = false
            do {
                flow = try run(f)
            } catch let error as PyError where error.isCatchable {
                raised = true
                do {
                    if let handled = try Self.handle(error, compiled, f, interp) { flow = handled } else { pending = error }
                } catch let inner as PyError where inner.isCatchable {
                    pending = inner
                }
            }
            // `else` only after a body that ended normally; its exceptions are not the handlers'
            if !raised, case .normal = flow, let otherwise {
                do { flow = try otherwise(f) } catch let error as PyError where error.isCatchable { pending = error }
            }
            if let cleanup {
                let final = try cleanup(f)
                if case .normal = final {} else { return final }
            }
            if let pending { throw pending }
            return flow
        }
    }

    /// Runs the first handler that matches `error`; nil when none does.
    private static func handle(_ error: PyError, _ handlers: [Handler], _ f: Frame, _ interp: Interpreter) throws -> Flow? {
        guard case .exception(let typeName) = error.kind else { return nil }
        let value: Value
        if let raised = interp.raisedValue, raised.type.name == typeName, (try? raised.str(interp)) == error.message {
            value = .object(raised)
        } else {
            value = .object(ExceptionValue(caught: error, type: interp.exceptionClass(typeName)))
        }
        interp.raisedValue = nil
        for handler in handlers {
            if let type = handler.type, !(try matches(value, try type(f))) { continue }
            try handler.bind?(f, value)
            interp.handling.append(error)
            defer {
                interp.handling.removeLast()
                try? handler.unbind?(f)   // as CPython's implicit `del name`, also when the block raised
            }
            return try handler.body(f)
        }
        return nil
    }

    /// `except T` with T an exception class or a tuple of them.
    private static func matches(_ value: Value, _ type: Value) throws -> Bool {
        switch type {
        case .object(let t as TypeObject) where t.isExceptionClass: return t.isInstance(value)
        case .tuple(let items): return try items.contains { try matches(value, $0) }
        default: throw PyError.type("catching classes that do not inherit from BaseException is not allowed")
        }
    }
}

extension PyError {
    /// A Python exception a `try` statement may catch (not a timeout or an unsupported feature).
    var isCatchable: Bool {
        if case .exception = kind { return true }
        return false
    }
}
