// The built-in functions ("directives") of the language. Each checks its arguments and reports type errors
// at the argument's position.

import CommonMark
import Foundation
import QuillPython

/// The evaluated arguments of a call, with their positions.
struct CallArguments {
    var values: [(label: String?, value: Value, range: SourceRange)]
    var callRange: SourceRange
    var function: String

    init(_ values: [(label: String?, value: Value, range: SourceRange)], callRange: SourceRange, function: String) {
        self.values = values
        self.callRange = callRange
        self.function = function
    }

    var positional: [(value: Value, range: SourceRange)] {
        values.filter { $0.label == nil }.map { ($0.value, $0.range) }
    }

    /// Rejects wrong argument counts and unknown keywords.
    func check(positional range: ClosedRange<Int>, keywords: [String] = [], usage: String) throws {
        let count = positional.count
        guard range.contains(count) else {
            throw Diagnostic("\(function) takes \(range.lowerBound == range.upperBound ? "\(range.lowerBound)" : "\(range.lowerBound) to \(range.upperBound)") argument\(range.upperBound == 1 ? "" : "s"), got \(count)",
                             at: callRange, hint: "usage: \(usage)")
        }
        for value in values {
            if let label = value.label, !keywords.contains(label) {
                throw Diagnostic("\(function) has no option '\(label)'", at: value.range,
                                 hint: Suggest.hint(for: label, in: keywords) ?? "usage: \(usage)")
            }
        }
    }

    func keyword(_ name: String) -> (value: Value, range: SourceRange)? {
        values.last(where: { $0.label == name }).map { ($0.value, $0.range) }
    }

    func wrongType(_ what: String, _ got: Value, at range: SourceRange, hint: String? = nil) -> Diagnostic {
        Diagnostic("\(function): expected \(what), got \(got.describedType)", at: range, hint: hint)
    }

    func int(_ name: String, default value: Int) throws -> Int {
        guard let (v, range) = keyword(name) else { return value }
        guard case .int(let i) = v else { throw wrongType("a non-negative integer for \(name)", v, at: range) }
        guard i >= 0 else { throw Diagnostic("\(function): \(name) must not be negative, got \(i)", at: range) }
        return i
    }

    func bool(_ name: String, default value: Bool) throws -> Bool {
        guard let (v, range) = keyword(name) else { return value }
        guard case .bool(let b) = v else { throw wrongType("true or false for \(name)", v, at: range) }
        return b
    }

    func string(_ v: Value, at range: SourceRange, _ what: String) throws -> String {
        guard case .string(let s) = v else { throw wrongType(what, v, at: range) }
        return s
    }

    func strings(_ v: Value, at range: SourceRange, _ what: String) throws -> [String] {
        guard case .list(let items) = v else { throw wrongType(what, v, at: range) }
        return try items.map { try string($0, at: range, what) }
    }
}

enum Builtins {
    static let names = ["bi_encoder", "cross_encoder", "encode", "cosine", "dot", "predict", "search", "rerank",
                        "throughput", "print", "table", "len", "range", "enumerate", "zip"]

    static func call(_ name: String, _ args: CallArguments, in interpreter: inout Interpreter) throws -> Value {
        do {
            switch name {
            case "bi_encoder", "cross_encoder": return try load(name, args, interpreter)
            case "encode": return try encode(args)
            case "cosine", "dot": return try score(name, args)
            case "predict": return try predict(args)
            case "search": return try Retrieval.search(args)
            case "rerank": return try Retrieval.rerank(args)
            case "throughput": return try Throughput.measure(args, interpreter)
            case "print":
                try args.check(positional: 0...Int.max, usage: "print(value, ...)")
                try interpreter.write(args.positional.map(\.value.printed).joined(separator: " ") + "\n", at: args.callRange)
                return .none
            case "table": return try table(args, &interpreter)
            case "len":
                try args.check(positional: 1...1, usage: "len(list)")
                let (v, r) = args.positional[0]
                guard let count = v.count else { throw args.wrongType("a list, pair, matrix or string", v, at: r) }
                return .int(count)
            case "range": return try range(args)
            case "enumerate":
                try args.check(positional: 1...1, usage: "enumerate(list)")
                let (v, r) = args.positional[0]
                guard let items = v.elements else { throw args.wrongType("a list", v, at: r) }
                return .list(items.enumerated().map { .pair(.int($0.offset), $0.element) })
            case "zip":
                try args.check(positional: 2...2, usage: "zip(list1, list2)")
                let (a, ra) = args.positional[0], (b, rb) = args.positional[1]
                guard let x = a.elements else { throw args.wrongType("a list", a, at: ra) }
                guard let y = b.elements else { throw args.wrongType("a list", b, at: rb) }
                return .list(zip(x, y).map { .pair($0, $1) })
            default:
                throw Diagnostic("unknown function '\(name)'", at: args.callRange,
                                 hint: Suggest.hint(for: name, in: names) ?? "functions: " + names.joined(separator: ", "))
            }
        } catch let error as ValueError {
            throw Diagnostic(error.message, at: args.callRange, hint: error.hint)
        }
    }

