// The attention kernel (both its AVX-512 and its portable path) against a Double-precision reference, on head
// sizes with and without a tail of 16/32 columns, sequences from 1 token to several blocks of 16 keys, and query
// counts that leave partial blocks of 4 and 8. Tolerance 1e-6 absolute (outputs are convex combinations of values
// in [-1, 1]; Float32 rounding of ~100-term sums stays well below it).
import Foundation
import Testing
@testable import QuillTensors

@Suite struct AttentionKernelTests {
    @Test(arguments: [false, true])
    func matchesReference(portable: Bool) {
        var rng = SplitMix(seed: 7)
        for (keys, d) in [(1, 32), (5, 32), (17, 64), (40, 24), (100, 32), (33, 8)] {
            for queries in Set([1, 3, keys]) where queries <= keys {
                let heads = 2, C = heads * d, ld = 3 * C
                let qkv = (0..<(keys * ld)).map { _ in rng.float() }
                let scale = 1 / Float(d).squareRoot()
                var out = [Float](repeating: .nan, count: queries * C)
                var scratch = [Float](repeating: .nan, count: attentionScratchCount(keys: keys, headSize: d))
                qkv.withUnsafeBufferPointer { p in
                    out.withUnsafeMutableBufferPointer { o in
                        scratch.withUnsafeMutableBufferPointer { s in
                            for h in 0..<heads {
                                let q = p.baseAddress! + h * d
                                attentionHead(q: q, k: q + C, v: q + 2 * C, ld: ld, out: o.baseAddress! + h * d, ldo: C,
                                              queries: queries, keys: keys, headSize: d, scale: scale,
                                              scratch: s.baseAddress!, portable: portable)
                            }
                        }
                    }
                }
                var worst = 0.0
                for h in 0..<heads {
                    for i in 0..<queries {
                        var scores = (0..<keys).map { j in
                            (0..<d).reduce(0.0) { $0 + Double(qkv[i * ld + h * d + $1]) * Double(qkv[j * ld + C + h * d + $1]) }
                                * Double(scale)
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
                #expect(worst <= 1e-6, "keys \(keys) d \(d) queries \(queries) portable \(portable): max |Δ| \(worst)")
            }
        }
    }
}
