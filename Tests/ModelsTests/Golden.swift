// Shared helpers for the golden tests: fixture lookup, expected.json reading, and a closeness check that reports
// the max |Δ| and the first values, as llm.c does.
import Foundation
import QuillJSON
import Testing

/// A fixed 64-bit LCG (Knuth's MMIX constants): the same numbers, and so the same test inputs, on every run.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return state
    }

    /// A Float in [-1, 1), from the top 24 bits.
    mutating func nextSigned() -> Float { Float(next() >> 40) / Float(1 << 24) * 2 - 1 }
}

enum Fixtures {
    static var root: URL {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)!
    }

    static func model(_ name: String) -> URL { root.appendingPathComponent(name) }

    static func expected(_ name: String) throws -> JSONValue {
        try JSONParser.parse(try Data(contentsOf: model(name).appendingPathComponent("expected.json")))
    }

    /// The package root (for models/ fetched by scripts/fetch-model.sh).
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// models/all-MiniLM-L6-v2 (scripts/fetch-model.sh), or nil when it is missing: then the test has nothing to
    /// check, which is an issue when QUILL_REQUIRE_MODEL=1 (scripts/test.sh, CI).
    static func realModel() -> URL? {
        let dir = packageRoot.appendingPathComponent("models/all-MiniLM-L6-v2")
        if FileManager.default.fileExists(atPath: dir.appendingPathComponent("model.safetensors").path) { return dir }
        if ProcessInfo.processInfo.environment["QUILL_REQUIRE_MODEL"] == "1" {
            Issue.record("models/all-MiniLM-L6-v2 is missing: run scripts/fetch-model.sh")
        }
        return nil
    }

    /// A scratch copy of a fixture model that a test may break.
    static func scratchCopy(_ name: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("quill-models-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let dest = dir.appendingPathComponent(name)
        try FileManager.default.copyItem(at: model(name), to: dest)
        return dest
    }
}

extension JSONValue {
    var floatMatrix: [[Float]] { (arrayValue ?? []).map { ($0.arrayValue ?? []).map { Float($0.doubleValue ?? .nan) } } }
    var intMatrix: [[Int32]] { (arrayValue ?? []).map { ($0.arrayValue ?? []).map { Int32($0.intValue ?? -1) } } }
    var strings: [String] { (arrayValue ?? []).compactMap(\.stringValue) }
}

/// Max |actual - expected| over all components, scaled per row by max(1, ‖expected row‖₂) so that unnormalized
/// embeddings get the same relative tolerance as unit vectors.
func expectClose(_ actual: [[Float]], _ expected: [[Float]], atol: Float, label: String,
                 sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(actual.count == expected.count, "\(label): \(actual.count) rows, expected \(expected.count)", sourceLocation: sourceLocation)
    var worst: Float = 0
    var worstRow = 0
    for (i, (a, e)) in zip(actual, expected).enumerated() {
        #expect(a.count == e.count, "\(label) row \(i): width \(a.count), expected \(e.count)", sourceLocation: sourceLocation)
        let scale = max(1, e.reduce(0) { $0 + $1 * $1 }.squareRoot())
        for (x, y) in zip(a, e) {
            let d = abs(x - y) / scale
            if !(d <= worst) { worst = d.isNaN ? .infinity : d; worstRow = i }
        }
    }
    let a = actual.indices.contains(worstRow) ? Array(actual[worstRow].prefix(5)) : []
    let e = expected.indices.contains(worstRow) ? Array(expected[worstRow].prefix(5)) : []
    print("parity \(label): max |Δ| = \(worst) (tolerance \(atol))")
    #expect(worst <= atol, "\(label): max |Δ| = \(worst) (row \(worstRow)); first: \(a) vs \(e)", sourceLocation: sourceLocation)
}
