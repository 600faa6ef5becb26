// torch's CPU sum of floats, in torch's order (the cascade sum of aten/src/ATen/native/cpu/SumKernel.cpp with
// AVX2 vectors: 8 float32 or 4 float64 lanes): running sums over blocks that are folded into higher levels, four
// accumulators side by side, every addition rounded to the dtype. Matches torch bit for bit on tensors of up to
// 32,768 elements (larger ones torch splits across threads).

enum TorchSum {
    /// The sum of all elements (a contiguous tensor is one row).
    static func total(_ values: [Double], _ dtype: PyArray.DType) -> Double {
        inner(values[...], dtype)
    }

    /// Sums along `axis` of a row-major `shape`, in the order of the result.
    static func along(_ values: [Double], shape: [Int], axis: Int, _ dtype: PyArray.DType) -> [Double] {
        let outer = shape[..<axis].reduce(1, *), length = shape[axis], inner = shape[(axis + 1)...].reduce(1, *)
        var result: [Double] = []
        result.reserveCapacity(outer * inner)
        for o in 0..<outer {
            let block = values[(o * length * inner)..<((o + 1) * length * inner)]
            if inner == 1 {
                result.append(self.inner(block, dtype))
            } else {
                result += columns(block, rows: length, columns: inner, dtype)
            }
        }
        return result
    }

    private static func lanes(_ dtype: PyArray.DType) -> Int { dtype == .float32 ? 8 : 4 }

    private static func add(_ a: inout [Double], _ b: [Double], _ dtype: PyArray.DType) {
        for i in a.indices { a[i] = dtype.cast(a[i] + b[i]) }
    }

    /// multi_row_sum: `columns` running sums over `size` rows, in up to four levels of blocks.
    private static func multiRowSum(_ load: (Int, Int) -> [Double], columns: Int, size: Int, width: Int,
                                    _ dtype: PyArray.DType) -> [[Double]] {
        let levels = 4
        let ceilLog2 = size <= 1 ? 0 : Int.bitWidth - (size - 1).leadingZeroBitCount
        let power = max(4, ceilLog2 / levels)
        let step = 1 << power, mask = step - 1
        let zero = [Double](repeating: 0, count: width)
        var acc = [[[Double]]](repeating: [[Double]](repeating: zero, count: columns), count: levels)
        var i = 0
        while i + step <= size {
            for _ in 0..<step {
                for k in 0..<columns { add(&acc[0][k], load(i, k), dtype) }
                i += 1
            }
            for j in 1..<levels {
                for k in 0..<columns {
                    add(&acc[j][k], acc[j - 1][k], dtype)
                    acc[j - 1][k] = zero
                }
                if i & (mask << (j * power)) != 0 { break }
            }
        }
        while i < size {
            for k in 0..<columns { add(&acc[0][k], load(i, k), dtype) }
            i += 1
        }
        for j in 1..<levels {
            for k in 0..<columns { add(&acc[0][k], acc[j][k], dtype) }
        }
        return acc[0]
    }

    /// row_sum: four interleaved running sums, the leftover elements, then the four added together.
    private static func rowSum(_ load: (Int) -> [Double], size: Int, width: Int, _ dtype: PyArray.DType) -> [Double] {
        let ilp = 4, sizeILP = size / ilp
        var partial = multiRowSum({ load($0 * ilp + $1) }, columns: ilp, size: sizeILP, width: width, dtype)
        for i in (sizeILP * ilp)..<size { add(&partial[0], load(i), dtype) }
        for k in 1..<ilp { add(&partial[0], partial[k], dtype) }
        return partial[0]
    }

    /// A contiguous row: whole vectors through row_sum, the tail one by one, then the vector's lanes.
    private static func inner(_ row: ArraySlice<Double>, _ dtype: PyArray.DType) -> Double {
        let v = lanes(dtype), n = row.count, start = row.startIndex
        guard n >= v else {
            return dtype.cast(0 + rowSum({ [row[start + $0]] }, size: n, width: 1, dtype)[0])
        }
        let vectors = n / v
        let vector = rowSum({ Array(row[(start + $0 * v)..<(start + ($0 + 1) * v)]) }, size: vectors, width: v, dtype)
        var total = 0.0
        for k in (vectors * v)..<n { total = dtype.cast(total + row[start + k]) }
        for lane in vector { total = dtype.cast(total + lane) }
        return dtype.cast(0 + total)
    }

    /// Sums down the columns of a row-major rows × columns block: groups of four vectors, then single vectors,
    /// then the columns left over one by one (or, for narrow blocks, groups of four columns).
    private static func columns(_ block: ArraySlice<Double>, rows: Int, columns: Int, _ dtype: PyArray.DType) -> [Double] {
        let v = lanes(dtype), start = block.startIndex
        func element(_ i: Int, _ j: Int) -> Double { block[start + i * columns + j] }
        func vector(_ i: Int, _ j: Int) -> [Double] { (0..<v).map { element(i, j + $0) } }
        var result = [Double](repeating: 0, count: columns)
        var j = 0
        if columns >= v {
            while j + 4 * v <= columns {
                let sums = multiRowSum({ i, k in vector(i, j + k * v) }, columns: 4, size: rows, width: v, dtype)
                for k in 0..<4 { for lane in 0..<v { result[j + k * v + lane] = sums[k][lane] } }
                j += 4 * v
            }
            while j + v <= columns {
                let sums = rowSum({ vector($0, j) }, size: rows, width: v, dtype)
                for lane in 0..<v { result[j + lane] = sums[lane] }
                j += v
            }
        } else {
            while j + 3 < columns {
                let sums = multiRowSum({ i, k in [element(i, j + k)] }, columns: 4, size: rows, width: 1, dtype)
                for k in 0..<4 { result[j + k] = sums[k][0] }
                j += 4
            }
        }
        while j < columns {
            let column = j
            result[j] = rowSum({ [element($0, column)] }, size: rows, width: 1, dtype)[0]
            j += 1
        }
        return result.map { dtype.cast(0 + $0) }
    }
}
