// Row-major layout arithmetic shared by printing, indexing and reductions: strides, and the elements a
// summarised print shows.

struct ArrayLayout {
    let shape: [Int]
    /// Elements between neighbours along each axis: for [2, 3, 4], [12, 4, 1].
    let strides: [Int]

    init(shape: [Int]) {
        self.shape = shape
        var strides = [Int](repeating: 1, count: shape.count)
        var step = 1
        for axis in shape.indices.reversed() {
            strides[axis] = step
            step *= shape[axis]
        }
        self.strides = strides
    }

    /// The elements a summarised print shows, in row-major order: along every axis longer than 2 × edgeItems,
    /// only the first and the last edgeItems (numpy's _leading_trailing, torch's get_summarized_data).
    static func edgeValues(_ shape: [Int], _ scalars: [Double], edgeItems: Int) -> [Double] {
        let layout = ArrayLayout(shape: shape)
        var result: [Double] = []
        func visit(_ axis: Int, _ offset: Int) {
            if axis == shape.count {
                result.append(scalars[offset])
                return
            }
            let length = shape[axis]
            if length > 2 * edgeItems {
                for i in 0..<edgeItems { visit(axis + 1, offset + i * layout.strides[axis]) }
                for i in (length - edgeItems)..<length { visit(axis + 1, offset + i * layout.strides[axis]) }
            } else {
                for i in 0..<length { visit(axis + 1, offset + i * layout.strides[axis]) }
            }
        }
        visit(0, 0)
        return result
    }
}
