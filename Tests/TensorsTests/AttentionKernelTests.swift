// The attention kernel (the path this CPU runs: AVX-512, AVX2 or portable; and the portable path) against a
// Double-precision reference, on head sizes with and without a tail of 8/16/32 columns, sequences from 1 token to
// several blocks of 16 keys, and query counts that leave partial blocks of 4, 6 and 8; without a bias, with a bias
// matrix, and with a Toeplitz bias read at stride -1 (MPNet's). Tolerance 1e-6 absolute (outputs are convex
// combinations of values in [-1, 1]; Float32 rounding of ~100-term sums stays well below it).
import Foundation
import Testing
@testable import QuillTensors

@Suite struct AttentionKernelTests {
    enum BiasKind: CaseIterable, Sendable { case none, matrix, toeplitz }

    @Test(arguments: [false, true], BiasKind.allCases)
    func matchesReference(portable: Bool, biasKind: BiasKind) {
        var rng = SplitMix(seed: 7)
        for (keys, d) in [(1, 32), (5, 32), (17, 64), (40, 24), (100, 32), (33, 8)] {
            for queries in Set([1, 3, 7, 8, 13, keys]) where queries <= keys {
                let heads = 2, C = heads * d, ld = 3 * C
                let qkv = (0..<(keys * ld)).map { _ in rng.float() }
                let scale = 1 / Float(d).squareRoot()
                var out = [Float](repeating: .nan, count: queries * C)
                var scratch = [Float](repeating: .nan, count: attentionScratchCount(keys: keys, headSize: d))
                // bias(i, j) at bias + base + i·stride + j: a (queries, keys) matrix, or one vector of queries +
                // keys - 1 read backwards row by row
                let (bias, base, stride): ([Float], Int, Int) = switch biasKind {
                case .none: ([0], 0, 0)
                case .matrix: ((0..<(queries * keys)).map { _ in 2 * rng.float() }, 0, keys)
                case .toeplitz: ((0..<(queries + keys - 1)).map { _ in 2 * rng.float() }, queries - 1, -1)
                }
                func biasAt(_ i: Int, _ j: Int) -> Double { biasKind == .none ? 0 : Double(bias[base + i * stride + j]) }
                qkv.withUnsafeBufferPointer { p in
                    out.withUnsafeMutableBufferPointer { o in
                        scratch.withUnsafeMutableBufferPointer { s in
                            for h in 0..<heads {
                                let q = p.baseAddress! + h * d
                                bias.withUnsafeBufferPointer { b in
                                    attentionHead(q: q, k: q + C, v: q + 2 * C, ld: ld, out: o.baseAddress! + h * d,
                                                  ldo: C, queries: queries, keys: keys, headSize: d, scale: scale,
                                                  bias: biasKind == .none ? nil : b.baseAddress! + base,
                                                  biasStride: stride, scratch: s.baseAddress!, portable: portable)
                                }
                            }
                        }
                    }
                }
                var worst = 0.0
                for h in 0..<heads {
                    for i in 0..<queries {
                        var scores = (0..<keys).map { j in
                            (0..<d).reduce(0.0) { $0 + Double(qkv[i * ld + h * d + $1]) * Double(qkv[j * ld + C + h * d + $1]) }
                                * Double(scale) + biasAt(i, j)
                        }
                        let m = scores.max() ?? 0
                        scores = scores.map { exp($0 - m) }
                        let total = scores.reduce(0, +)
                        for c in 0..<d {
                            let expected = (0..<keys).reduce(0.0) { $0 + scores[$1] / total * Double(qkv[$1 * ld + 2 * C + h * d + c]) }
                            worst = max(worst, abs(Double(out[i * C + h * d + c]) - expected))
                        }
                    }
                }
                #expect(worst <= 1e-6, "keys \(keys) d \(d) queries \(queries) portable \(portable) bias \(biasKind): max |Δ| \(worst)")
            }
        }
    }
}
