// `torch.nn.functional`: cosine_similarity, normalize and softmax along a dimension, computed as torch computes
// them (cosine: each side divided by its norm clamped to eps, then the products summed), element by element in
// the tensor's dtype; the norms and sums add in numpy's order, so float32 results may differ from torch's in the
// last bit.

import Foundation

enum TorchFunctional {
    static func module() -> PyModule {
        PyModule("torch.nn.functional", [
            "cosine_similarity": TorchModule.function("cosine_similarity", ["x1", "x2", "dim", "eps"], 2) { s, _ in
                let (x1, x2) = (try TorchModule.tensor(s[0], "cosine_similarity", "x1"),
                                try TorchModule.tensor(s[1], "cosine_similarity", "x2"))
                let eps = try s[3].map { try number($0) } ?? 1e-8
                return .object(try cosineSimilarity(x1, x2, dim: ArrayArguments.axis(s[2]) ?? 1, eps: eps))
            },
            "normalize": TorchModule.function("normalize", ["input", "p", "dim", "eps"], 1) { s, _ in
                let t = try TorchModule.tensor(s[0], "normalize")
                let eps = try s[3].map { try number($0) } ?? 1e-12
                return .object(try normalize(t, dim: ArrayArguments.axis(s[2]) ?? 1, eps: eps))
            },
            "softmax": TorchModule.function("softmax", ["input", "dim"], 1) { s, _ in
                .object(try softmax(TorchModule.tensor(s[0], "softmax"), dim: ArrayArguments.axis(s[1]) ?? -1))
            },
        ])
    }

    private static func number(_ v: Value) throws -> Double {
        guard let (x, _) = PyArray.pythonScalar(v) else { throw PyError.type("must be real number, not \(v.typeName)") }
        return x
    }

    /// x divided by its 2-norm along `dim` (kept), the norm clamped below at eps.
    static func normalize(_ t: PyArray, dim: Int, eps: Double) throws -> PyArray {
        let dtype = t.dtype.isFloat ? t.dtype : .float32
        let norms = try t.norm(axis: dim).scalars.map { dtype.cast(Swift.max($0, eps)) }
        let axis = try t.normalisedAxis(dim)
        var keptShape = t.shape
        if !keptShape.isEmpty { keptShape[axis] = 1 }
        let spread = Broadcast.positions(keptShape, to: t.shape)
        let values = t.scalars.indices.map { dtype.cast(dtype.cast(t.scalars[$0]) / norms[spread[$0]]) }
        return PyArray(library: .torch, dtype: dtype, shape: t.shape, scalars: values)
    }

    /// The cosine of the angle between x1 and x2 along `dim`, after broadcasting them together.
    static func cosineSimilarity(_ x1: PyArray, _ x2: PyArray, dim: Int, eps: Double) throws -> PyArray {
        guard let shape = Broadcast.shape(x1.shape, x2.shape) else { throw Broadcast.mismatch(x1.shape, x2.shape, torch: true) }
        let dtype = PyArray.combinedDType(x1, x2, .torch)
        let a = PyArray(library: .torch, dtype: dtype, shape: shape, scalars: Broadcast.expand(x1, to: shape) ?? [])
        let b = PyArray(library: .torch, dtype: dtype, shape: shape, scalars: Broadcast.expand(x2, to: shape) ?? [])
        let (na, nb) = (try normalize(a, dim: dim, eps: eps), try normalize(b, dim: dim, eps: eps))
        let products = PyArray(library: .torch, dtype: dtype, shape: shape,
                               scalars: zip(na.scalars, nb.scalars).map { dtype.cast($0 * $1) })
        return try products.reduce(.sum, axis: dim)
    }

    /// exp(x - max) / sum along `dim`.
    static func softmax(_ t: PyArray, dim: Int) throws -> PyArray {
        let dtype = t.dtype.isFloat ? t.dtype : .float32
        let axis = try t.normalisedAxis(dim)
        var keptShape = t.shape
        if !keptShape.isEmpty { keptShape[axis] = 1 }
        let spread = Broadcast.positions(keptShape, to: t.shape)
        let maxima = try t.reduce(.max, axis: dim).scalars
        let exps = t.scalars.indices.map { dtype.cast(exp(dtype.cast(t.scalars[$0] - maxima[spread[$0]]))) }
        let sums = try PyArray(library: .torch, dtype: dtype, shape: t.shape, scalars: exps).reduce(.sum, axis: dim).scalars
        let values = exps.indices.map { dtype.cast(exps[$0] / sums[spread[$0]]) }
        return PyArray(library: .torch, dtype: dtype, shape: t.shape, scalars: values)
    }
}
