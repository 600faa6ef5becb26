// Stand-ins for the sentence-transformers tests: helpers on the shared StandInContext (attribute assignment, method
// calls, errors as text), a fake host whose models return fixed embeddings and scores and record what they were
// asked, and fixture reading.

import Foundation
import QuillJSON
import Testing
@testable import QuillPython

extension StandInContext {
    func setAttribute(_ value: Value, _ name: String, _ newValue: Value) throws {
        guard case .object(let o as PyAttributes) = value, try o.setAttribute(name, newValue, self) else {
            throw PyError.attribute("'\(value.typeName)' object attribute '\(name)' is read-only")
        }
    }

    /// `obj.name(*positional, **keywords)`.
    func method(_ object: Value, _ name: String, _ positional: [Value] = [], _ keywords: [(name: String, value: Value)] = []) throws -> Value {
        try call(try attribute(object, name), Arguments(positional, keywords: keywords))
    }

    /// "Type: message" of the error `body` throws, or nil.
    func error(_ body: () throws -> Any) -> String? {
        do { _ = try body() } catch let e as PyError { return e.description } catch { return "\(error)" }
        return nil
    }
}

/// A bi-encoder with fixed embeddings per text (unknown texts: a vector of their length), recording each encode.
class FakeBiEncoder: BiEncoderModel, BiEncoderSavedSettings, @unchecked Sendable {
    let name: String
    let dimension: Int
    let maxSequenceLength: Int
    let similarityFunctionName: String?
    let prompts: [String: String]
    let defaultPromptName: String?
    let truncateDimension: Int?
    let poolingIncludesPrompt: Bool
    let table: [String: [Float]]
    private let lock = NSLock()
    private var _calls: [(sentences: [String], maxSequenceLength: Int, normalize: Bool)] = []

    init(name: String = "fake-model", table: [String: [Float]] = [:], dimension: Int = 4, maxSequenceLength: Int = 128,
         similarityFunctionName: String? = nil, prompts: [String: String] = [:], defaultPromptName: String? = nil,
         truncateDimension: Int? = nil, poolingIncludesPrompt: Bool = true) {
        self.name = name
        self.table = table
        self.dimension = table.values.first?.count ?? dimension
        self.maxSequenceLength = maxSequenceLength
        self.similarityFunctionName = similarityFunctionName
        self.prompts = prompts
        self.defaultPromptName = defaultPromptName
        self.truncateDimension = truncateDimension
        self.poolingIncludesPrompt = poolingIncludesPrompt
    }

    var calls: [(sentences: [String], maxSequenceLength: Int, normalize: Bool)] { lock.withLock { _calls } }

    func encode(_ sentences: [String], maxSequenceLength: Int, normalize: Bool) throws -> [[Float]] {
        lock.withLock { _calls.append((sentences, maxSequenceLength, normalize)) }
        return sentences.map { s in
            var v = table[s] ?? (0..<dimension).map { Float(s.unicodeScalars.count + $0) }
            if normalize {
                let norm = Float(v.reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot())
                v = v.map { $0 / max(norm, 1e-12) }
            }
            return v
        }
    }
}

/// A cross-encoder with fixed scores per pair (unknown pairs: 0.5 per label), recording each predict.
class FakeCrossEncoder: CrossEncoderModel, @unchecked Sendable {
    let name: String
    let labelCount: Int
    let maxLength: Int
    let table: [String: [Float]]
    private let lock = NSLock()
    private var _calls: [(pairs: [String], maxLength: Int, softmax: Bool)] = []

    init(name: String = "fake-ce", labelCount: Int = 1, maxLength: Int = 512, table: [String: [Float]] = [:]) {
        self.name = name
        self.labelCount = labelCount
        self.maxLength = maxLength
        self.table = table
    }

    var calls: [(pairs: [String], maxLength: Int, softmax: Bool)] { lock.withLock { _calls } }

    static func key(_ a: String, _ b: String) -> String { a + "\u{1F}" + b }

