// Quill's own GEMM for linear layers (Sources/QuillKernels/gemm.c): the weight is packed once at load into 48-column
// panels (64-byte aligned), and a micro-kernel does the products with the bias and the activation folded in: an
// AVX-512 one where the CPU has AVX-512, else an AVX2 + FMA one, whichever kernels OpenBLAS picked. Every output is
// the bias plus its products as fused multiply-adds in K order, so a row's result does not depend on the other rows
// of the call, and both kernels give the same bits. OpenBLAS gives neither (its Zen and Haswell sgemm sums a row
// differently by the row count of the call), and is no faster on the encoder's shapes (docs/benchmarks.md).
// BLAS serves every Linear where the CPU runs neither kernel, or with QUILL_GEMM=blas; QUILL_GEMM=avx2 chooses the
// AVX2 kernel on a CPU that also has AVX-512.
import QuillKernels
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
    /// The kernel the weight is packed for (each has its own layout).
    public let kernel: Kernel

    /// Quill's GEMM micro-kernels.
    public enum Kernel: Sendable, CaseIterable, CustomStringConvertible {
        case avx512, avx2

        var code: Int32 {
            switch self {
            case .avx512: QUILL_GEMM_AVX512
            case .avx2: QUILL_GEMM_AVX2
            }
        }

        public var description: String {
            switch self {
            case .avx512: "AVX-512"
            case .avx2: "AVX2"
            }
        }
    }

    /// The kernels this CPU runs, fastest first (for tests).
    public static let supported: [Kernel] = {
        let bits = quill_gemm_kernels()
        return Kernel.allCases.filter { bits & $0.code != 0 }
    }()

    /// The kernel the engine uses here: the fastest this CPU runs, or the AVX2 one with QUILL_GEMM=avx2; nil with
    /// QUILL_GEMM=blas or on a CPU that runs neither (BLAS then serves every Linear).
    public static let kernel: Kernel? = {
        switch ProcessInfo.processInfo.environment["QUILL_GEMM"] {
        case "blas": return nil
        case "avx2" where supported.contains(.avx2): return .avx2
        default: return supported.first
        }
    }()

    /// Whether the packed GEMM runs here.
    public static let available: Bool = kernel != nil

    /// Packs `weight` (rows, columns) row-major for `kernel` (by default the engine's), or returns nil when there
    /// is none or this CPU does not run it.
    public init?(_ weight: [Float], rows: Int, columns: Int, kernel: Kernel? = PackedWeight.kernel) {
        guard let kernel, Self.supported.contains(kernel), rows > 0, columns > 0,
              weight.count == rows * columns else { return nil }
        let storage = AlignedFloats(count: quill_gemm_packed_size(rows, columns))
        weight.withUnsafeBufferPointer { w in quill_gemm_pack(w.baseAddress!, rows, columns, storage.pointer, kernel.code) }
        self.storage = storage
        self.rows = rows
        self.columns = columns
        self.kernel = kernel
    }

    /// y (m, rows) = activation(x (m, columns) · Wᵀ + bias). Rows of x and y are contiguous.
    public func multiply(_ x: UnsafePointer<Float>, rows m: Int, bias: UnsafePointer<Float>?,
                         activation: GEMMActivation = .none, into y: UnsafeMutablePointer<Float>) {
        quill_gemm(kernel.code, x, columns, storage.pointer, bias, y, rows, m, rows, columns, activation.code)
    }

    /// Output columns `outputs` only (their start a multiple of `panelWidth`): y[i][j - outputs.lowerBound] =
    /// (x · Wᵀ + bias)[i][j], with y's rows `ldy` floats apart and `bias` the whole bias (or nil).
    public func multiply(_ x: UnsafePointer<Float>, rows m: Int, bias: UnsafePointer<Float>?, outputs: Range<Int>,
                         into y: UnsafeMutablePointer<Float>, ldy: Int) {
        precondition(outputs.lowerBound % Self.panelWidth == 0 && outputs.upperBound <= rows, "PackedWeight: output range")
        quill_gemm(kernel.code, x, columns, storage.pointer + outputs.lowerBound * columns, bias.map { $0 + outputs.lowerBound }, y, ldy,
                   m, outputs.count, columns, QUILL_ACTIVATION_NONE)
    }

    /// y (m, rows; row stride ldy) = x (m, columns; row stride lda) · Wᵀ + bias: a product on columns of a wider
    /// matrix (one head's slice of the queries, say) into columns of another.
    public func multiply(_ x: UnsafePointer<Float>, lda: Int, rows m: Int, bias: UnsafePointer<Float>?,
                         into y: UnsafeMutablePointer<Float>, ldy: Int) {
        quill_gemm(kernel.code, x, lda, storage.pointer, bias, y, ldy, m, rows, columns, QUILL_ACTIVATION_NONE)
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
