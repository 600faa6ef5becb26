// Principal component analysis to two dimensions, for scatter plots of embeddings. Points [n][d] are centred on
// their mean and projected on the two directions of largest variance (the first two right singular vectors of the
// centred matrix, as numpy.linalg.svd gives them). Sign convention, so that results are deterministic and equal the
// reference's: each component is flipped so that its entry of largest absolute value is positive (the first such
// entry on ties, entries within a relative 1e-9 of the largest counting as ties). The eigenvectors come from the cyclic Jacobi method on the smaller of the Gram matrix [n][n] and
// the covariance [d][d]; a component with zero variance projects every point to 0.

enum PCA {
    /// [n][d] points (d > 2) -> [n][2].
    static func project(_ points: [[Double]]) -> [[Double]] {
        let n = points.count, d = points[0].count
        var mean = [Double](repeating: 0, count: d)
        for p in points { for j in 0..<d { mean[j] += p[j] } }
        for j in 0..<d { mean[j] /= Double(n) }
        let x = points.map { p in (0..<d).map { p[$0] - mean[$0] } }
        var components: [[Double]] = []   // [2][d]
        if n <= d {
            // Gram matrix G = X X^T [n][n]; v = X^T u / |X^T u|.
            let gram = (0..<n).map { i in (0..<n).map { k in dot(x[i], x[k]) } }
            for u in topEigenvectors(gram, count: 2) {
                var v = [Double](repeating: 0, count: d)
                for i in 0..<n where u[i] != 0 { for j in 0..<d { v[j] += x[i][j] * u[i] } }
                let norm = dot(v, v).squareRoot()
                v = norm > 1e-12 ? v.map { $0 / norm } : [Double](repeating: 0, count: d)
                components.append(v)
            }
        } else {
            // Covariance C = X^T X [d][d].
            let columns = (0..<d).map { j in x.map { $0[j] } }   // [d][n]
            let cov = (0..<d).map { a in (0..<d).map { b in dot(columns[a], columns[b]) } }
            components = topEigenvectors(cov, count: 2)
        }
        while components.count < 2 { components.append([Double](repeating: 0, count: d)) }
        components = components.map(signed)
        return x.map { p in components.map { dot(p, $0) } }
    }

    /// `v` flipped so that its entry of largest absolute value is positive; entries within a relative 1e-9 of the
    /// largest are ties (rounding must not decide), and the first of them counts.
    static func signed(_ v: [Double]) -> [Double] {
        let largest = v.map(abs).max() ?? 0
        guard let best = v.firstIndex(where: { abs($0) >= largest * (1 - 1e-9) }), v[best] < 0 else { return v }
        return v.map { -$0 }
    }

    static func dot(_ a: [Double], _ b: [Double]) -> Double {
        var s = 0.0
        for i in a.indices { s += a[i] * b[i] }
        return s
    }

    /// The eigenvectors of the symmetric matrix `m` for its `count` largest eigenvalues, largest first (a zero vector
    /// for an eigenvalue that is zero next to the largest). Cyclic Jacobi on flat row-major storage.
    static func topEigenvectors(_ m: [[Double]], count: Int) -> [[Double]] {
        let n = m.count
        var a = m.flatMap { $0 }                       // [n*n], row-major
        var v = [Double](repeating: 0, count: n * n)   // columns are eigenvectors
        for i in 0..<n { v[i * n + i] = 1 }
        a.withUnsafeMutableBufferPointer { a in
            v.withUnsafeMutableBufferPointer { v in
                for _ in 0..<100 {
                    var off = 0.0, total = 0.0
                    for i in 0..<n {
                        for k in 0..<n {
                            let x = a[i * n + k] * a[i * n + k]
                            total += x
                            if i != k { off += x }
                        }
                    }
                    if off <= 1e-30 * Swift.max(total, 1e-300) { break }
                    for p in 0..<n { for q in (p + 1)..<n where a[p * n + q] != 0 { rotate(a, v, n, p, q) } }
                }
            }
        }
        let eigenvalues: [Double] = (0..<n).map { a[$0 * n + $0] }
        let order = (0..<n).sorted { (i: Int, k: Int) -> Bool in
            eigenvalues[i] > eigenvalues[k] || (eigenvalues[i] == eigenvalues[k] && i < k)
        }
        let largest = Swift.max(abs(eigenvalues[order[0]]), 1e-300)
        return order.prefix(count).map { (col: Int) -> [Double] in
            guard eigenvalues[col] > 1e-12 * largest else { return [Double](repeating: 0, count: n) }
            return (0..<n).map { v[$0 * n + col] }
        }
    }

    /// The Jacobi rotation that zeroes a[p][q] (p < q), applied to `a` (both sides) and accumulated in `v`.
    static func rotate(_ a: UnsafeMutableBufferPointer<Double>, _ v: UnsafeMutableBufferPointer<Double>, _ n: Int,
                       _ p: Int, _ q: Int) {
        let apq = a[p * n + q]
        let theta = (a[q * n + q] - a[p * n + p]) / (2 * apq)
        let t = (theta >= 0 ? 1.0 : -1.0) / (abs(theta) + (theta * theta + 1).squareRoot())
        let c = 1 / (t * t + 1).squareRoot(), s = t * c
        for k in 0..<n {
            let akp = a[k * n + p], akq = a[k * n + q]
            a[k * n + p] = c * akp - s * akq
            a[k * n + q] = s * akp + c * akq
        }
        for k in 0..<n {
            let apk = a[p * n + k], aqk = a[q * n + k]
            a[p * n + k] = c * apk - s * aqk
            a[q * n + k] = s * apk + c * aqk
        }
        for k in 0..<n {
            let vkp = v[k * n + p], vkq = v[k * n + q]
            v[k * n + p] = c * vkp - s * vkq
            v[k * n + q] = s * vkp + c * vkq
        }
    }
}
