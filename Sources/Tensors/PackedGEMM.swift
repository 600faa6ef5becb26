// Quill's own GEMM for linear layers (Sources/CKernels/gemm.c): the weight is packed once at load into column
// panels, so no call repacks it, and an AVX-512 micro-kernel does the products. Used where the CPU has AVX-512
// and the output width is a multiple of 32 (every BERT-family hidden and intermediate size); BLAS otherwise.
// QUILL_GEMM=blas forces BLAS, for comparison.
import CKernels
import Foundation

public struct PackedWeight: Sendable {
    let panels: [Float]
    public let rows: Int     // N, output features
    public let columns: Int  // K, input features

    /// Whether the packed GEMM runs here.
    public static let available: Bool = {
        if ProcessInfo.processInfo.environment["QUILL_GEMM"] == "blas" { return false }
        return quill_gemm_available() != 0
    }()

    /// Packs `weight` (rows, columns) row-major, or returns nil when the packed GEMM cannot serve this shape.
    public init?(_ weight: [Float], rows: Int, columns: Int) {
        guard Self.available, rows > 0, columns > 0, rows % Int(QUILL_GEMM_NR) == 0,
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
