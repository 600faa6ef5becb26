// GELU's erf form against x·½·(1 + erf(x/√2)) in Double, on a grid over [-12, 12] (lengths that leave partial
// vectors) and at the extremes. Tolerance 1e-7 · (2 + |x|): the A&S 7.1.26 erf that PyTorch's CPU kernel uses (and
// so Quill) is within 1.5e-7 of erf, which GELU scales by |x|/2, plus Float32 rounding.
import Foundation
import Testing
@testable import QuillTensors

@Suite struct GELUTests {
    @Test func matchesErfForm() {
        for count in [1, 15, 16, 17, 4001] {
            var x = (0..<count).map { Float(-12 + 24 * Double($0) / Double(max(count - 1, 1))) }
            x += [0, -0.0, 1e-30, -1e-30, 3.5, -3.5, 80, -80, 1e30, -1e30]
            let input = x
            x.withUnsafeMutableBufferPointer { geluErf($0.baseAddress!, count: $0.count) }
            var worst = 0.0
            for (v, y) in zip(input, x) {
                let d = Double(v), expected = d * 0.5 * (1 + erf(d / 2.0.squareRoot()))
                worst = max(worst, abs(Double(y) - expected) / (1e-7 * (2 + abs(d))))
                #expect(y.isFinite, "gelu(\(v)) = \(y)")
            }
            #expect(worst <= 1, "count \(count): worst error / tolerance \(worst)")
        }
    }
}
