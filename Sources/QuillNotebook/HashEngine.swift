// A deterministic stand-in for Quill's models (QUILL_ENGINE=hash, tests, trying notebooks without models):
// embeddings come from a hash of the sentence's words, so equal words give similar vectors. Its numbers mean nothing.

import Foundation
import QuillPython

public struct HashEngine: ModelHost {
    public var dimension: Int
    /// References that throw `ModelUnavailable` (as do all starting with "unavailable/"), to exercise the
    /// "notebook not run" path; references starting with "missing" throw an ordinary load error.
    public var unavailable: Set<String>

    public init(dimension: Int = 8, unavailable: Set<String> = []) {
        self.dimension = dimension
        self.unavailable = unavailable
    }

    public func loadBiEncoder(_ reference: String) throws -> any BiEncoderModel {
        try check(reference)
        return Model(name: reference, dimension: dimension, seed: HashEngine.fnv(reference))
    }

    public func loadCrossEncoder(_ reference: String) throws -> any CrossEncoderModel {
        try check(reference)
        return Model(name: reference, dimension: dimension, seed: HashEngine.fnv(reference))
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

    /// One fake model serves as both kinds. Its "tokens" are words: `maxSequenceLength` truncates to that many.
    struct Model: BiEncoderModel, CrossEncoderModel {
        var name: String
        var dimension: Int
        var seed: UInt64
        var labelCount: Int { 1 }
        var maxSequenceLength: Int { 128 }
        var maxLength: Int { 128 }
        var similarityFunctionName: String? { nil }
        var prompts: [String: String] { [:] }

        /// The sum of one pseudo-random vector per word (lowercased, split at anything but letters and digits).
        func vector(_ sentence: String, maxWords: Int) -> [Float] {
            var v = [Float](repeating: 0, count: dimension)
            for word in sentence.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).prefix(max(0, maxWords)) {
                var state = HashEngine.fnv(String(word)) ^ seed
                for k in 0..<dimension {
                    state = state &* 6364136223846793005 &+ 1442695040888963407
                    v[k] += Float(Int64(bitPattern: state >> 11) % 2001 - 1000) / 1000
                }
            }
            return v
        }

        /// v / max(‖v‖₂, 1e-8), the norm summed in Float (normalize_embeddings=True on this fake model).
        static func normalized(_ v: [Float]) -> [Float] {
            let norm = max(v.reduce(0) { $0 + $1 * $1 }.squareRoot(), 1e-8)
            return v.map { $0 / norm }
        }

        /// v / max(‖v‖₂, 1e-12), the norm summed in Double, as torch.nn.functional.normalize (for the cosine).
        static func unit(_ v: [Float]) -> [Float] {
            let norm = Float(max(v.reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot(), 1e-12))
            return v.map { $0 / norm }
        }

        func encode(_ sentences: [String], maxSequenceLength: Int, normalize: Bool) throws -> [[Float]] {
            sentences.map { sentence in
                let v = vector(sentence, maxWords: maxSequenceLength)
                return normalize ? Model.normalized(v) : v
            }
        }

        /// sigmoid(4 · cosine of the two sentences' vectors), each truncated to `maxLength` words. One label, so
        /// `softmax` changes nothing (sentence-transformers applies it only to several labels).
        func predict(_ pairs: [(String, String)], maxLength: Int, softmax: Bool) throws -> [[Float]] {
            pairs.map { a, b in
                let x = Model.unit(vector(a, maxWords: maxLength)), y = Model.unit(vector(b, maxWords: maxLength))
                var cosine: Float = 0
                for (u, v) in zip(x, y) { cosine += u * v }
                return [1 / (1 + exp(-4 * cosine))]
            }
        }
    }
}
