// Parsing and validation of a safetensors header, mirroring `read_metadata` and `Metadata::validate` in
// huggingface/safetensors:safetensors/src/tensor.rs. Layout: N (u64, little-endian), N bytes of UTF-8 JSON, then the
// byte buffer, which the tensors must tile exactly (sorted by data_offsets: no gaps, overlaps, aliases or trailing
// bytes). Nothing here reads tensor data, and nothing allocates in proportion to N before N is checked.
import QuillJSON

/// Where one tensor lives and how to read it.
public struct TensorInfo: Sendable, Equatable {
    public let name: String
    public let dtype: DType
    /// Dimensions, outermost first; `[]` is a scalar.
    public let shape: [Int]
    /// Absolute byte offsets in the file (8 + N + data_offsets).
    public let byteRange: Range<Int>

    /// Number of elements (1 for a scalar, 0 for an empty tensor).
    public var elementCount: Int { shape.reduce(1, *) }
}

/// A validated header: every tensor fits the file and the tensors tile the byte buffer.
struct SafetensorsHeader: Sendable {
    var tensors: [String: TensorInfo]
    var metadata: [String: String]

    /// `MAX_HEADER_SIZE` in the reference.
    static let maxHeaderLength: UInt64 = 100_000_000
    /// serde_json's recursion limit; a real header nests 3 deep.
    static let maxJSONDepth = 128

    /// One header entry before validation; offsets and dims stay UInt64 (the reference's usize) until checked.
    private struct Entry {
        var name: String
        var dtype: DType
        var shape: [UInt64]
        var begin: UInt64
        var end: UInt64
    }

    /// Parses and validates the header of `file` (the whole file's bytes).
    /// - Throws: the first failed check, in the reference's order.
    static func parse(_ file: UnsafeRawBufferPointer, path: String) throws(SafetensorsError) -> SafetensorsHeader {
        guard file.count >= 8 else { throw .headerTooSmall(file: path, fileSize: file.count) }
        let n = UInt64(littleEndian: file.loadUnaligned(as: UInt64.self))
        guard n <= maxHeaderLength else { throw .headerTooLarge(file: path, headerLength: n) }
        let dataStart = 8 + Int(n)  // n <= 1e8: no overflow
        guard dataStart <= file.count else {
            throw .invalidHeaderLength(file: path, headerLength: n, fileSize: file.count)
        }
        let headerBytes = UnsafeRawBufferPointer(rebasing: file[8..<dataStart])
        if String(validating: headerBytes, as: UTF8.self) == nil {
            throw .invalidHeader(file: path, reason: "invalid UTF-8 at header byte \(invalidUTF8Offset(headerBytes))")
        }
        let value: JSONValue
        do {
            value = try JSONParser.parse(headerBytes, maxDepth: maxJSONDepth)
        } catch {
            throw .invalidHeaderJSON(file: path, reason: error.description)
        }
        guard let root = value.objectValue else {
            throw .invalidHeaderJSON(file: path, reason: "the header is a JSON \(value.kindName), not an object")
        }

        var metadata: [String: String] = [:]
        var entries: [Entry] = []
        entries.reserveCapacity(root.count)
        for member in root.members {
            if member.key == "__metadata__" {
                metadata = try parseMetadata(member.value, path: path)
            } else {
                entries.append(try parseEntry(member.key, member.value, path: path))
            }
        }
        let tensors = try validate(entries, dataStart: dataStart, fileSize: file.count, path: path)
        return SafetensorsHeader(tensors: tensors, metadata: metadata)
    }

    /// `Metadata::validate`: sort by offsets, then require exact tiling and consistent sizes.
    private static func validate(_ unsorted: [Entry], dataStart: Int, fileSize: Int, path: String)
        throws(SafetensorsError) -> [String: TensorInfo]
    {
        let entries = unsorted.sorted {
            ($0.begin, $0.end) != ($1.begin, $1.end) ? ($0.begin, $0.end) < ($1.begin, $1.end)
                : $0.name.utf8.lexicographicallyPrecedes($1.name.utf8)
        }
        var checked: [(entry: Entry, shape: [Int])] = []
        checked.reserveCapacity(entries.count)
        var start: UInt64 = 0
        for e in entries {
            guard e.begin == start, e.end >= e.begin else {
                throw .invalidOffset(file: path, tensor: e.name, dataOffsets: [e.begin, e.end], expectedBegin: Int(start))
            }
            // Checked product in the reference's order; dims beyond Int.max overflow our Int shape.
            var elements = 1
            var shape: [Int] = []
            shape.reserveCapacity(e.shape.count)
            for dim in e.shape {
                guard let d = Int(exactly: dim) else { throw overflow(e, path) }
                let (p, o) = elements.multipliedReportingOverflow(by: d)
                guard !o else { throw overflow(e, path) }
                elements = p
                shape.append(d)
            }
            // Bits in UInt64, the reference's usize: 2^60 bytes of U8 is a size error, not an overflow.
            let (bits, o) = UInt64(elements).multipliedReportingOverflow(by: UInt64(e.dtype.bitSize))
            guard !o else { throw overflow(e, path) }
            guard bits % 8 == 0 else { throw .misalignedSlice(file: path, tensor: e.name, shape: shape, dtype: e.dtype) }
            guard e.end - e.begin == bits / 8 else {
                throw .tensorInvalidInfo(file: path, tensor: e.name, shape: shape, dtype: e.dtype,
                                         expectedBytes: Int(bits / 8), actualBytes: Int(clamping: e.end - e.begin))
            }
            start = e.end
            checked.append((e, shape))
        }
        let (expected, o) = start.addingReportingOverflow(UInt64(dataStart))
        guard !o, expected == UInt64(fileSize) else {
            throw .metadataIncompleteBuffer(file: path, expectedSize: o ? Int.max : Int(clamping: expected), fileSize: fileSize)
        }
        var tensors: [String: TensorInfo] = [:]
        tensors.reserveCapacity(checked.count)
        for (e, shape) in checked {
            let range = (dataStart + Int(e.begin))..<(dataStart + Int(e.end))  // both <= fileSize now
            let info = TensorInfo(name: e.name, dtype: e.dtype, shape: shape, byteRange: range)
            guard tensors.updateValue(info, forKey: e.name) == nil else {
                // Swift Strings compare by canonical equivalence; JSON keys are unique only byte for byte.
                throw .invalidHeaderJSON(file: path, reason: "tensor names equivalent to '\(e.name)' appear twice")
            }
        }
        return tensors
    }

