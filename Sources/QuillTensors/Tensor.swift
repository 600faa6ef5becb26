// A dense Float32 tensor: contiguous, row-major, no strides (candle's Layout shows the way if a profile ever asks).

/// A contiguous row-major Float32 tensor. Value semantics (copy-on-write through the array).
public struct Tensor: Sendable, Equatable {
    /// Dimensions, outermost first. `[]` is a scalar with one element.
    public var shape: [Int]
    /// Elements in row-major order; `scalars.count == shape.reduce(1, *)`.
    public var scalars: [Float]

    public init(shape: [Int], scalars: [Float]) {
        precondition(shape.allSatisfy { $0 >= 0 }, "Tensor: negative dimension in \(shape)")
        precondition(shape.reduce(1, *) == scalars.count, "Tensor: shape \(shape) does not hold \(scalars.count) scalars")
        self.shape = shape
        self.scalars = scalars
    }

    /// A tensor of zeros.
    public init(zeros shape: [Int]) {
        self.init(shape: shape, scalars: [Float](repeating: 0, count: shape.reduce(1, *)))
    }

    public var count: Int { scalars.count }
    public var rank: Int { shape.count }
}
