// The cross-encoder's last layer attends for the first tokens without forming keys or values
// (Sources/Models/FirstTokenAttention.swift). Its first-token rows must agree with those of the whole encoder, which
// forms every key and value: on the tiny cross-encoder fixtures and on the real all-MiniLM-L6-v2 weights (hidden
// size 384, 12 heads). Tolerance: 2e-6 per component relative to the row's largest magnitude (the two differ only
// in how the sums are associated; measured 1.5e-7 to 2e-7 on both), and bit-identical results
// however the batch is grouped.
import Foundation
import Testing
@testable import Models
import Tensors

@Suite struct FirstTokenAttentionTests {
    func batch(_ ids: [[Int32]]) -> PackedBatch {
        var batch = PackedBatch()
        for (i, sequence) in ids.enumerated() {
            // token types: the second half of every other sequence is a second segment, as in a pair
            let types = sequence.indices.map { Int32(i % 2 == 1 && $0 >= sequence.count / 2 ? 1 : 0) }
            batch.append(sequence, typeIds: types)
        }
        return batch
    }

    /// Max over rows of max |a - e| / max(1, max |e|) between the key-free first tokens and the whole encoder's.
    func compare(_ weights: Weights, _ config: TransformerConfig, _ packed: PackedBatch) throws -> Float {
        let keyFree = try Encoder(weights, config, firstTokens: true)
        #expect(keyFree.lastFirstTokenAttention != nil, "the packed GEMM runs here, so the key-free form must be in use")
        let whole = try Encoder(weights, config)
        let first = try keyFree(packed, firstTokensOnly: true)
        let all = try whole(packed)
        let C = config.hiddenSize
        var worst: Float = 0
        for s in 0..<packed.sequenceCount {
            let row = Array(all[packed.offsets[s] * C..<(packed.offsets[s] + 1) * C])
            let scale = max(1, row.map(abs).max() ?? 0)
            for c in 0..<C {
                let d = abs(first[s * C + c] - row[c]) / scale
                if !(d <= worst) { worst = d.isNaN ? .infinity : d }
            }
        }
        // grouping changes nothing
        for tokens in [1, 20, 64] {
            #expect(try keyFree(packed, firstTokensOnly: true, split: .groups(tokens: tokens)) == first, "groups of \(tokens)")
        }
        #expect(try keyFree(packed, firstTokensOnly: true, split: .operations) == first)
        return worst
    }

    @Test(arguments: ["ce-bert-1", "ce-roberta-1"])
    func fixturesAgreeWithFormedKeys(_ name: String) throws {
        let model = try CrossEncoder(directory: Fixtures.model(name))
        let weights = try Weights.open(directory: Fixtures.model(name))
        let base = weights.scoped(model.config.family == .roberta ? "roberta" : "bert")
        let pairs = [("a man is eating", "a man eats food"), ("the sky", "a cat sleeps on the warm mat all day"),
                     ("x", "y"), ("short", "a much longer second sentence with many more tokens in it")]
        let packed = batch((pairs + pairs.reversed() + pairs).map { model.tokenize($0.0, $0.1) })
        let worst = try compare(base, model.config, packed)
        print("first tokens without keys, \(name): max |Δ| = \(worst) (tolerance 2e-6)")
        #expect(worst <= 2e-6)
    }

    @Test func allMiniLMAgreesWithFormedKeys() throws {
        guard let dir = Fixtures.realModel() else { return }
        let model = try BiEncoder(directory: dir)
        let texts = ["A man is eating food.", "The new movie is awesome", "x",
                     "A cheetah is running behind its prey across the wide open savanna while the herd scatters.",
                     "Two dogs play in the snow near a frozen lake, and a child throws a red ball for them to chase."]
        let packed = batch((0..<6).flatMap { _ in texts }.map { model.tokenize($0) })
        let worst = try compare(Weights.open(directory: dir).encoderScope(), model.encoder.config, packed)
        print("first tokens without keys, all-MiniLM-L6-v2: max |Δ| = \(worst) (tolerance 2e-6)")
        #expect(worst <= 2e-6)
    }
}
