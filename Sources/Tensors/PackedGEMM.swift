// Quill's own GEMM for linear layers (Sources/CKernels/gemm.c): the weight is packed once at load into 48-column
// panels (64-byte aligned, so every vector load of a panel is aligned), and an AVX-512 micro-kernel does the
// products with the bias and the activation folded in. It runs wherever the CPU has AVX-512, whichever kernels
// OpenBLAS picked: on this project's machines it is faster than OpenBLAS 0.3.21's SkylakeX sgemm on the encoder's
// shapes (see docs/benchmarks.md). QUILL_GEMM=blas turns it off (BLAS then serves every Linear).
import CKernels
import Foundation

/// The activation a GEMM applies to its output, in place, while the output is still in cache.
public enum GEMMActivation: Sendable {
    case none, geluErf, geluTanh, relu

    var code: Int32 {
        switch self {
        case .none: QUILL_ACTIVATION_NONE
        case .geluErf: QUILL_ACTIVATION_GELU_ERF
        case .geluTanh: QUILL_ACTIVATION_GELU_TANH
        case .relu: QUILL_ACTIVATION_RELU
        }
    }

    /// x = activation(x) in place: the same function the packed GEMM folds into its output (for products that
    /// another route computed, such as BLAS).
    public func apply(_ x: UnsafeMutablePointer<Float>, count: Int) {
        quill_activate(x, count, code)
    }
}

public struct PackedWeight: Sendable {
    private let storage: AlignedFloats
    public let rows: Int     // N, output features
    public let columns: Int  // K, input features

    /// Whether the packed GEMM runs here.
    public static let available: Bool = {
        guard quill_gemm_available() != 0 else { return false }
        return ProcessInfo.processInfo.environment["QUILL_GEMM"] != "blas"
    }()

    /// Packs `weight` (rows, columns) row-major, or returns nil when the packed GEMM is not in use here.
    /// `evenIfTurnedOff` packs whenever the CPU can run the kernel (for tests).
    public init?(_ weight: [Float], rows: Int, columns: Int, evenIfTurnedOff: Bool = false) {
        guard evenIfTurnedOff ? quill_gemm_available() != 0 : Self.available, rows > 0, columns > 0,
              weight.count == rows * columns else { return nil }
        let storage = AlignedFloats(count: quill_gemm_packed_size(rows, columns))
        weight.withUnsafeBufferPointer { w in quill_gemm_pack(w.baseAddress!, rows, columns, storage.pointer) }
        self.storage = storage
        self.rows = rows
        self.columns = columns
    }

    /// y (m, rows) = activation(x (m, columns) · Wᵀ + bias). Rows of x and y are contiguous.
    public func multiply(_ x: UnsafePointer<Float>, rows m: Int, bias: UnsafePointer<Float>?,
                         activation: GEMMActivation = .none, into y: UnsafeMutablePointer<Float>) {
        quill_gemm(x, columns, storage.pointer, bias, y, rows, m, rows, columns, activation.code)
    }

    /// Output columns `outputs` only (their start a multiple of `panelWidth`): y[i][j - outputs.lowerBound] =
    /// (x · Wᵀ + bias)[i][j], with y's rows `ldy` floats apart and `bias` the whole bias (or nil).
    public func multiply(_ x: UnsafePointer<Float>, rows m: Int, bias: UnsafePointer<Float>?, outputs: Range<Int>,
                         into y: UnsafeMutablePointer<Float>, ldy: Int) {
        precondition(outputs.lowerBound % Self.panelWidth == 0 && outputs.upperBound <= rows, "PackedWeight: output range")
        quill_gemm(x, columns, storage.pointer + outputs.lowerBound * columns, bias.map { $0 + outputs.lowerBound }, y, ldy,
                   m, outputs.count, columns, QUILL_ACTIVATION_NONE)
    }

    /// y (m, rows; row stride ldy) = x (m, columns; row stride lda) · Wᵀ + bias: a product on columns of a wider
    /// matrix (one head's slice of the queries, say) into columns of another.
    public func multiply(_ x: UnsafePointer<Float>, lda: Int, rows m: Int, bias: UnsafePointer<Float>?,
                         into y: UnsafeMutablePointer<Float>, ldy: Int) {
        quill_gemm(x, lda, storage.pointer, bias, y, ldy, m, rows, columns, QUILL_ACTIVATION_NONE)
    }

    /// Output columns per packed panel: where a range of outputs may start.
    public static let panelWidth = Int(QUILL_GEMM_NR)

    /// Rows per micro-kernel tile: products on a multiple of it run without copying a partial tile.
    public static let rowTile = Int(QUILL_GEMM_MR)
}

/// A 64-byte aligned Float buffer, written once at creation and read-only afterwards (hence Sendable).
final class AlignedFloats: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<Float>

    init(count: Int) {
        let raw = UnsafeMutableRawPointer.allocate(byteCount: max(1, count) * MemoryLayout<Float>.stride, alignment: 64)
        pointer = raw.bindMemory(to: Float.self, capacity: max(1, count))
        pointer.initialize(repeating: 0, count: count)
    }

    deinit { pointer.deallocate() }
}
