// Executes the statements of one cell against the notebook's variables, collecting printed output.

import CommonMark
import Foundation
import QuillPython

/// Models loaded in this run, keyed by kind and reference: each model loads once however many cells use it.
public final class ModelCache: @unchecked Sendable {
    private let lock = NSLock()
    private var models: [String: ModelHandle] = [:]

    public init() {}

    func model(_ key: String, load: () throws -> ModelHandle) throws -> ModelHandle {
        lock.lock()
        defer { lock.unlock() }
        if let model = models[key] { return model }
        let model = try load()
        models[key] = model
        return model
    }
}

/// A cell ran past its time budget. Checked between statements and loop iterations (engine calls are not
/// interrupted).
struct CellTimeout: Error {}

struct Interpreter {
    /// The most text one cell may print; beyond it the cell fails instead of filling the disk.
    static let outputLimit = 4 << 20

    let host: any ModelHost
    let cache: ModelCache
    let notebookDirectory: URL
    var variables: [String: Value] = [:]
    var output = ""
    var deadline: ContinuousClock.Instant?

    init(host: any ModelHost, cache: ModelCache, notebookDirectory: URL) {
        self.host = host
        self.cache = cache
        self.notebookDirectory = notebookDirectory
    }

    mutating func execute(_ statements: [Statement]) throws {
        for statement in statements {
            try checkDeadline(statement)
            switch statement {
            case .assign(let name, let value, _):
                variables[name] = try evaluate(value)
            case .expression(let expr):
                _ = try evaluate(expr)
            case .forLoop(let names, let sequenceExpr, let body, let range):
                let sequence = try evaluate(sequenceExpr)
                guard let items = sequence.elements else {
                    throw Diagnostic("cannot loop over \(sequence.describedType)", at: sequenceExpr.range,
                                     hint: "loop over a list, range(n) or enumerate(list)")
                }
                for item in items {
                    if names.count == 2 {
                        guard let parts = item.elements, parts.count == 2 else {
                            throw Diagnostic("cannot unpack \(item.describedType) into two names", at: range,
                                             hint: "two loop variables need pairs, e.g. enumerate(list) or zip(a, b)")
                        }
                        variables[names[0]] = parts[0]
                        variables[names[1]] = parts[1]
                    } else {
                        variables[names[0]] = item
                    }
                    try execute(body)
                }
            }
        }
    }

    private func checkDeadline(_ statement: Statement) throws {
        if let deadline, ContinuousClock.now > deadline { throw CellTimeout() }
    }

    mutating func write(_ text: String, at range: SourceRange) throws {
        output += text
        if output.utf8.count > Self.outputLimit {
            throw Diagnostic("cell printed more than \(Self.outputLimit >> 20) MiB", at: range)
        }
    }

    mutating func evaluate(_ expr: Expr) throws -> Value {
        switch expr {
        case .int(let v, _): return .int(v)
        case .float(let v, _): return .float(v)
        case .string(let s, _): return .string(s)
        case .bool(let b, _): return .bool(b)
        case .list(let items, _): return .list(try items.map { try evaluate($0) })
        case .pair(let a, let b, _): return .pair(try evaluate(a), try evaluate(b))
        case .variable(let name, let range):
            if let value = variables[name] { return value }
            if Builtins.names.contains(name) {
                throw Diagnostic("'\(name)' is a function, not a variable", at: range, hint: "call it: \(name)(...)")
            }
            throw Diagnostic("unknown variable '\(name)'", at: range,
                             hint: Suggest.hint(for: name, in: Array(variables.keys).sorted())
                                 ?? "variables are set with NAME = value in this or an earlier cell")
        case .template(let parts, _):
            var text = ""
            for part in parts {
                switch part {
                case .text(let s): text += s
                case .value(let e, let specText, let specRange):
                    let value = try evaluate(e)
                    guard let specText else { text += value.printed; continue }
                    do {
                        text += try FormatSpec(specText).format(value)
                    } catch let error as ValueError {
                        throw Diagnostic(error.message, at: specRange, hint: error.hint)
                    }
                }
            }
            return .string(text)
        case .index(let base, let indexExpr, let range):
            return try index(try evaluate(base), try evaluate(indexExpr), base: base, indexExpr: indexExpr, range: range)
        case .field(let base, let name, let range):
            let value = try evaluate(base)
            guard case .record(let fields) = value else {
                throw Diagnostic("\(value.describedType) has no field '\(name)'", at: range)
            }
            guard let field = fields.first(where: { $0.0 == name }) else {
                throw Diagnostic("no field '\(name)'", at: range,
                                 hint: Suggest.hint(for: name, in: fields.map(\.0))
                                     ?? "fields: " + fields.map(\.0).joined(separator: ", "))
            }
            return field.1
        case .call(let name, let arguments, let range):
            guard Builtins.names.contains(name) else {
                throw Diagnostic("unknown function '\(name)'", at: range,
                                 hint: Suggest.hint(for: name, in: Builtins.names)
                                     ?? "functions: " + Builtins.names.joined(separator: ", "))
            }
            var values: [(label: String?, value: Value, range: SourceRange)] = []
            for argument in arguments {
                values.append((argument.label, try evaluate(argument.value), argument.range))
            }
            return try Builtins.call(name, CallArguments(values, callRange: range, function: name), in: &self)
        }
    }

    private func index(_ value: Value, _ index: Value, base: Expr, indexExpr: Expr, range: SourceRange) throws -> Value {
        if case .record(let fields) = value, case .string(let key) = index {
            guard let field = fields.first(where: { $0.0 == key }) else {
                throw Diagnostic("no field '\(key)'", at: indexExpr.range,
                                 hint: Suggest.hint(for: key, in: fields.map(\.0)))
            }
            return field.1
        }
        guard case .int(let i) = index else {
            throw Diagnostic("index must be an integer, got \(index.describedType)", at: indexExpr.range)
        }
        guard let count = value.count, value.elements != nil || {
            if case .matrix = value { return true }
            return false
        }() else {
            throw Diagnostic("cannot index \(value.describedType)", at: base.range)
        }
        let k = i < 0 ? count + i : i
        guard k >= 0, k < count else {
            throw Diagnostic("index \(i) out of range for \(value.describedType) of \(count) element\(count == 1 ? "" : "s")",
                             at: indexExpr.range, hint: count == 0 ? "it is empty" : "valid indices are 0...\(count - 1)")
        }
        switch value {
        case .matrix(let m): return .list(m.row(k).map { .float(Double($0)) })
        case .list(let items): return items[k]
        case .pair(let a, let b): return k == 0 ? a : b
        case .string(let s): return .string(String(s[s.index(s.startIndex, offsetBy: k)]))
        default: throw Diagnostic("cannot index \(value.describedType)", at: base.range)
        }
    }
}
