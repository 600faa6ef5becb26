// Quill's packed GEMM against a Double-precision reference: every row tail (M mod 8), K across the K-block
// boundary, with and without bias. Tolerance 1e-5 relative to the row's magnitude (Float32 sums of ~600 terms).
import Testing
@testable import Tensors

@Suite struct PackedGEMMTests {
    @Test func matchesReference() throws {
        guard PackedWeight([Float](repeating: 0, count: 32), rows: 32, columns: 1, evenIfBLASIsFaster: true) != nil else {
            print("PackedGEMMTests: this CPU has no AVX-512; BLAS serves every shape")
            return
        }
        var rng = SplitMix(seed: 42)
        for (m, n, k) in [(1, 32, 5), (7, 64, 300), (8, 32, 256), (9, 96, 257), (37, 64, 600), (64, 32, 1)] {
            let a = (0..<(m * k)).map { _ in rng.float() }
            let w = (0..<(n * k)).map { _ in rng.float() }
            let bias = (0..<n).map { _ in rng.float() }
            let packed = try #require(PackedWeight(w, rows: n, columns: k, evenIfBLASIsFaster: true))
            for useBias in [false, true] {
                var y = [Float](repeating: .nan, count: m * n)
                a.withUnsafeBufferPointer { ap in
                    bias.withUnsafeBufferPointer { bp in
                        y.withUnsafeMutableBufferPointer { yp in
                            packed.multiply(ap.baseAddress!, rows: m, bias: useBias ? bp.baseAddress! : nil, into: yp.baseAddress!)
                        }
                    }
                }
                var worst = 0.0
                for i in 0..<m {
                    for j in 0..<n {
                        var s = useBias ? Double(bias[j]) : 0
                        var scale = 1.0
                        for t in 0..<k {
                            s += Double(a[i * k + t]) * Double(w[j * k + t])
                            scale += abs(Double(a[i * k + t]) * Double(w[j * k + t]))
                        }
                        worst = max(worst, abs(Double(y[i * n + j]) - s) / scale)
                    }
                }
                #expect(worst <= 1e-6, "m=\(m) n=\(n) k=\(k) bias=\(useBias): relative error \(worst)")
            }
        }
    }

    @Test func refusesShapesItCannotServe() {
        #expect(PackedWeight([Float](repeating: 0, count: 3 * 4), rows: 3, columns: 4, evenIfBLASIsFaster: true) == nil)
        #expect(PackedWeight([], rows: 0, columns: 4, evenIfBLASIsFaster: true) == nil)
    }
}

/// A small deterministic generator for test data (values in [-1, 1)).
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
    mutating func float() -> Float { Float(next() >> 40) / Float(1 << 23) - 1 }
}
