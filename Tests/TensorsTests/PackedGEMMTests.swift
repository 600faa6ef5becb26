// Quill's packed GEMM, each kernel this CPU runs (AVX-512, AVX2 + FMA), against a Double-precision reference: row
// tails (M mod 8, M mod 6), more rows than one M-block (up to 192 rows; 200 runs as 104 + 96, 393 as 136 + 136 +
// 121), K across the K-block boundary (384, the activation applied only after the last K-slice), N not a multiple
// of the 48-column panel or of the AVX2 kernel's 16-column strip, with and without bias, and each activation.
// Tolerance 1e-6 relative to the sum of |terms| (Float32 sums of up to 800 terms). Then the property the encoder
// relies on: a row's result has the same bits whatever the other rows of the call, and whichever kernel ran.
import Foundation
import Testing
@testable import QuillTensors

@Suite struct PackedGEMMTests {
    static let kernels = PackedWeight.supported
    static let someKernel = !kernels.isEmpty
    static let noKernel: Comment = "this CPU runs neither kernel (no AVX-512, no AVX2 + FMA): BLAS serves every Linear"

    @Test(.enabled(if: someKernel, noKernel), arguments: kernels)
    func matchesReference(_ kernel: PackedWeight.Kernel) throws {
        var rng = SplitMix(seed: 42)
        for (m, n, k) in [(0, 48, 5), (1, 48, 5), (7, 64, 300), (8, 48, 128), (9, 96, 257), (37, 20, 600), (64, 100, 1), (200, 312, 129), (97, 1, 3), (5, 50, 800), (130, 96, 384), (393, 52, 400)] {
            let a = (0..<(m * k)).map { _ in rng.float() }
            let w = (0..<(n * k)).map { _ in rng.float() }
            let bias = (0..<n).map { _ in rng.float() }
            let packed = try #require(PackedWeight(w, rows: n, columns: k, kernel: kernel))
            for (useBias, activation) in [(false, GEMMActivation.none), (true, .none), (true, .geluErf), (true, .geluTanh),
                                          (false, .relu)] {
                var y = [Float](repeating: .nan, count: m * n)
                a.withUnsafeBufferPointer { ap in
                    bias.withUnsafeBufferPointer { bp in
                        y.withUnsafeMutableBufferPointer { yp in
                            packed.multiply(ap.baseAddress!, rows: m, bias: useBias ? bp.baseAddress! : nil,
                                            activation: activation, into: yp.baseAddress!)
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
                        // The activations' own accuracy is tested in KernelsTests; here they must see the product.
                        let expected: Double = switch activation {
                        case .none: s
                        case .geluErf: s * 0.5 * (1 + erf(s / 2.0.squareRoot()))
                        case .geluTanh: 0.5 * s * (1 + tanh(0.7978845608028654 * (s + 0.044715 * s * s * s)))
                        case .relu: max(s, 0)
                        }
                        worst = max(worst, abs(Double(y[i * n + j]) - expected) / scale)
                    }
                }
                #expect(worst <= 1e-6, "\(kernel) m=\(m) n=\(n) k=\(k) bias=\(useBias) \(activation): relative error \(worst)")
            }
        }
    }

    /// A range of output columns (starting on a panel) into a strided output: exactly the same values as those
    /// columns of the whole product, and nothing written outside them.
    @Test(.enabled(if: someKernel, noKernel), arguments: kernels)
    func outputRangesMatchTheWholeProduct(_ kernel: PackedWeight.Kernel) throws {
        var rng = SplitMix(seed: 9)
        let (m, n, k) = (19, 150, 70)
        let a = (0..<(m * k)).map { _ in rng.float() }, w = (0..<(n * k)).map { _ in rng.float() }
        let bias = (0..<n).map { _ in rng.float() }
        let packed = try #require(PackedWeight(w, rows: n, columns: k, kernel: kernel))
        var whole = [Float](repeating: 0, count: m * n)
        a.withUnsafeBufferPointer { ap in
            bias.withUnsafeBufferPointer { bp in
                whole.withUnsafeMutableBufferPointer { packed.multiply(ap.baseAddress!, rows: m, bias: bp.baseAddress!, into: $0.baseAddress!) }
            }
        }
        for outputs in [0..<48, 48..<150, 96..<100, 144..<150] {
            let ldy = outputs.count + 3
            var y = [Float](repeating: .nan, count: m * ldy)
            a.withUnsafeBufferPointer { ap in
                bias.withUnsafeBufferPointer { bp in
                    y.withUnsafeMutableBufferPointer {
                        packed.multiply(ap.baseAddress!, rows: m, bias: bp.baseAddress!, outputs: outputs, into: $0.baseAddress!, ldy: ldy)
                    }
                }
            }
            for i in 0..<m {
                let got = Array(y[i * ldy..<i * ldy + outputs.count])
                let expected = Array(whole[i * n + outputs.lowerBound..<i * n + outputs.upperBound])
                let untouched = y[i * ldy + outputs.count..<(i + 1) * ldy].allSatisfy { $0.isNaN }
                #expect(got == expected, "\(kernel) outputs \(outputs) row \(i)")
                #expect(untouched, "\(kernel) outputs \(outputs) row \(i): wrote past the range")
            }
        }
    }

    /// The GELU the GEMM applies to its tiles (the AVX-512 kernel's own code on its full tiles) gives the same bits
    /// as geluErf applied to the plain product afterwards (what the BLAS route does), over outputs from about -40 to
    /// 40 (past the point where exp's argument is clamped); the edge tiles (rows 16..<21, columns 96..<100) are
    /// covered too.
    @Test(.enabled(if: someKernel, noKernel), arguments: kernels)
    func foldedGELUIsBitIdenticalToGELUAfterwards(_ kernel: PackedWeight.Kernel) throws {
        var rng = SplitMix(seed: 5)
        let (m, n, k) = (21, 100, 96)
        let a = (0..<(m * k)).map { _ in 4 * rng.float() }, w = (0..<(n * k)).map { _ in rng.float() }
        let bias = (0..<n).map { _ in rng.float() }
        let packed = try #require(PackedWeight(w, rows: n, columns: k, kernel: kernel))
        var folded = [Float](repeating: 0, count: m * n), after = folded
        a.withUnsafeBufferPointer { ap in
            bias.withUnsafeBufferPointer { bp in
                folded.withUnsafeMutableBufferPointer {
                    packed.multiply(ap.baseAddress!, rows: m, bias: bp.baseAddress!, activation: .geluErf, into: $0.baseAddress!)
                }
                after.withUnsafeMutableBufferPointer {
                    packed.multiply(ap.baseAddress!, rows: m, bias: bp.baseAddress!, into: $0.baseAddress!)
                    geluErf($0.baseAddress!, count: m * n)
                }
            }
        }
        #expect(after.contains { $0 > 30 } && after.contains { $0 == 0 }, "the outputs should span the clamp")
        let differing = (0..<(m * n)).filter { folded[$0].bitPattern != after[$0].bitPattern }
        #expect(differing.isEmpty, "\(kernel): \(differing.count) outputs differ, first at \(differing.first ?? -1)")
    }

    /// Every row of a product has the same bits as that row multiplied alone, at any row count and any place in
    /// the call (inside or at the end of a micro-kernel tile or an M-block), with K over one K-slice, and with each
    /// activation: the contract (gemm.h) the encoder's grouping relies on.
    @Test(.enabled(if: someKernel, noKernel), arguments: kernels)
    func rowsDoNotDependOnTheirNeighbours(_ kernel: PackedWeight.Kernel) throws {
        var rng = SplitMix(seed: 77)
        let (n, k) = (100, 400)
        let rows = 201
        let a = (0..<(rows * k)).map { _ in rng.float() }, w = (0..<(n * k)).map { _ in rng.float() }
        let bias = (0..<n).map { _ in rng.float() }
        let packed = try #require(PackedWeight(w, rows: n, columns: k, kernel: kernel))
        func product(_ first: Int, _ m: Int, _ activation: GEMMActivation) -> [Float] {
            var y = [Float](repeating: .nan, count: m * n)
            a.withUnsafeBufferPointer { ap in
                bias.withUnsafeBufferPointer { bp in
                    y.withUnsafeMutableBufferPointer {
                        packed.multiply(ap.baseAddress! + first * k, rows: m, bias: bp.baseAddress!, activation: activation,
                                        into: $0.baseAddress!)
                    }
                }
            }
            return y
        }
        for activation in [GEMMActivation.none, .geluErf] {
            let alone = (0..<rows).map { product($0, 1, activation) }
            for (first, m) in [(0, 2), (3, 5), (0, 6), (1, 7), (0, 8), (5, 13), (0, 16), (11, 48), (0, 136), (7, 193), (0, 201)] {
                let together = product(first, m, activation)
                let differing = (0..<m).filter { Array(together[$0 * n..<($0 + 1) * n]) != alone[first + $0] }
                #expect(differing.isEmpty, "\(kernel) \(activation) rows \(first)..<\(first + m): rows \(differing) differ from alone")
            }
        }
    }

    /// The contract itself (gemm.h): each output is exactly its bias followed by its K products as fused
    /// multiply-adds in K order (Float.addingProduct), across the K-slice boundary (384) and at edge rows and
    /// columns. It makes a row's result independent of its neighbours, and the same with either kernel on any CPU.
    @Test(.enabled(if: someKernel, noKernel), arguments: kernels)
    func outputsAreTheFusedChainInKOrder(_ kernel: PackedWeight.Kernel) throws {
        var rng = SplitMix(seed: 8)
        for (m, n, k) in [(13, 100, 800), (8, 50, 384), (1, 48, 5)] {
            let a = (0..<(m * k)).map { _ in rng.float() }, w = (0..<(n * k)).map { _ in rng.float() }
            let bias = (0..<n).map { _ in rng.float() }
            let packed = try #require(PackedWeight(w, rows: n, columns: k, kernel: kernel))
            var y = [Float](repeating: .nan, count: m * n)
            a.withUnsafeBufferPointer { ap in
                bias.withUnsafeBufferPointer { bp in
                    y.withUnsafeMutableBufferPointer { packed.multiply(ap.baseAddress!, rows: m, bias: bp.baseAddress!, into: $0.baseAddress!) }
                }
            }
            var differing = 0
            for i in 0..<m {
                for j in 0..<n {
                    var c = bias[j]
                    for t in 0..<k { c.addProduct(a[i * k + t], w[j * k + t]) }
                    if c.bitPattern != y[i * n + j].bitPattern { differing += 1 }
                }
            }
            #expect(differing == 0, "\(kernel) m=\(m) n=\(n) k=\(k): \(differing) outputs differ from the fused chain")
        }
    }

    /// Both kernels give the same bits (where the CPU runs both): the same fused multiply-adds in the same order.
    @Test(.enabled(if: kernels.count > 1, "this CPU runs one kernel: \(kernels)"))
    func kernelsAgreeExactly() throws {
        var rng = SplitMix(seed: 31)
        for (m, n, k) in [(1, 48, 5), (37, 100, 70), (136, 384, 384), (19, 150, 800)] {
            let a = (0..<(m * k)).map { _ in rng.float() }, w = (0..<(n * k)).map { _ in rng.float() }
            let bias = (0..<n).map { _ in rng.float() }
            let results = try Self.kernels.map { kernel in
                let packed = try #require(PackedWeight(w, rows: n, columns: k, kernel: kernel))
                var y = [Float](repeating: .nan, count: m * n)
                a.withUnsafeBufferPointer { ap in
                    bias.withUnsafeBufferPointer { bp in
                        y.withUnsafeMutableBufferPointer {
                            packed.multiply(ap.baseAddress!, rows: m, bias: bp.baseAddress!, activation: .geluErf, into: $0.baseAddress!)
                        }
                    }
                }
                return y
            }
            #expect(results.dropFirst().allSatisfy { $0 == results[0] }, "m=\(m) n=\(n) k=\(k)")
        }
    }

    @Test(.enabled(if: someKernel, noKernel))
    func refusesWeightsThatDoNotMatchTheirShape() {
        #expect(PackedWeight([Float](repeating: 0, count: 3 * 4), rows: 4, columns: 4, kernel: Self.kernels[0]) == nil)
        #expect(PackedWeight([], rows: 0, columns: 4, kernel: Self.kernels[0]) == nil)
    }

    @Test func noKernelPacksNothing() {
        #expect(PackedWeight([Float](repeating: 0, count: 16), rows: 4, columns: 4, kernel: nil) == nil)
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
