// nn.Linear: y = x · Wᵀ + b, with W stored as PyTorch does, [out, in].
import QuillTensors

struct Linear: Sendable {
    /// (out, in) row-major for BLAS; empty when `packed` holds the weight instead (one copy in memory, not two).
    let weight: [Float]
    let bias: [Float]?    // (out)
    let inFeatures: Int
    let outFeatures: Int
    /// The weight packed once for Quill's own GEMM (PackedGEMM.swift), when this CPU runs it.
    let packed: PackedWeight?

    /// `packing: false` keeps the weight for BLAS even where the packed GEMM runs (for tests of that path).
    init(weight: [Float], bias: [Float]?, in inFeatures: Int, out outFeatures: Int, packing: Bool = true) {
        precondition(weight.count == inFeatures * outFeatures, "Linear: weight count")
        self.packed = packing ? PackedWeight(weight, rows: outFeatures, columns: inFeatures) : nil
        self.weight = packed == nil ? weight : []
        self.bias = bias
        self.inFeatures = inFeatures
        self.outFeatures = outFeatures
    }

    init(_ w: Weights, in inFeatures: Int, out outFeatures: Int, bias hasBias: Bool = true) throws(LoadError) {
        self.init(
            weight: try w.tensor("weight", shape: [outFeatures, inFeatures]),
            bias: hasBias ? try w.tensor("bias", shape: [outFeatures]) : nil,
            in: inFeatures, out: outFeatures)
    }

    /// x: (rows, in) -> y = activation(x · Wᵀ + b): (rows, out), written into `y`. Large products split their rows
    /// across the cores; each part is one call of the packed GEMM (bias and activation folded in) or of BLAS.
    func apply(_ x: UnsafePointer<Float>, rows: Int, into y: UnsafeMutablePointer<Float>,
               activation: GEMMActivation = .none, parallel: Bool = true) {
        if rows == 0 { return }
        let inF = inFeatures, outF = outFeatures
        let xs = SharedPointer(mutating: x), ys = SharedPointer(y)
        weight.withUnsafeBufferPointer { w in
            (bias ?? []).withUnsafeBufferPointer { b in
                let ws = w.baseAddress.map { SharedPointer(mutating: $0) }
                let bs = b.baseAddress.map { SharedPointer(mutating: $0) }
                let packed = self.packed
                Parallel.forEachChunk(rows, work: rows * inF * outF, parallel: parallel, multipleOf: PackedWeight.rowTile) { r0, n in
                    let out = ys.pointer + r0 * outF
                    if let packed {
                        packed.multiply(xs.pointer + r0 * inF, rows: n, bias: bs?.pointer, activation: activation, into: out)
                        return
                    }
                    guard let ws else { return }
                    if let bs { broadcastRows(out, rows: n, columns: outF, bias: bs.pointer) }
                    sgemm(m: n, n: outF, k: inF, a: xs.pointer + r0 * inF, lda: inF, b: ws.pointer, ldb: inF,
                          transposeB: true, beta: bs == nil ? 0 : 1, c: out, ldc: outF)
                    activation.apply(out, count: n * outF)
                }
            }
        }
    }

    /// Convenience over arrays: x (rows, in) -> (rows, out).
    func callAsFunction(_ x: [Float], rows: Int) -> [Float] {
        precondition(x.count == rows * inFeatures, "Linear: input has \(x.count) values, expected \(rows)x\(inFeatures)")
        var y = [Float](repeating: 0, count: rows * outFeatures)
        x.withUnsafeBufferPointer { xp in
            y.withUnsafeMutableBufferPointer { yp in apply(xp.baseAddress!, rows: rows, into: yp.baseAddress!) }
        }
        return y
    }
}

/// LayerNorm parameters (weight and bias of length C) with eps from the config.
struct LayerNormParams: Sendable {
    let weight: [Float]
    let bias: [Float]
    let eps: Float

    init(_ w: Weights, size: Int, eps: Float) throws(LoadError) {
        weight = try w.tensor("weight", shape: [size])
        bias = try w.tensor("bias", shape: [size])
        self.eps = eps
    }

    /// Normalizes each row of x (rows, C) in place, after adding `residual` when given; rows split across cores.
    func apply(_ x: UnsafeMutablePointer<Float>, rows: Int, residual: UnsafePointer<Float>? = nil, parallel: Bool = true) {
        let C = weight.count, eps = self.eps
        let xs = SharedPointer(x), rs = residual.map { SharedPointer(mutating: $0) }
        weight.withUnsafeBufferPointer { w in
            bias.withUnsafeBufferPointer { b in
                let ws = SharedPointer(mutating: w.baseAddress!), bs = SharedPointer(mutating: b.baseAddress!)
                Parallel.forEachChunk(rows, work: rows * C * 16, parallel: parallel) { r0, n in
                    layerNorm(xs.pointer + r0 * C, rows: n, columns: C, residual: rs.map { UnsafePointer($0.pointer + r0 * C) },
                              weight: ws.pointer, bias: bs.pointer, eps: eps)
                }
            }
        }
    }
}
