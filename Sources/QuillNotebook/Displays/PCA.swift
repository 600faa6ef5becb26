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
                var v = (0..<d).map { j in (0..<n).reduce(0.0) { $0 + x[$1][j] * u[$1] } }
                let norm = dot(v, v).squareRoot()
                v = norm > 1e-12 ? v.map { $0 / norm } : [Double](repeating: 0, count: d)
                components.append(v)
            }
        } else {
            // Covariance C = X^T X [d][d].
            let cov = (0..<d).map { a in (0..<d).map { b in (0..<n).reduce(0.0) { $0 + x[$1][a] * x[$1][b] } } }
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

    /// The eigenvectors of the symmetric matrix `m` for its `count` largest eigenvalues, largest first.
    static func topEigenvectors(_ m: [[Double]], count: Int) -> [[Double]] {
        let n = m.count
        var a = m
        var v = (0..<n).map { i in (0..<n).map { $0 == i ? 1.0 : 0.0 } }   // columns are eigenvectors
        for _ in 0..<100 {
            var off = 0.0, total = 0.0
            for i in 0..<n { for k in 0..<n { total += a[i][k] * a[i][k]; if i != k { off += a[i][k] * a[i][k] } } }
            if off <= 1e-30 * max(total, 1e-300) { break }
            for p in 0..<n {
                for q in (p + 1)..<n where a[p][q] != 0 {
                    // Rotation that zeroes a[p][q].
                    let theta = (a[q][q] - a[p][p]) / (2 * a[p][q])
                    let t = (theta >= 0 ? 1.0 : -1.0) / (abs(theta) + (theta * theta + 1).squareRoot())
                    let c = 1 / (t * t + 1).squareRoot(), s = t * c
                    for k in 0..<n {
                        let akp = a[k][p], akq = a[k][q]
                        a[k][p] = c * akp - s * akq
                        a[k][q] = s * akp + c * akq
                    }
                    for k in 0..<n {
                        let apk = a[p][k], aqk = a[q][k]
                        a[p][k] = c * apk - s * aqk
                        a[q][k] = s * apk + c * aqk
                    }
                    for k in 0..<n {
                        let vkp = v[k][p], vkq = v[k][q]
                        v[k][p] = c * vkp - s * vkq
                        v[k][q] = s * vkp + c * vkq
                    }
                }
            }
        }
        let eigenvalues: [Double] = (0..<n).map { a[$0][$0] }
        let order = (0..<n).sorted { (i: Int, k: Int) -> Bool in
            eigenvalues[i] > eigenvalues[k] || (eigenvalues[i] == eigenvalues[k] && i < k)
        }
        let largest = Swift.max(abs(eigenvalues[order[0]]), 1e-300)
        return order.prefix(count).map { (col: Int) -> [Double] in
            guard eigenvalues[col] > 1e-12 * largest else { return [Double](repeating: 0, count: n) }
            return (0..<n).map { v[$0][col] }
        }
    }
}
