// str and repr of numpy arrays and numpy scalars, as numpy 2.x prints them with default print options
// (numpy/_core/arrayprint.py: array2string, _formatArray, array_repr; scalartypes.c for scalars): line width 75,
// arrays of more than 1,000 elements summarised to their first and last 3 items per axis with "...".

enum NumpyPrinter {
    static let lineWidth = 75
    static let threshold = 1000
    static let edgeItems = 3

    /// `str(a)`: `[0.1 0.2]`; a 0-d array prints as its scalar.
    static func str(_ a: PyArray) -> String {
        if a.shape.isEmpty { return scalarStr(a.scalars[0], a.dtype) }
        return array2string(a, lineWidth: lineWidth, separator: " ", prefix: "")
    }

    /// `repr(a)`: `array([0.1, 0.2], dtype=float32)`, with `shape=` for empty and summarised arrays.
    static func repr(_ a: PyArray) -> String {
        if a.isNumpyScalar { return scalarRepr(a.scalars[0], a.dtype) }
        let prefix = "array("
        let body = array2string(a, lineWidth: lineWidth - 1, separator: ", ", prefix: prefix)
        let size = a.scalars.count
        var extras: [String] = []
        if (size == 0 && a.shape != [0]) || size > threshold {
            extras.append("shape=" + shapeTuple(a.shape))
        }
        let implied = a.dtype == .float64 || a.dtype == .int64 || a.dtype == .bool
        if !implied || size == 0 { extras.append("dtype=" + PyArray.numpyName(a.dtype)) }
        if extras.isEmpty { return prefix + body + ")" }
        let text = prefix + body + ","
        let extra = extras.joined(separator: ", ") + ")"
        let lastLine = text.utf8.count - (text.utf8.lastIndex(of: UInt8(ascii: "\n")).map { text.utf8.distance(from: text.utf8.startIndex, to: $0) + 1 } ?? 0)
        let spacer = lastLine + extra.utf8.count + 1 > lineWidth ? "\n" + String(repeating: " ", count: prefix.utf8.count) : " "
        return text + spacer + extra
    }

    /// Python's repr of a shape tuple: `(3,)`, `(2, 0)`, `()`.
    static func shapeTuple(_ shape: [Int]) -> String {
        shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
    }

    /// A shape as numpy's C code writes it in messages: `(4,2)`, `(3,)`, -1 as `newaxis`.
    static func compactShape(_ shape: [Int]) -> String {
        let items = shape.map { $0 == -1 ? "newaxis" : String($0) }
        return "(" + items.joined(separator: ",") + (items.count == 1 ? ",)" : ")")
    }

    /// `str(np.float32(x))`: the shortest digits that read back, positional from 1e-4 up to 1e6 (float32) or 1e16
    /// (float64), else scientific.
    static func scalarStr(_ x: Double, _ dtype: PyArray.DType) -> String {
        switch dtype {
        case .bool: return x != 0 ? "True" : "False"
        case .int64, .int32: return PyArray.integerText(x)
        case .float32, .float64:
            if x.isNaN { return "nan" }
            if x.isInfinite { return x < 0 ? "-inf" : "inf" }
            let value: FloatValue = dtype == .float32 ? .float32(Float(x)) : .float64(x)
            let magnitude = abs(x)
            if x == 0 || (magnitude >= 1e-4 && magnitude < (dtype == .float32 ? 1e6 : 1e16)) {
                return Dragon4Text.positional(value, trim: .oneZero)
            }
            return Dragon4Text.scientific(value, trim: .dropPoint)
        }
    }

    /// `repr(np.float32(x))`: `np.float32(0.5)`, `np.int64(3)`, `np.True_`.
    static func scalarRepr(_ x: Double, _ dtype: PyArray.DType) -> String {
        if dtype == .bool { return x != 0 ? "np.True_" : "np.False_" }
        return "np.\(PyArray.numpyName(dtype))(\(scalarStr(x, dtype)))"
    }

    /// numpy's array2string with the separator and the prefix whose width continuation lines are indented by.
    static func array2string(_ a: PyArray, lineWidth: Int, separator: String, prefix: String) -> String {
        if a.scalars.isEmpty { return "[]" }
        let summarise = a.scalars.count > threshold
        let shown = summarise ? ArrayLayout.edgeValues(a.shape, a.scalars, edgeItems: edgeItems) : a.scalars
        let format = NumpyElementFormat(shown, dtype: a.dtype, zeroDimensional: a.shape.isEmpty)
        let layout = ArrayLayout(shape: a.shape)
        let trailingSeparator = separator.hasSuffix(" ") ? String(separator.dropLast()) : separator

        func extend(_ text: inout String, _ line: inout String, _ word: String, _ width: Int, _ indent: String) {
            if line.utf8.count + word.utf8.count > width && line.utf8.count > indent.utf8.count {
                text += trimmedTrailingSpaces(line) + "\n"
                line = indent
            }
            line += word
        }

        func recurse(_ offset: Int, _ axis: Int, _ indent: String, _ width: Int) -> String {
            if axis == a.shape.count { return format(a.scalars[offset]) }
            let nextIndent = indent + " ", nextWidth = width - 1
            let length = a.shape[axis], stride = layout.strides[axis]
            let summary = summarise && 2 * edgeItems < length
            let leading = summary ? edgeItems : 0, trailing = summary ? edgeItems : length
            var text = ""
            if axis == a.shape.count - 1 {
                let elementWidth = width - max(trailingSeparator.utf8.count, 1)
                var line = indent
                for i in 0..<leading {
                    extend(&text, &line, recurse(offset + i * stride, axis + 1, nextIndent, nextWidth), elementWidth, indent)
                    line += separator
                }
                if summary {
                    extend(&text, &line, "...", elementWidth, indent)
                    line += separator
                }
                for i in Swift.stride(from: trailing, to: 1, by: -1) {
                    extend(&text, &line, recurse(offset + (length - i) * stride, axis + 1, nextIndent, nextWidth),
                           elementWidth, indent)
                    line += separator
                }
                extend(&text, &line, recurse(offset + (length - 1) * stride, axis + 1, nextIndent, nextWidth),
                       elementWidth, indent)
                text += line
            } else {
                let lineSeparator = trailingSeparator + String(repeating: "\n", count: a.shape.count - 1 - axis)
                for i in 0..<leading {
                    text += indent + recurse(offset + i * stride, axis + 1, nextIndent, nextWidth) + lineSeparator
                }
                if summary { text += indent + "..." + lineSeparator }
                for i in Swift.stride(from: trailing, to: 1, by: -1) {
                    text += indent + recurse(offset + (length - i) * stride, axis + 1, nextIndent, nextWidth) + lineSeparator
                }
                text += indent + recurse(offset + (length - 1) * stride, axis + 1, nextIndent, nextWidth)
            }
            return "[" + text.dropFirst(indent.utf8.count) + "]"
        }

        return recurse(0, 0, " " + String(repeating: " ", count: prefix.utf8.count), lineWidth)
    }

    private static func trimmedTrailingSpaces(_ line: String) -> Substring {
        var end = line.endIndex
        while end > line.startIndex, line[line.index(before: end)] == " " { end = line.index(before: end) }
        return line[..<end]
    }
}