    private static func overflow(_ e: Entry, _ path: String) -> SafetensorsError {
        .validationOverflow(file: path, tensor: e.name, shape: e.shape, dtype: e.dtype)
    }

    /// One `"name": {"dtype": ..., "shape": [...], "data_offsets": [begin, end]}`; unknown fields are ignored (serde).
    private static func parseEntry(_ name: String, _ value: JSONValue, path: String) throws(SafetensorsError) -> Entry {
        func bad(_ reason: String) -> SafetensorsError { .invalidTensorEntry(file: path, tensor: name, reason: reason) }
        guard let object = value.objectValue else { throw bad("entry is a JSON \(value.kindName), not an object") }
        guard let dtypeValue = object["dtype"] else { throw bad("missing field \"dtype\"") }
        guard let dtypeName = dtypeValue.stringValue else {
            throw bad("\"dtype\" must be a string, found \(brief(dtypeValue))")
        }
        guard let dtype = DType(rawValue: dtypeName) else {
            throw .unknownDType(file: path, tensor: name, dtype: dtypeName)
        }
        guard let shapeValue = object["shape"] else { throw bad("missing field \"shape\"") }
        guard let shape = unsignedArray(shapeValue) else {
            throw bad("\"shape\" must be an array of non-negative integers, found \(brief(shapeValue))")
        }
        guard let offsetsValue = object["data_offsets"] else { throw bad("missing field \"data_offsets\"") }
        guard let offsets = unsignedArray(offsetsValue), offsets.count == 2 else {
            throw bad("\"data_offsets\" must be [begin, end] with two non-negative integers, found \(brief(offsetsValue))")
        }
        return Entry(name: name, dtype: dtype, shape: shape, begin: offsets[0], end: offsets[1])
    }

    /// An array of plain non-negative integers that fit in 64 bits (serde's usize), else nil.
    private static func unsignedArray(_ value: JSONValue) -> [UInt64]? {
        guard let items = value.arrayValue else { return nil }
        var out: [UInt64] = []
        out.reserveCapacity(items.count)
        for item in items {
            guard case .number(let text) = item, !text.hasPrefix("-"), let v = UInt64(text) else { return nil }
            out.append(v)
        }
        return out
    }

    /// `__metadata__`: a string-to-string map (or null, which serde reads as absent).
    private static func parseMetadata(_ value: JSONValue, path: String) throws(SafetensorsError) -> [String: String] {
        if value.isNull { return [:] }
        guard let object = value.objectValue else {
            throw .invalidMetadata(file: path, key: nil, reason: "is a JSON \(value.kindName), not an object")
        }
        var metadata: [String: String] = [:]
        for member in object.members {
            guard let s = member.value.stringValue else {
                throw .invalidMetadata(file: path, key: member.key, reason: "value is a JSON \(member.value.kindName)")
            }
            guard metadata.updateValue(s, forKey: member.key) == nil else {
                throw .invalidMetadata(file: path, key: member.key, reason: "an equivalent key appears twice")
            }
        }
        return metadata
    }

    /// A short rendering of a JSON value for messages (`[0, 1, 2]`, `"x"`, `-1`, `an object`).
    private static func brief(_ value: JSONValue) -> String {
        switch value {
        case .number(let n): return n
        case .string(let s): return "\"\(s.prefix(40))\""
        case .bool(let b): return "\(b)"
        case .null: return "null"
        case .object: return "an object"
        case .array(let items):
            let shown = items.prefix(8).map { item -> String in
                switch item {
                case .array, .object: return item.kindName
                default: return brief(item)
                }
            }
            return "[" + shown.joined(separator: ", ") + (items.count > 8 ? ", ..." : "") + "]"
        }
    }

    /// Offset of the first byte that does not start or continue a valid UTF-8 sequence (error path only).
    private static func invalidUTF8Offset(_ bytes: UnsafeRawBufferPointer) -> Int {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .error: return offset
            case .emptyInput: return offset
            }
        }
    }
}
