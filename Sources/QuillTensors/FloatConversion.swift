// Exact widening of F16/BF16 (and F32 copies, F64 rounding) from little-endian bytes to Float32.
// Reads are unaligned-safe: safetensors data is only 8-aligned by writer convention and never checked on read.
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

enum FloatConversion {
    /// Converts `dst.count` elements of `dtype` from `src` (which holds exactly that many) into `dst`.
    /// - Precondition: `dtype` is in `DType.floatConvertible` and sizes agree (validated by the header).
    static func convert(_ src: UnsafeRawBufferPointer, from dtype: DType, into dst: UnsafeMutableBufferPointer<Float>) {
        let count = dst.count
        precondition(src.count == count * dtype.bitSize / 8, "FloatConversion: \(src.count) bytes for \(count) \(dtype)")
        guard count > 0, let from = src.baseAddress, let to = dst.baseAddress else { return }
        switch dtype {
        case .F32:
            #if _endian(little)
            memcpy(to, from, count * 4)
            #else
            for i in 0..<count {
                to[i] = Float(bitPattern: UInt32(littleEndian: from.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self)))
            }
            #endif
        case .F16:
            for i in 0..<count {
                to[i] = float(halfBits: UInt16(littleEndian: from.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self)))
            }
        case .BF16:
            for i in 0..<count {
                to[i] = float(bfloat16Bits: UInt16(littleEndian: from.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self)))
            }
        case .F64:
            for i in 0..<count {
                // Round to nearest even, as numpy's and torch's float64 -> float32 casts do.
                to[i] = Float(Double(bitPattern: UInt64(littleEndian: from.loadUnaligned(fromByteOffset: 8 * i, as: UInt64.self))))
            }
        default:
            preconditionFailure("FloatConversion: \(dtype) is not convertible")
        }
    }

    /// IEEE binary16 -> binary32, exact for every bit pattern (subnormals, ±0, ±inf; NaN payloads kept, quieted).
    @inline(__always)
    static func float(halfBits h: UInt16) -> Float {
        let sign = UInt32(h & 0x8000) << 16
        let exponent = UInt32(h >> 10) & 0x1F
        let mantissa = UInt32(h & 0x3FF)
        if exponent == 0 {
            // Zero or subnormal: mantissa * 2^-24, exact in Float (a normal number there).
            let magnitude = Float(mantissa) * 0x1p-24
            return sign != 0 ? -magnitude : magnitude
        }
        if exponent == 0x1F {
            // Infinity, or NaN with its payload kept and the quiet bit set: what IEEE conversion (F16C, compiler-rt's
            // __extendhfsf2, and therefore numpy and torch) does to a signaling NaN.
            return Float(bitPattern: sign | 0x7F80_0000 | mantissa << 13 | (mantissa != 0 ? 0x0040_0000 : 0))
        }
        return Float(bitPattern: sign | (exponent + 112) << 23 | mantissa << 13)  // rebias 15 -> 127
    }

    /// bfloat16 is the top half of a binary32 (torch widens it by this shift, NaNs included).
    @inline(__always)
    static func float(bfloat16Bits b: UInt16) -> Float {
        Float(bitPattern: UInt32(b) << 16)
    }
}
