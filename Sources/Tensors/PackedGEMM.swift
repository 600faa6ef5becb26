// Quill's own GEMM for linear layers (Sources/CKernels/gemm.c): the weight is packed once at load into column
// panels, so no call repacks it, and an AVX-512 micro-kernel does the products. It runs where the CPU has
// AVX-512 but OpenBLAS does not use it (OPENBLAS_CORETYPE pinned to Haswell or older kernels, as on some of these
// machines): measured there it is about 30% faster than OpenBLAS's AVX2 kernels, while OpenBLAS's own AVX-512
// (SkylakeX) kernels are about 20% faster than it. Only output widths that are a multiple of 32 (every
// BERT-family hidden and intermediate size). QUILL_GEMM=blas or QUILL_GEMM=packed overrides the choice.
import CKernels
import Foundation

public struct PackedWeight: Sendable {
    let panels: [Float]
    public let rows: Int     // N, output features
    public let columns: Int  // K, input features

    /// Whether the packed GEMM runs here.
    public static let available: Bool = {
        guard quill_gemm_available() != 0 else { return false }
        switch ProcessInfo.processInfo.environment["QUILL_GEMM"] {
        case "blas": return false
        case "packed": return true
        default:
            let core = blasCoreName.lowercased()
            let blasHasAVX512 = ["skylakex", "cooperlake", "sapphirerapids"].contains { core.contains($0) }
            return !blasHasAVX512
        }
    }()

    /// Packs `weight` (rows, columns) row-major, or returns nil when the packed GEMM is not in use here or cannot
    /// serve this shape. `evenIfBLASIsFaster` packs whenever the CPU can run the kernel (for tests).
    public init?(_ weight: [Float], rows: Int, columns: Int, evenIfBLASIsFaster: Bool = false) {
        guard evenIfBLASIsFaster ? quill_gemm_available() != 0 : Self.available, rows > 0, columns > 0, rows % Int(QUILL_GEMM_NR) == 0,
              weight.count == rows * columns else { return nil }
        var panels = [Float](repeating: 0, count: quill_gemm_packed_size(rows, columns))
        weight.withUnsafeBufferPointer { w in
            panels.withUnsafeMutableBufferPointer { p in quill_gemm_pack(w.baseAddress!, rows, columns, p.baseAddress!) }
        }
        self.panels = panels
        self.rows = rows
        self.columns = columns
    }

    /// y (m, rows) = x (m, columns) · Wᵀ (+ bias per row).
    public func multiply(_ x: UnsafePointer<Float>, rows m: Int, bias: UnsafePointer<Float>?, into y: UnsafeMutablePointer<Float>) {
        panels.withUnsafeBufferPointer { p in
            quill_gemm(x, columns, p.baseAddress!, bias, y, rows, m, rows, columns)
        }
    }
}
