// The families beyond BERT and RoBERTa (Tests/Fixtures/generate/models_families.py): MPNet's relative position
// buckets against transformers' own, its bias inside the attention kernel against the formula in Double, the
// families' config names, and the error that lists what is supported. The golden parity of the tiny MPNet,
// DistilBERT and XLM-RoBERTa fixtures runs in BiEncoderTests and CrossEncoderTests with the others.
import Foundation
import QuillJSON
import Testing
@testable import QuillModels
import QuillTensors

@Suite struct FamiliesTests {
    /// Every relative position in -600...600 (past max_distance 128 and the bucket edges at 8, 16, 32, 64 where
    /// Float32 rounding decides) gets the bucket transformers computes.
    @Test func mpnetBucketsMatchTransformers() throws {
        let expected = try Self.tables()
        let first = try #require(expected["first"]?.intValue)
        let buckets = (expected["buckets"]?.arrayValue ?? []).compactMap(\.intValue)
        #expect(buckets.count == 1201)
        for (i, bucket) in buckets.enumerated() {
            #expect(RelativePositionBias.bucket(relative: first + i) == bucket, "relative position \(first + i)")
        }
    }

    /// The kernel's additive bias, read as a Toeplitz matrix (stride -1), against softmax(scale·q·k + bias)·v in
    /// Double, for the queries of one head, on the portable path and on the one this CPU runs.
    @Test(arguments: [1, 5, 17, 40])
    func biasedAttentionHeadMatchesFormula(_ L: Int) throws {
        let H = 2, D = 8, M = 48
        var rng = SeededGenerator(seed: UInt64(L))
        let table = (0..<(32 * H)).map { _ in rng.nextSigned() }
        let bias = RelativePositionBias(table: table, heads: H, maxPositions: M)
        let ld = 3 * D
        let qkv = (0..<(L * ld)).map { _ in rng.nextSigned() }
        let scale: Float = 1 / Float(D).squareRoot()
        for portable in [true, false] {
            var out = [Float](repeating: 0, count: L * D)
            var scratch = [Float](repeating: 0, count: attentionScratchCount(keys: L, headSize: D))
            qkv.withUnsafeBufferPointer { x in
                let q = x.baseAddress!
                attentionHead(q: q, k: q + D, v: q + 2 * D, ld: ld, out: &out, ldo: D, queries: L, keys: L, headSize: D,
                              scale: scale, bias: bias.centre(head: 1), biasStride: RelativePositionBias.rowStride,
                              scratch: &scratch, portable: portable)
            }
            var worst = 0.0
            for i in 0..<L {
                var scores = (0..<L).map { j in
                    var dot = 0.0
                    for d in 0..<D { dot += Double(qkv[i * ld + d]) * Double(qkv[j * ld + D + d]) }
                    return dot * Double(scale) + Double(table[RelativePositionBias.bucket(relative: j - i) * H + 1])
                }
                let top = scores.max() ?? 0
                scores = scores.map { exp($0 - top) }
                let sum = scores.reduce(0, +)
                for d in 0..<D {
                    var acc = 0.0
                    for j in 0..<L { acc += scores[j] / sum * Double(qkv[j * ld + 2 * D + d]) }
                    worst = max(worst, abs(acc - Double(out[i * D + d])))
                }
            }
            #expect(worst < 2e-6, "L = \(L), portable \(portable): max |Δ| = \(worst)")
        }
    }

    @Test func distilbertConfigNames() throws {
        let config = try TransformerConfig.load(Fixtures.model("distilbert-cls").appendingPathComponent("config.json"))
        #expect(config.family == .distilbert)
        #expect(config.hiddenSize == 32 && config.layerCount == 2 && config.headCount == 4 && config.intermediateSize == 64)
        #expect(config.hiddenActivation == .relu && config.sinusoidalPositions && config.layerNormEps == 1e-12)
        #expect(config.maxTokens == config.maxPositionEmbeddings)
    }

    @Test func mpnetPositionsCountFromOne() throws {
        let model = try BiEncoder(directory: Fixtures.model("mpnet-mean"))
        #expect(model.config.family == .mpnet && model.config.maxTokens == model.config.maxPositionEmbeddings - 2)
        #expect(model.encoder.embeddings.positions([0, 7, 1, 9, 2]) == [2, 3, 1, 4, 5])
        #expect(model.encoder.positionBias != nil)
    }

    /// A checkpoint without DistilBERT's fixed sinusoidal table gets the one create_sinusoidal_embeddings makes.
    @Test func sinusoidsMatchTransformers() throws {
        let expected = try Self.tables()["sinusoids"]!.floatMatrix
        let table = sinusoids(positions: 12, dimension: 6)
        expectClose((0..<12).map { Array(table[$0 * 6..<($0 + 1) * 6]) }, expected, atol: 1e-7, label: "sinusoids")
    }

    static func tables() throws -> JSONValue {
        try JSONParser.parse(try Data(contentsOf: Fixtures.root.appendingPathComponent("family-tables.json")))
    }

    @Test func unsupportedModelTypeListsEveryFamily() throws {
        let dir = try Fixtures.scratchCopy("mpnet-mean")
        defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
        try edit(dir.appendingPathComponent("config.json"), "\"model_type\": \"mpnet\"", "\"model_type\": \"t5\"")
        let message = loadError { _ = try BiEncoder(directory: dir) }
        #expect(message.contains("unsupported model_type 't5'"), "\(message)")
        for family in ["bert", "roberta", "xlm-roberta", "mpnet", "distilbert"] {
            #expect(message.contains(family), "\(message)")
        }
        #expect(message.contains("config.json"), "\(message)")
    }

    @Test func unsupportedArchitectureListsTheHeads() throws {
        let dir = try Fixtures.scratchCopy("ce-mpnet-1")
        defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
        try edit(dir.appendingPathComponent("config.json"), "\"MPNetForSequenceClassification\"", "\"MPNetForMaskedLM\"")
        let message = loadError { _ = try CrossEncoder(directory: dir) }
        #expect(message.contains("unsupported cross-encoder architecture 'MPNetForMaskedLM'"), "\(message)")
        for arch in ["MPNetForSequenceClassification", "DistilBertForSequenceClassification",
                     "XLMRobertaForSequenceClassification"] {
            #expect(message.contains(arch), "\(message)")
        }
    }

    func loadError(_ body: () throws -> Void) -> String {
        do {
            try body()
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    func edit(_ url: URL, _ old: String, _ new: String) throws {
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains(old), "fixture \(url.lastPathComponent) lacks \(old)")
        try text.replacingOccurrences(of: old, with: new).write(to: url, atomically: true, encoding: .utf8)
    }
}
