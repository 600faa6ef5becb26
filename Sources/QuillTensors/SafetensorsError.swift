// Errors of the safetensors reader. Each case mirrors one `SafeTensorError` variant of
// huggingface/safetensors:safetensors/src/tensor.rs (or a sharded-index check of our own), and carries the file
// path plus the tensor name where there is one, so that a message is actionable on its own.

/// Why a safetensors file (or a sharded index) could not be read. `file` is always the path of the offending file.
public enum SafetensorsError: Error, Sendable, CustomStringConvertible {
    /// The file could not be opened or mapped.
    case io(file: String, reason: String)
    /// The file is shorter than the 8-byte header length prefix.
    case headerTooSmall(file: String, fileSize: Int)
    /// The header length prefix exceeds 100,000,000 bytes (`MAX_HEADER_SIZE`); checked before anything is read.
    case headerTooLarge(file: String, headerLength: UInt64)
    /// 8 + header length exceeds the file size.
    case invalidHeaderLength(file: String, headerLength: UInt64, fileSize: Int)
    /// The header bytes are not valid UTF-8.
    case invalidHeader(file: String, reason: String)
    /// The header is not a JSON object (syntax error, duplicate key, nesting too deep, not an object).
    case invalidHeaderJSON(file: String, reason: String)
    /// A tensor entry is malformed: a missing field or a field of the wrong type.
    case invalidTensorEntry(file: String, tensor: String, reason: String)
    /// A tensor's `dtype` is not one of the safetensors element types.
    case unknownDType(file: String, tensor: String, dtype: String)
    /// `__metadata__` is not a string-to-string map.
    case invalidMetadata(file: String, key: String?, reason: String)
    /// The tensor's byte range does not start where the previous one (in offset order) ends, or ends before it begins.
    case invalidOffset(file: String, tensor: String, dataOffsets: [UInt64], expectedBegin: Int)
    /// The element count or bit count of the shape overflows.
    case validationOverflow(file: String, tensor: String, shape: [UInt64], dtype: DType)
    /// The tensor's bit count is not a whole number of bytes (sub-byte dtypes).
    case misalignedSlice(file: String, tensor: String, shape: [Int], dtype: DType)
    /// The byte range length does not match shape × dtype size.
    case tensorInvalidInfo(file: String, tensor: String, shape: [Int], dtype: DType, expectedBytes: Int, actualBytes: Int)
    /// The tensors do not cover the data section exactly: trailing bytes, or a file shorter than the header promises.
    case metadataIncompleteBuffer(file: String, expectedSize: Int, fileSize: Int)
    /// No tensor of that name.
    case tensorNotFound(file: String, tensor: String)
    /// The tensor's dtype cannot be converted to Float32.
    case unsupportedDType(file: String, tensor: String, dtype: DType, supported: [DType])
    /// A sharded index (`model.safetensors.index.json`) is malformed.
    case invalidIndex(file: String, reason: String)
    /// A sharded index names a shard outside its folder (`../x`, an absolute path, ...).
    case unsafeShardPath(file: String, tensor: String, shard: String)
    /// A sharded index names a shard file that does not exist.
    case missingShard(file: String, tensor: String, shard: String)
    /// A sharded index maps a tensor to a shard that does not contain it.
    case tensorNotInShard(file: String, tensor: String, shard: String)

    /// The path of the file the error is about.
    public var file: String {
        switch self {
        case .io(let f, _), .headerTooSmall(let f, _), .headerTooLarge(let f, _), .invalidHeaderLength(let f, _, _),
            .invalidHeader(let f, _), .invalidHeaderJSON(let f, _), .invalidTensorEntry(let f, _, _),
            .unknownDType(let f, _, _), .invalidMetadata(let f, _, _), .invalidOffset(let f, _, _, _),
            .validationOverflow(let f, _, _, _), .misalignedSlice(let f, _, _, _),
            .tensorInvalidInfo(let f, _, _, _, _, _), .metadataIncompleteBuffer(let f, _, _), .tensorNotFound(let f, _),
            .unsupportedDType(let f, _, _, _), .invalidIndex(let f, _), .unsafeShardPath(let f, _, _),
            .missingShard(let f, _, _), .tensorNotInShard(let f, _, _):
            f
        }
    }