    private static func load(_ name: String, _ args: CallArguments, _ interpreter: Interpreter) throws -> Value {
        try args.check(positional: 1...1, usage: "\(name)(\"model name or path\")")
        let (v, r) = args.positional[0]
        let reference = try args.string(v, at: r, "a model name or path")
        let directory = interpreter.notebookDirectory
        let host = interpreter.host
        let key = "\(name)\u{0}\(directory.path)\u{0}\(reference)"
        do {
            return .model(try interpreter.cache.model(key) {
                name == "bi_encoder"
                    ? .biEncoder(name: reference, model: try host.loadBiEncoder(reference))
                    : .crossEncoder(name: reference, model: try host.loadCrossEncoder(reference))
            })
        } catch let error as ModelUnavailable {
            throw error
        } catch let error as Diagnostic {
            throw error
        } catch {
            throw Diagnostic("cannot load \(name == "bi_encoder" ? "bi-encoder" : "cross-encoder") '\(reference)': \(error)",
                             at: r, hint: "check the model name or path (relative paths start at the notebook's folder)")
        }
    }

    static func biEncoder(_ v: Value, _ r: SourceRange, _ args: CallArguments) throws -> (String, any BiEncoderModel) {
        guard case .model(.biEncoder(let name, let model)) = v else {
            throw args.wrongType("a bi-encoder", v, at: r, hint: "load one with bi_encoder(\"name\")")
        }
        return (name, model)
    }

    static func crossEncoder(_ v: Value, _ r: SourceRange, _ args: CallArguments) throws -> any CrossEncoderModel {
        guard case .model(.crossEncoder(_, let model)) = v else {
            throw args.wrongType("a cross-encoder", v, at: r, hint: "load one with cross_encoder(\"name\")")
        }
        return model
    }

    /// Runs an engine call, turning its errors into a diagnostic at the call.
    static func engineCall<T>(_ args: CallArguments, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as ModelUnavailable {
            throw error
        } catch let error as Diagnostic {
            throw error
        } catch {
            throw Diagnostic("\(args.function) failed: \(error)", at: args.callRange)
        }
    }

    static func embed(_ model: any BiEncoderModel, _ sentences: [String], normalize: Bool, _ args: CallArguments) throws -> Matrix {
        let rows = try engineCall(args) { try model.encode(sentences, maxSequenceLength: model.maxSequenceLength, normalize: normalize) }
        guard rows.count == sentences.count else {
            throw Diagnostic("engine returned \(rows.count) embeddings for \(sentences.count) sentences", at: args.callRange)
        }
        return try Matrix(rows: rows)
    }

    private static func encode(_ args: CallArguments) throws -> Value {
        try args.check(positional: 2...2, keywords: ["normalize"], usage: "encode(model, sentences, normalize=false)")
        let (_, model) = try biEncoder(args.positional[0].value, args.positional[0].range, args)
        let (v, r) = args.positional[1]
        let sentences: [String]
        if case .string(let s) = v { sentences = [s] } else {
            sentences = try args.strings(v, at: r, "a sentence or a list of sentences")
        }
        return .matrix(try embed(model, sentences, normalize: try args.bool("normalize", default: false), args))
    }

