// Golden parity of cross-encoders with sentence-transformers 6.2's CrossEncoder.predict on tiny random models.
// Tolerance: max |Δ| <= 1e-5 on logits and on activated scores.
import Foundation
import Testing
@testable import QuillModels
import QuillTensors

@Suite struct CrossEncoderTests {
    static let fixtures = ["ce-bert-1", "ce-bert-3-legacy-sigmoid", "ce-roberta-1", "ce-mpnet-1", "ce-distilbert-2",
                          "ce-xlmr-1"]

    @Test(arguments: fixtures)
    func scoresMatchReference(_ name: String) throws {
        let model = try CrossEncoder(directory: Fixtures.model(name))
        let expected = try Fixtures.expected(name)
        let pairs = expected["pairs"]!.arrayValue!.map { ($0.strings[0], $0.strings[1]) }
        #expect(model.maxLength == expected["max_length"]?.intValue)
        #expect(model.activation.rawValue == expected["activation"]?.stringValue)
        for (pair, ids) in zip(pairs, expected["token_ids"]!.intMatrix) {
            #expect(model.tokenize(pair.0, pair.1) == ids, "\(name): \(pair)")
        }
        expectClose(try model.predict(pairs, batchSize: 4), expected["scores"]!.floatMatrix, atol: 1e-5, label: "\(name) scores")
        expectClose(try model.predict(pairs, batchSize: 4, activate: false), expected["logits"]!.floatMatrix, atol: 1e-5,
                    label: "\(name) logits")
        if let softmax = expected["softmax"] {
            expectClose(try model.predict(pairs, batchSize: 4, softmax: true), softmax.floatMatrix, atol: 1e-5,
                        label: "\(name) softmax")
        }
    }

    /// Enough pairs to be encoded in groups across the cores (sorted longest first): each score must be exactly
    /// that of its pair scored alone (Quill's GEMM: see manySentencesMatchEachAloneExactly).
    @Test(.enabled(if: PackedWeight.available, blasPath), arguments: fixtures)
    func manyPairsMatchEachAloneExactly(_ name: String) throws {
        let (together, alone, order) = try manyPairsAndEachAlone(name)
        for (i, b) in order.enumerated() {
            #expect(together[i] == alone[b], "\(name): row \(i) pair \(b)")
        }
    }

    /// On the BLAS path, within a bound (see manySentencesMatchEachAloneOnTheBLASPath): measured max |Δ| 6e-8 to 9e-8
    /// on these scores (QUILL_GEMM=blas on Zen); bound 1e-6.
    @Test(.enabled(if: !PackedWeight.available, "Quill's GEMM runs here: manyPairsMatchEachAloneExactly"),
          arguments: fixtures)
    func manyPairsMatchEachAloneOnTheBLASPath(_ name: String) throws {
        let (together, alone, order) = try manyPairsAndEachAlone(name)
        expectClose(together, order.map { alone[$0] }, atol: 1e-6, label: "\(name): together vs alone, BLAS")
    }

    /// 24 shuffled copies of the fixture's pairs scored in one call, each pair scored alone, and the order.
    func manyPairsAndEachAlone(_ name: String) throws -> (together: [[Float]], alone: [[Float]], order: [Int]) {
        let model = try CrossEncoder(directory: Fixtures.model(name))
        let base = try Fixtures.expected(name)["pairs"]!.arrayValue!.map { ($0.strings[0], $0.strings[1]) }
        var rng = SeededGenerator(seed: 2)
        let order = (0..<24).flatMap { _ in base.indices }.shuffled(using: &rng)
        let together = try model.predict(order.map { base[$0] })
        let alone = try base.map { try model.predict([$0])[0] }
        return (together, alone, order)
    }

    @Test func headsByArchitecture() throws {
        #expect(try CrossEncoder(directory: Fixtures.model("ce-bert-1")).activation == .sigmoid)
        #expect(try CrossEncoder(directory: Fixtures.model("ce-bert-3-legacy-sigmoid")).labelCount == 3)
        #expect(try CrossEncoder(directory: Fixtures.model("ce-roberta-1")).config.family == .roberta)
    }
}
