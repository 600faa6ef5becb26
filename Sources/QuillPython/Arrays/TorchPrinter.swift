// str and repr (the same text) of torch tensors as torch 2.x prints them with default print options
// (torch/_tensor_str.py): `tensor([0.1000, 0.2000])`, precision 4, line width 80, more than 1,000 elements
// summarised to the first and last 3 items per dimension, `dtype=` for dtypes other than float32, int64 and bool.

enum TorchPrinter {
    static let lineWidth = 80
    static let threshold = 1000
    static let edgeItems = 3

    static func repr(_ t: PyArray) -> String {
        let prefix = "tensor(", indent = prefix.utf8.count
        var suffixes: [String] = []
        let body: String
        if t.scalars.isEmpty {
            if t.shape.count != 1 { suffixes.append("size=" + NumpyPrinter.shapeTuple(t.shape)) }
            if t.dtype != .float32 { suffixes.append("dtype=" + dtypeName(t.dtype)) }
            body = "[]"
        } else {
            if t.dtype == .float64 || t.dtype == .int32 { suffixes.append("dtype=" + dtypeName(t.dtype)) }
            body = tensorString(t, indent: indent)
        }
        var text = prefix + body
        let utf8 = text.utf8
        var lastLine = utf8.count + 2
        if let newline = utf8.lastIndex(of: UInt8(ascii: "\n")) {
            lastLine = utf8.count - utf8.distance(from: utf8.startIndex, to: newline) + 1
        }
        for suffix in suffixes {
            let length = suffix.utf8.count
            if lastLine + length + 2 > lineWidth {
                text += ",\n" + String(repeating: " ", count: indent) + suffix
                lastLine = indent + length
            } else {
                text += ", " + suffix
                lastLine += length + 2
            }
        }
        return text + ")"
    }

    /// `str(t.dtype)`: `torch.float32`.
    static func dtypeName(_ dtype: PyArray.DType) -> String { "torch." + PyArray.numpyName(dtype) }

    /// `torch.Size([3, 384])`.
    static func sizeRepr(_ shape: [Int]) -> String {
        "torch.Size([" + shape.map(String.init).joined(separator: ", ") + "])"
    }

    /// torch's _tensor_str: the bracketed values, continuation lines indented by `indent`.
    private static func tensorString(_ t: PyArray, indent: Int) -> String {
        let summarise = t.scalars.count > threshold
        let shown = summarise ? ArrayLayout.edgeValues(t.shape, t.scalars, edgeItems: edgeItems) : t.scalars
        let format = TorchElementFormat(shown, dtype: t.dtype)
        let layout = ArrayLayout(shape: t.shape)

        func vector(_ offset: Int, _ length: Int, _ indent: Int) -> String {
            let perLine = max(1, (lineWidth - indent) / (format.width + 2))
            var items: [String] = []
            if summarise && length > 2 * edgeItems {
                items = (0..<edgeItems).map { format(t.scalars[offset + $0]) } + [" ..."]
                    + ((length - edgeItems)..<length).map { format(t.scalars[offset + $0]) }
            } else {
                items = (0..<length).map { format(t.scalars[offset + $0]) }
            }
            let lines = Swift.stride(from: 0, to: items.count, by: perLine).map {
                items[$0..<min($0 + perLine, items.count)].joined(separator: ", ")
            }
            return "[" + lines.joined(separator: ",\n" + String(repeating: " ", count: indent + 1)) + "]"
        }

        func recurse(_ offset: Int, _ axis: Int, _ indent: Int) -> String {
            let dimensions = t.shape.count - axis
            if dimensions == 0 { return format(t.scalars[offset]) }
            if dimensions == 1 { return vector(offset, t.shape[axis], indent) }
            let length = t.shape[axis], stride = layout.strides[axis]
            let slice = { (i: Int) in recurse(offset + i * stride, axis + 1, indent + 1) }
            let slices: [String]
            if summarise && length > 2 * edgeItems {
                slices = (0..<edgeItems).map(slice) + ["..."] + ((length - edgeItems)..<length).map(slice)
            } else {
                slices = (0..<length).map(slice)
            }
            let separator = "," + String(repeating: "\n", count: dimensions - 1) + String(repeating: " ", count: indent + 1)
            return "[" + slices.joined(separator: separator) + "]"
        }

        return recurse(0, 0, indent)
    }
}

/// torch's _Formatter: one width for all elements; floats in fixed (`0.1000`), integer (`1.`) or scientific
/// (`1.0000e-05`) mode, chosen from the shown nonzero finite values.
struct TorchElementFormat {
    private let dtype: PyArray.DType
    private var integerMode = true
    private var scientific = false
    private(set) var width = 1
    /// Each nonzero finite value's text from the measuring pass, reused when formatting.
    private var measured: [UInt64: String] = [:]

    private var floating: Bool { dtype == .float32 || dtype == .float64 }

    init(_ values: [Double], dtype: PyArray.DType) {
        self.dtype = dtype
        guard floating else {
            for x in values { width = max(width, TorchElementFormat.plain(x, dtype).utf8.count) }
            return
        }
        let nonzero = values.filter { $0.isFinite && $0 != 0 }
        guard let high = nonzero.map(abs).max(), let low = nonzero.map(abs).min() else { return }
        integerMode = nonzero.allSatisfy { $0 == $0.rounded(.up) }
        scientific = high / low > 1000 || high > 1e8 || low < 1e-4
        for x in nonzero {
            let text = element(x)
            measured[x.bitPattern] = text
            width = max(width, text.utf8.count)
        }
    }

    /// `f"{value}"` of an int or bool element.
    private static func plain(_ x: Double, _ dtype: PyArray.DType) -> String {
        dtype == .bool ? (x != 0 ? "True" : "False") : PyArray.integerText(x)
    }

    /// A float element in the chosen mode, before padding.
    private func element(_ x: Double) -> String {
        if scientific { return Dragon4Text.python(x, precision: 4, scientific: true) }
        if integerMode { return Dragon4Text.python(x, precision: 0, scientific: false) + (x.isFinite ? "." : "") }
        return Dragon4Text.python(x, precision: 4, scientific: false)
    }

    func callAsFunction(_ x: Double) -> String {
        let text = floating ? measured[x.bitPattern] ?? element(x) : TorchElementFormat.plain(x, dtype)
        return NumpyElementFormat.padded(text, width)
    }
}