    static func matrix(_ v: Value, _ r: SourceRange, _ args: CallArguments) throws -> Matrix {
        switch v {
        case .matrix(let m): return m
        case .list(let items) where items.allSatisfy({ $0.number != nil }) && !items.isEmpty:
            return Matrix(rows: 1, columns: items.count, scalars: items.map { Float($0.number ?? 0) })
        default:
            throw args.wrongType("embeddings", v, at: r, hint: "make embeddings with encode(model, sentences)")
        }
    }

    private static func score(_ name: String, _ args: CallArguments) throws -> Value {
        try args.check(positional: 2...2, usage: "\(name)(embeddings1, embeddings2)")
        let a = try matrix(args.positional[0].value, args.positional[0].range, args)
        let b = try matrix(args.positional[1].value, args.positional[1].range, args)
        return .matrix(name == "cosine" ? try Scoring.cosine(a, b) : try Scoring.dot(a, b))
    }

    static func pairs(_ v: Value, _ r: SourceRange, _ args: CallArguments) throws -> [(String, String)] {
        guard case .list(let items) = v else { throw args.wrongType("a list of pairs", v, at: r) }
        return try items.map { item in
            guard let parts = item.elements, parts.count == 2, case .string(let a) = parts[0], case .string(let b) = parts[1] else {
                throw args.wrongType("a list of (string, string) pairs", item, at: r, hint: "zip(list1, list2) makes pairs")
            }
            return (a, b)
        }
    }

    private static func predict(_ args: CallArguments) throws -> Value {
        try args.check(positional: 2...2, keywords: ["softmax"], usage: "predict(cross_encoder, pairs, softmax=false)")
        let model = try crossEncoder(args.positional[0].value, args.positional[0].range, args)
        let (v, r) = args.positional[1]
        let single: Bool
        if case .pair = v { single = true } else { single = false }
        let pairs = try pairs(single ? .list([v]) : v, r, args)
        let softmax = try args.bool("softmax", default: false)
        let rows = try engineCall(args) { try model.predict(pairs, maxLength: model.maxLength, softmax: softmax) }
        guard rows.count == pairs.count else {
            throw Diagnostic("engine returned \(rows.count) scores for \(pairs.count) pairs", at: args.callRange)
        }
        if rows.allSatisfy({ $0.count == 1 }) {
            let scores = rows.map { Value.float(Double($0[0])) }
            return single ? scores[0] : .list(scores)
        }
        let m = try Matrix(rows: rows)
        return single ? .list(m.row(0).map { .float(Double($0)) }) : .matrix(m)
    }

    private static func table(_ args: CallArguments, _ interpreter: inout Interpreter) throws -> Value {
        try args.check(positional: 1...1, keywords: ["rows", "columns", "format"],
                       usage: "table(value, rows=labels, columns=labels, format=\".4f\")")
        func labels(_ name: String) throws -> [String]? {
            guard let (v, r) = args.keyword(name) else { return nil }
            guard let items = v.elements else { throw args.wrongType("a list of labels for \(name)", v, at: r) }
            return items.map(\.printed)
        }
        var spec = try FormatSpec(".4f")
        if let (v, r) = args.keyword("format") {
            let text = try args.string(v, at: r, "a format spec such as \".4f\"")
            do { spec = try FormatSpec(text) } catch let e as ValueError { throw Diagnostic(e.message, at: r, hint: e.hint) }
        }
        let text = try Table.render(args.positional[0].value, rowLabels: try labels("rows"),
                                    columnLabels: try labels("columns"), spec: spec)
        try interpreter.write(text, at: args.callRange)
        return .none
    }

    private static func range(_ args: CallArguments) throws -> Value {
        try args.check(positional: 1...2, usage: "range(n) or range(start, end)")
        var bounds: [Int] = []
        for (v, r) in args.positional {
            guard case .int(let i) = v else { throw args.wrongType("an integer", v, at: r) }
            bounds.append(i)
        }
        let (lo, hi) = bounds.count == 1 ? (0, bounds[0]) : (bounds[0], bounds[1])
        let (span, overflow) = hi.subtractingReportingOverflow(lo)
        guard !overflow, span <= 10_000_000 else { throw ValueError("range(\(lo), \(hi)) is too large (limit 10,000,000)") }
        return .list(lo < hi ? (lo..<hi).map { .int($0) } : [])
    }
}
