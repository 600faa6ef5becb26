// A compact S-expression dump of the syntax tree, for the parser's tests to compare shapes:
// `(+ a 1)`, `(call f x k=y *a **kw)`, `(. a attr)`, `(sub a (slice 1 _ _))`, `(= x (tuple a b))`, ...
// Text literals print with Swift's escaping: `'a\n'`. The tests of the dump itself come last.

import Testing
@testable import QuillPython

enum ASTDump {
    static func module(_ m: Module) -> String { m.body.map(stmt).joined(separator: "\n") }

    static func block(_ body: [Stmt]) -> String { "[" + body.map(stmt).joined(separator: " ") + "]" }

    static func stmt(_ s: Stmt) -> String {
        switch s {
        case .expression(let e, let semi, _): return semi ? "(expr; \(expr(e)))" : "(expr \(expr(e)))"
        case .assign(let targets, let value, _): return "(= " + (targets + [value]).map(expr).joined(separator: " ") + ")"
        case .augmentedAssign(let t, let op, let v, _): return "(\(op.rawValue)= \(expr(t)) \(expr(v)))"
        case .annotatedAssign(let t, let v, _): return "(ann \(expr(t)) \(v.map(expr) ?? "_"))"
        case .ifStatement(let test, let body, let orElse, _): return "(if \(expr(test)) \(block(body)) \(block(orElse)))"
        case .forLoop(let t, let it, let body, let orElse, _):
            return "(for \(expr(t)) \(expr(it)) \(block(body)) \(block(orElse)))"
        case .whileLoop(let test, let body, let orElse, _): return "(while \(expr(test)) \(block(body)) \(block(orElse)))"
        case .breakStatement: return "(break)"
        case .continueStatement: return "(continue)"
        case .pass: return "(pass)"
        case .functionDef(let name, let params, let body, let doc, _):
            let d = doc.map { " doc=" + quote($0) } ?? ""
            return "(def \(name) (\(params.map(parameter).joined(separator: " ")))\(d) \(block(body)))"
        case .returnStatement(let e, _): return e.map { "(return \(expr($0)))" } ?? "(return)"
        case .delete(let targets, _): return "(del " + targets.map(expr).joined(separator: " ") + ")"
        case .importModules(let names, _): return "(import " + names.map(importName).joined(separator: " ") + ")"
        case .importFrom(let module, let names, _):
            return "(from \(module) " + names.map(importName).joined(separator: " ") + ")"
        case .with(let items, let body, _):
            let i = items.map { "(\(expr($0.context))\($0.target.map { " as " + expr($0) } ?? ""))" }
            return "(with \(i.joined(separator: " ")) \(block(body)))"
        case .assert(let test, let message, _): return "(assert \(expr(test))\(message.map { " " + expr($0) } ?? ""))"
        case .raise(let e, _): return e.map { "(raise \(expr($0)))" } ?? "(raise)"
        case .tryStatement(let body, let handlers, let orElse, let finally, _):
            let h = handlers.map { "(except\($0.type.map { " " + expr($0) } ?? "")\($0.name.map { " as " + $0 } ?? "") \(block($0.body)))" }
            return "(try \(block(body)) \(h.joined(separator: " ")) \(block(orElse)) \(block(finally)))"
        }
    }

    static func importName(_ n: ImportName) -> String { n.alias.map { "\(n.name)=\($0)" } ?? n.name }

    static func parameter(_ p: Parameter) -> String {
        let prefix = switch p.kind {
        case .normal: ""
        case .keywordOnly: "kw:"
        case .varPositional: "*"
        case .varKeyword: "**"
        }
        return prefix + p.name + (p.defaultValue.map { "=" + expr($0) } ?? "")
    }

    static func quote(_ s: String) -> String {
        "'" + s.unicodeScalars.map { $0.escaped(asASCII: false) }.joined() + "'"
    }

