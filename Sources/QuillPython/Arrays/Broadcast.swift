// numpy / torch broadcasting: two shapes aligned at their last axis, where each pair of lengths is equal or one
// of them is 1; and which element of the smaller array each element of the result reads.

enum Broadcast {
    /// The broadcast shape, or nil when the shapes are incompatible.
    static func shape(_ a: [Int], _ b: [Int]) -> [Int]? {
        let count = max(a.count, b.count)
        var result = [Int](repeating: 1, count: count)
        for i in 0..<count {
            let x = i < count - a.count ? 1 : a[i - (count - a.count)]
            let y = i < count - b.count ? 1 : b[i - (count - b.count)]
            guard x == y || x == 1 || y == 1 else { return nil }
            result[i] = x == 1 ? y : x
        }
        return result
    }

    /// For each element of `shape` (row-major), the position of the element of a `source`-shaped array it reads.
    static func positions(_ source: [Int], to shape: [Int]) -> [Int] {
        let offset = shape.count - source.count
        let sourceStrides = ArrayLayout(shape: source).strides
        var positions = [0]
        for axis in shape.indices {
            let length = shape[axis]
            let s = axis - offset
            let stride = s >= 0 && source[s] != 1 ? sourceStrides[s] : 0
            positions = positions.flatMap { base in (0..<length).map { base + $0 * stride } }
        }
        return positions
    }

    /// The elements of `array` broadcast to `shape`, or nil if it does not broadcast to exactly that shape.
    static func expand(_ array: PyArray, to shape: [Int]) -> [Double]? {
        guard array.shape.count <= shape.count, Broadcast.shape(array.shape, shape) == shape else { return nil }
        if array.shape == shape { return array.scalars }
        return positions(array.shape, to: shape).map { array.scalars[$0] }
    }

    /// A shape as torch writes it in messages: `[2, 3]`.
    static func list(_ shape: [Int]) -> String { "[" + shape.map(String.init).joined(separator: ", ") + "]" }

    /// The library's error for shapes that do not broadcast.
    static func mismatch(_ a: [Int], _ b: [Int], torch: Bool) -> PyError {
        guard torch else {
            let shapes = [a, b].map { NumpyPrinter.shapeTuple($0) }.joined(separator: " ")
            return .value("operands could not be broadcast together with shapes \(shapes) ")
        }
        // torch names the first (from the right) dimension that differs.
        let count = max(a.count, b.count)
        for i in (0..<count).reversed() {
            let x = i < count - a.count ? 1 : a[i - (count - a.count)]
            let y = i < count - b.count ? 1 : b[i - (count - b.count)]
            if x != y && x != 1 && y != 1 {
                return PyError(.exception("RuntimeError"),
                               "The size of tensor a (\(x)) must match the size of tensor b (\(y)) at non-singleton dimension \(i)")
            }
        }
        return PyError(.exception("RuntimeError"), "shapes do not broadcast")
    }
}
