// The cross-encoder's last layer attends for the first tokens without forming keys or values
// (Sources/QuillModels/FirstTokenAttention.swift). Its first-token rows must agree with those of the whole encoder, which
// forms every key and value: on the tiny cross-encoder fixtures and on the real all-MiniLM-L6-v2 weights (hidden
// size 384, 12 heads). Tolerance: 2e-6 per component relative to the row's largest magnitude (the two differ only
// in how the sums are associated; measured 1.5e-7 to 2e-7 on both), and bit-identical results
// however the batch is grouped.
import Foundation
import Testing
@testable import QuillModels
import QuillTensors

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

    /// The key-free form exists where the packed GEMM runs (AVX-512 or AVX2 + FMA, not QUILL_GEMM=blas); elsewhere the encoder
    /// forms keys and values and the golden tests cover that path.
    static let available = PackedWeight.available

    @Test(.enabled(if: available, "the packed GEMM does not run here"),
          arguments: ["ce-bert-1", "ce-roberta-1", "ce-mpnet-1", "ce-distilbert-2", "ce-xlmr-1"])
    func fixturesAgreeWithFormedKeys(_ name: String) throws {
        let model = try CrossEncoder(directory: Fixtures.model(name))
        let weights = try Weights.open(directory: Fixtures.model(name))
        let prefixes: [EncoderFamily: String] = [.bert: "bert", .roberta: "roberta", .mpnet: "mpnet", .distilbert: "distilbert"]
        let base = weights.scoped(prefixes[model.config.family] ?? "bert")
        let pairs = [("a man is eating", "a man eats food"), ("the sky", "a cat sleeps on the warm mat all day"),
                     ("x", "y"), ("short", "a much longer second sentence with many more tokens in it")]
        let packed = batch((pairs + pairs.reversed() + pairs).map { model.tokenize($0.0, $0.1) })
        let worst = try compare(base, model.config, packed)
        print("first tokens without keys, \(name): max |Δ| = \(worst) (tolerance 2e-6)")
        #expect(worst <= 2e-6)
    }

    @Test(.enabled(if: available, "the packed GEMM does not run here"))
    func allMiniLMAgreesWithFormedKeys() throws {
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

    /// FirstTokenAttention alone against the formula computed in Double, with random weights at head sizes whose
    /// products take the GEMM's full 48-column panels (D = 48; C = 192, H = 4) and a full panel plus an edge
    /// (D = 64; C = 128, H = 2), an empty sequence between others (its row is the caller's to replace; it must not
    /// disturb the rest) and NaN in the scratch to start.
    @Test(.enabled(if: available, "the packed GEMM does not run here"), arguments: [(192, 4), (128, 2), (32, 4)])
    func matchesTheFormulaInDouble(_ shape: (Int, Int)) throws {
        let (C, H) = shape, D = C / H
        var rng = SeededGenerator(seed: UInt64(C * 31 + H))
        func uniform(_ n: Int, _ a: Float) -> [Float] {
            (0..<n).map { _ in rng.nextSigned() * a }
        }
        let wk = uniform(C * C, 0.2), bk = uniform(C, 0.5), wv = uniform(C * C, 0.2), bv = uniform(C, 0.5)
        let attention = try #require(FirstTokenAttention(key: wk, keyBias: bk, value: wv, valueBias: bv, heads: H, headSize: D))
        let lengths = [7, 1, 0, 19, 3, 12, 5, 9, 2]   // 9 sequences: two tiles of rows
        var batch = PackedBatch()
        for n in lengths { batch.append([Int32](repeating: 0, count: n), typeIds: [Int32](repeating: 0, count: n)) }
        let B = lengths.count, rows = (B + 7) / 8 * 8, T = batch.tokenCount
        let x = uniform(T * C, 1), queries = uniform(rows * C, 1), scale = 1 / Float(D).squareRoot()
        var scratch = [Float](repeating: .nan, count: FirstTokenAttention.scratchCount(sequences: B, longest: T, heads: H, hidden: C))
        var context = [Float](repeating: .nan, count: rows * C)
        x.withUnsafeBufferPointer { xp in
            queries.withUnsafeBufferPointer { qp in
                scratch.withUnsafeMutableBufferPointer { sp in
                    context.withUnsafeMutableBufferPointer { cp in
                        attention(queries: qp.baseAddress!, x: xp.baseAddress!, batch: batch, scale: scale,
                                  scratch: sp.baseAddress!, context: cp.baseAddress!)
                    }
                }
            }
        }
        var worst = 0.0
        for s in 0..<B where lengths[s] > 0 {
            let r0 = batch.offsets[s], n = lengths[s]
            for h in 0..<H {
                // keys and values formed, as the reference does
                func project(_ w: [Float], _ b: [Float], _ j: Int, _ d: Int) -> Double {
                    var sum = Double(b[h * D + d])
                    for c in 0..<C { sum += Double(w[(h * D + d) * C + c]) * Double(x[(r0 + j) * C + c]) }
                    return sum
                }
                var scores = (0..<n).map { j in
                    (0..<D).reduce(0.0) { $0 + Double(queries[s * C + h * D + $1]) * project(wk, bk, j, $1) } * Double(scale)
                }
                let top = scores.max() ?? 0
                scores = scores.map { Foundation.exp($0 - top) }
                let total = scores.reduce(0, +)
                for d in 0..<D {
                    let expected = (0..<n).reduce(0.0) { $0 + scores[$1] / total * project(wv, bv, $1, d) }
                    let got = Double(context[s * C + h * D + d])
                    worst = max(worst, abs(got - expected) / max(1, abs(expected)))
                    #expect(got.isFinite, "sequence \(s) head \(h) column \(d)")
                }
            }
        }
        print("key-free attention against Double, C = \(C), H = \(H): max |Δ| = \(worst) (tolerance 1e-5)")
        #expect(worst <= 1e-5)
    }
}