    /// The tensor the error is about, where there is one.
    public var tensor: String? {
        switch self {
        case .invalidTensorEntry(_, let t, _), .unknownDType(_, let t, _), .invalidOffset(_, let t, _, _),
            .validationOverflow(_, let t, _, _), .misalignedSlice(_, let t, _, _),
            .tensorInvalidInfo(_, let t, _, _, _, _), .tensorNotFound(_, let t), .unsupportedDType(_, let t, _, _),
            .unsafeShardPath(_, let t, _), .missingShard(_, let t, _), .tensorNotInShard(_, let t, _):
            t
        default:
            nil
        }
    }

    public var description: String {
        let subject = tensor.map { "\(file): tensor '\($0)': " } ?? "\(file): "
        return subject + message
    }

    private var message: String {
        switch self {
        case .io(_, let reason):
            "cannot read the file: \(reason)"
        case .headerTooSmall(_, let size):
            "file is \(size) bytes, too small for the 8-byte header length; not a safetensors file"
        case .headerTooLarge(_, let n):
            "header length \(n) exceeds the 100,000,000-byte limit; not a safetensors file"
        case .invalidHeaderLength(_, let n, let size):
            "header length \(n) runs past the end of the \(size)-byte file"
        case .invalidHeader(_, let reason):
            "header is not valid UTF-8: \(reason)"
        case .invalidHeaderJSON(_, let reason):
            "header is not a valid JSON object: \(reason)"
        case .invalidTensorEntry(_, _, let reason):
            reason
        case .unknownDType(_, _, let dtype):
            "unknown dtype \"\(dtype)\" (known: \(DType.allCases.map(\.rawValue).joined(separator: ", ")))"
        case .invalidMetadata(_, let key, let reason):
            "__metadata__" + (key.map { " key '\($0)'" } ?? "") + ": \(reason); it must map strings to strings"
        case .invalidOffset(_, _, let offsets, let expected):
            "data_offsets \(offsets) " + Self.offsetProblem(offsets, expectedBegin: expected)
        case .validationOverflow(_, _, let shape, let dtype):
            "shape \(shape) of \(dtype) overflows the element or bit count"
        case .misalignedSlice(_, _, let shape, let dtype):
            "shape \(shape) of \(dtype) is not a whole number of bytes"
        case .tensorInvalidInfo(_, _, let shape, let dtype, let expected, let actual):
            "shape \(shape) of \(dtype) needs \(expected) bytes but data_offsets span \(actual)"
        case .metadataIncompleteBuffer(_, let expected, let size):
            size > expected
                ? "\(size - expected) trailing bytes after the last tensor (header and tensors cover \(expected) of \(size) bytes)"
                : "file is truncated: header and tensors need \(expected) bytes but the file has \(size)"
        case .tensorNotFound:
            "no such tensor"
        case .unsupportedDType(_, _, let dtype, let supported):
            "dtype \(dtype) cannot be converted to Float32 (supported: \(supported.map(\.rawValue).joined(separator: ", ")))"
        case .invalidIndex(_, let reason):
            "invalid sharded index: \(reason)"
        case .unsafeShardPath(_, _, let shard):
            "shard \"\(shard)\" is not a plain relative path inside the index's folder"
        case .missingShard(_, _, let shard):
            "shard \"\(shard)\" does not exist"
        case .tensorNotInShard(_, _, let shard):
            "the index maps it to shard \"\(shard)\", which does not contain it"
        }
    }

    private static func offsetProblem(_ offsets: [UInt64], expectedBegin: Int) -> String {
        guard offsets.count == 2 else { return "are invalid" }
        let (begin, end) = (offsets[0], offsets[1])
        if end < begin { return "end before they begin" }
        if begin < UInt64(expectedBegin) {
            return "overlap the previous tensor, which ends at \(expectedBegin) (tensors must not alias or overlap)"
        }
        if expectedBegin == 0 { return "leave a gap: the first tensor must begin at 0" }
        return "leave a gap after the previous tensor, which ends at \(expectedBegin)"
    }
}