    static func expr(_ e: Expr) -> String {
        switch e {
        case .name(let n, _): return n
        case .int(let digits, _): return digits
        case .float(let x, _): return "\(x)"
        case .imaginary(let x, _): return "\(x)j"
        case .string(let s, _): return quote(s)
        case .bytes(let b, _): return "b" + quote(String(decoding: b, as: UTF8.self))
        case .fstring(let parts, _): return "(f " + parts.map(fpart).joined(separator: " ") + ")"
        case .bool(let b, _): return b ? "True" : "False"
        case .none: return "None"
        case .ellipsis: return "..."
        case .list(let items, _): return "(list" + items.map { " " + expr($0) }.joined() + ")"
        case .tuple(let items, _): return "(tuple" + items.map { " " + expr($0) }.joined() + ")"
        case .dict(let entries, _):
            return "(dict" + entries.map { " " + ($0.key.map(expr) ?? "**") + ":" + expr($0.value) }.joined() + ")"
        case .starred(let inner, _): return "(* \(expr(inner)))"
        case .attribute(let base, let name, _): return "(. \(expr(base)) \(name))"
        case .subscript(let base, let index, _): return "(sub \(expr(base)) \(expr(index)))"
        case .slice(let lower, let upper, let step, _):
            return "(slice \(lower.map(expr) ?? "_") \(upper.map(expr) ?? "_") \(step.map(expr) ?? "_"))"
        case .call(let f, let args, _): return "(call \(expr(f))" + args.map { " " + argument($0) }.joined() + ")"
        case .unary(let op, let operand, _): return "(\(op == .negate ? "neg" : op.rawValue) \(expr(operand)))"
        case .binary(let op, let l, let r, _): return "(\(op.rawValue) \(expr(l)) \(expr(r)))"
        case .boolean(let op, let values, _): return "(\(op.rawValue)" + values.map { " " + expr($0) }.joined() + ")"
        case .compare(let first, let rest, _):
            return "(cmp \(expr(first))" + rest.map { " \($0.0.rawValue) \(expr($0.1))" }.joined() + ")"
        case .conditional(let test, let body, let orElse, _): return "(ifexp \(expr(test)) \(expr(body)) \(expr(orElse)))"
        case .lambda(let params, let body, _):
            return "(lambda (\(params.map(parameter).joined(separator: " "))) \(expr(body)))"
        case .listComprehension(let element, let clauses, _): return "(listcomp \(expr(element))\(comprehension(clauses)))"
        case .dictComprehension(let key, let value, let clauses, _):
            return "(dictcomp \(expr(key)) \(expr(value))\(comprehension(clauses)))"
        case .generator(let element, let clauses, _): return "(gen \(expr(element))\(comprehension(clauses)))"
        case .namedExpr(let name, let value, _): return "(:= \(name) \(expr(value)))"
        }
    }

    static func comprehension(_ clauses: [ComprehensionClause]) -> String {
        clauses.map { c in
            " (for \(expr(c.target)) \(expr(c.iterable))" + c.conditions.map { " (if \(expr($0)))" }.joined() + ")"
        }.joined()
    }

    static func argument(_ a: CallArgument) -> String {
        switch a.kind {
        case .positional: return expr(a.value)
        case .keyword(let name): return "\(name)=\(expr(a.value))"
        case .star: return "*\(expr(a.value))"
        case .doubleStar: return "**\(expr(a.value))"
        }
    }

    static func fpart(_ p: FStringPart) -> String {
        switch p {
        case .text(let t): return quote(t)
        case .field(let e, let conversion, let spec, let doc, _):
            var s = "{" + (doc.map { quote($0) + " " } ?? "") + expr(e)
            if let conversion { s += "!\(conversion)" }
            if let spec { s += ":" + spec.map(fpart).joined(separator: " ") }
            return s + "}"
        }
    }
}

/// Parses and dumps a cell.
func dump(_ source: String) throws -> String { ASTDump.module(try Parser.parse(source)) }

/// The error a cell raises, as "Type: message @ line:column" (unsupported features: "unsupported: message @ ...").
func parseError(_ source: String) -> String {
    do {
        _ = try Parser.parse(source)
        return "no error"
    } catch let error as PyError {
        let type = error.exceptionType ?? "unsupported"
        return "\(type): \(error.message) @ \(error.loc.map(\.description) ?? "?")"
    } catch {
        return "\(error)"
    }
}

@Suite struct ParserDumpTests {
    @Test func dumpShowsStructure() throws {
        #expect(try dump("x = f(a, k=1)[0].y") == "(= x (. (sub (call f a k=1) 0) y))")
        #expect(try dump("'a\\n'") == "(expr 'a\\n')")
    }

    @Test func parseErrorFormatsTypeMessageAndPosition() {
        #expect(parseError("x = (") == "SyntaxError: '(' was never closed @ 1:5")
        #expect(parseError("x = 1") == "no error")
    }
}
