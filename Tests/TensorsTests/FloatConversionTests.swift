// Exhaustive checks of the F16 and BF16 widening against independent definitions.
import Testing
@testable import QuillTensors

@Suite struct FloatConversionTests {
    /// Every binary16 pattern against Swift's Float16 -> Float (compiler-rt's __extendhfsf2 or F16C), bit for bit.
    @Test func halfMatchesFloat16ForAllPatterns() {
        #if arch(x86_64) || arch(arm64)
        var mismatches: [UInt16] = []
        for bits in 0...UInt16.max {
            let ours = FloatConversion.float(halfBits: bits).bitPattern
            let reference = Float(Float16(bitPattern: bits)).bitPattern
            if ours != reference { mismatches.append(bits) }
        }
        #expect(mismatches.isEmpty, "first mismatches: \(mismatches.prefix(5).map { String($0, radix: 16) })")
        #endif
    }

    @Test func halfSpecialValues() {
        #expect(FloatConversion.float(halfBits: 0x0001) == 0x1p-24)  // smallest subnormal
        #expect(FloatConversion.float(halfBits: 0x03FF) == 1023 * 0x1p-24)  // largest subnormal
        #expect(FloatConversion.float(halfBits: 0x8000).bitPattern == (-0.0 as Float).bitPattern)
        #expect(FloatConversion.float(halfBits: 0x7BFF) == 65504)
        #expect(FloatConversion.float(halfBits: 0xFC00) == -.infinity)
        #expect(FloatConversion.float(halfBits: 0x7E00).isNaN)
        #expect(FloatConversion.float(halfBits: 0x7C01).isNaN)  // signaling: quieted, never infinity
    }

    @Test func bfloat16IsTheTopHalf() {
        for bits in stride(from: 0, through: Int(UInt16.max), by: 1) {
            let b = UInt16(bits)
            let f = FloatConversion.float(bfloat16Bits: b)
            if f.bitPattern != UInt32(b) << 16 { Issue.record("0x\(String(b, radix: 16))"); return }
        }
        #expect(FloatConversion.float(bfloat16Bits: 0x0001) == 0x1p-133)  // subnormal
    }
}