    func predict(_ pairs: [(String, String)], maxLength: Int, softmax: Bool) throws -> [[Float]] {
        lock.withLock { _calls.append((pairs.map { Self.key($0.0, $0.1) }, maxLength, softmax)) }
        return pairs.map { table[Self.key($0.0, $0.1)] ?? [Float](repeating: 0.5, count: labelCount) }
    }
}

/// Models that list their modules (ModelModules), for printing.
final class DescribedBiEncoder: FakeBiEncoder, ModelModules, @unchecked Sendable {
    let modules: [ModelModule]
    init(modules: [ModelModule]) {
        self.modules = modules
        super.init()
    }
}

final class DescribedCrossEncoder: FakeCrossEncoder, ModelModules, @unchecked Sendable {
    let modules: [ModelModule]
    init(modules: [ModelModule]) {
        self.modules = modules
        super.init()
    }
}

struct FakeHost: ModelHost {
    var biEncoders: [String: FakeBiEncoder] = ["fake-model": FakeBiEncoder()]
    var crossEncoders: [String: FakeCrossEncoder] = ["fake-ce": FakeCrossEncoder()]
    var described: [String: DescribedBiEncoder] = [:]
    var describedCross: [String: DescribedCrossEncoder] = [:]

    func loadBiEncoder(_ reference: String) throws -> any BiEncoderModel {
        if let m = described[reference] { return m }
        guard let m = biEncoders[reference] else { throw ModelUnavailable(model: reference, searched: ["the test table"]) }
        return m
    }

    func loadCrossEncoder(_ reference: String) throws -> any CrossEncoderModel {
        if let m = describedCross[reference] { return m }
        guard let m = crossEncoders[reference] else { throw ModelUnavailable(model: reference, searched: ["the test table"]) }
        return m
    }
}

enum STFixtures {
    /// Tests/QuillPythonTests/Fixtures/st/NAME (written by Tests/Fixtures/generate/st_*.py).
    /// The fixture as Foundation-style values (dictionaries, arrays, String, Bool, Int, and Double parsed by
    /// Quill's JSON module, which rounds correctly; Foundation's parser does not always).
    static func json(_ name: String) throws -> [String: Any] {
        guard let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil)?
            .appendingPathComponent("st").appendingPathComponent(name) else { throw PyError.value("no Fixtures folder") }
        guard let dict = plain(try JSONParser.parse(try Data(contentsOf: url))) as? [String: Any] else {
            throw PyError.value("\(name): not a JSON object")
        }
        return dict
    }

    private static func plain(_ v: JSONValue) -> Any {
        if let o = v.objectValue { return Dictionary(o.members.map { ($0.key, plain($0.value)) }, uniquingKeysWith: { a, _ in a }) }
        if let a = v.arrayValue { return a.map(plain) }
        if let s = v.stringValue { return s }
        if let b = v.boolValue { return b }
        if v.isNull { return NSNull() }
        if let i = v.intValue { return i }
        return v.doubleValue ?? Double.nan
    }

    static func matrix(_ any: Any?) -> [[Double]] { (any as? [[Any]] ?? []).map { $0.map(number) } }
    static func vector(_ any: Any?) -> [Double] { (any as? [Any] ?? []).map(number) }
    static func number(_ any: Any) -> Double { (any as? Double) ?? (any as? Int).map(Double.init) ?? .nan }

    /// A float32 torch tensor (or numpy array) of the rows.
    static func tensor(_ rows: [[Double]], library: PyArray.Library = .torch, dtype: PyArray.DType = .float32) -> Value {
        .object(PyArray(library: library, dtype: dtype, shape: [rows.count, rows.first?.count ?? 0], scalars: rows.flatMap { $0 }))
    }

    /// The module table's member.
    static func member(_ module: String, _ name: String) -> Value {
        SentenceTransformersModules.modules()[module]?.members[name] ?? .none
    }
}
