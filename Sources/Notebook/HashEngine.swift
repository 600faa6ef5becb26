// A deterministic stand-in engine for tests and for trying notebooks without models: embeddings come from a
// hash of the sentence's words, so equal words give similar vectors. Its numbers mean nothing.

import Foundation

public struct HashEngine: Engine {
    public var dimension: Int
    /// References that throw `ModelUnavailable` (as do all starting with "unavailable/"), to exercise the
    /// "notebook not run" path; references starting with "missing" throw an ordinary load error.
    public var unavailable: Set<String>

    public init(dimension: Int = 8, unavailable: Set<String> = []) {
        self.dimension = dimension
        self.unavailable = unavailable
    }

    public func loadBiEncoder(_ reference: String, notebookDirectory: URL) throws -> any BiEncoderModel {
        try check(reference)
        return Model(dimension: dimension, seed: HashEngine.fnv(reference))
    }

    public func loadCrossEncoder(_ reference: String, notebookDirectory: URL) throws -> any CrossEncoderModel {
        try check(reference)
        return Model(dimension: dimension, seed: HashEngine.fnv(reference))
    }

    private func check(_ reference: String) throws {
        if unavailable.contains(reference) || reference.hasPrefix("unavailable/") {
            throw ModelUnavailable(model: reference, searched: ["(hash engine)"], hint: "marked unavailable")
        }
        if reference.isEmpty || reference.hasPrefix("missing") {
            throw HashEngineError(message: "no model named '\(reference)'")
        }
    }

    struct HashEngineError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    static func fnv(_ s: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }

    struct Model: BiEncoderModel, CrossEncoderModel {
        var dimension: Int
        var seed: UInt64
        var labelCount: Int { 1 }

        func vector(_ sentence: String) -> [Float] {
            var v = [Float](repeating: 0, count: dimension)
            for word in sentence.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }) {
                var state = HashEngine.fnv(String(word)) ^ seed
                for k in 0..<dimension {
                    state = state &* 6364136223846793005 &+ 1442695040888963407
                    v[k] += Float(Int64(bitPattern: state >> 11) % 2001 - 1000) / 1000
                }
            }
            return v
        }

        func encode(_ sentences: [String], normalize: Bool) throws -> [[Float]] {
            sentences.map { sentence in
                let v = vector(sentence)
                guard normalize else { return v }
                let norm = max(v.reduce(0) { $0 + $1 * $1 }.squareRoot(), 1e-8)
                return v.map { $0 / norm }
            }
        }

        func predict(_ pairs: [(String, String)], softmax: Bool) throws -> [[Float]] {
            try pairs.map { a, b in
                let m = try Scoring.cosine(Matrix(rows: [vector(a)]), Matrix(rows: [vector(b)]))
                let x = 4 * m.scalars[0]
                return [1 / (1 + exp(-x))]
            }
        }
    }
}
