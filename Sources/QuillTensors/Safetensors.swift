// A memory-mapped safetensors file (huggingface/safetensors format; see SafetensorsHeader.swift for the checks).
// The whole header is validated when the file is opened, so every later read stays inside the file.
import Foundation

/// A safetensors file, memory-mapped read-only and validated up front.
///
/// Like every mmap reader (the reference included), the process may crash with SIGBUS if another process truncates
/// the file while it is mapped; writers should replace files by rename, never rewrite them in place.
public final class SafetensorsFile: Sendable {
    public let url: URL
    /// Every tensor in the file, by name.
    public let tensors: [String: TensorInfo]
    /// The `__metadata__` map (empty if absent).
    public let metadata: [String: String]
    /// The whole file, mapped.
    private let storage: Data

    /// Maps the file and validates its whole header.
    /// - Throws: `SafetensorsError` naming the file (and the tensor, for per-tensor checks). There is no format
    ///   sniffing: a pickle or zip renamed to `.safetensors` fails the header checks like any other bad file.
    public init(url: URL) throws(SafetensorsError) {
        let path = url.path
        self.url = url
        guard url.isFileURL else { throw .io(file: path, reason: "not a file URL") }
        var status = stat()
        guard stat(path, &status) == 0 else { throw .io(file: path, reason: String(cString: strerror(errno))) }
        guard status.st_mode & S_IFMT == S_IFREG else { throw .io(file: path, reason: "not a regular file") }
        do {
            storage = try Data(contentsOf: url, options: .alwaysMapped)
        } catch {
            throw .io(file: path, reason: Self.reason(error))
        }
        let header = storage.withUnsafeBytes { raw in
            Result { () throws(SafetensorsError) in try SafetensorsHeader.parse(raw, path: path) }
        }
        let parsed = try header.get()
        tensors = parsed.tensors
        metadata = parsed.metadata
    }

    /// The tensor's dtype, shape and byte range, or nil.
    public func info(_ name: String) -> TensorInfo? { tensors[name] }

    /// A Float32 copy of a tensor. F32 is copied, F16 and BF16 are widened exactly (subnormals, infinities and NaNs
    /// included), F64 is rounded to nearest even.
    /// - Throws: `.tensorNotFound`, or `.unsupportedDType` for any other dtype.
    public func tensor(_ name: String) throws(SafetensorsError) -> Tensor {
        guard let info = tensors[name] else { throw .tensorNotFound(file: url.path, tensor: name) }
        guard DType.floatConvertible.contains(info.dtype) else {
            throw .unsupportedDType(file: url.path, tensor: name, dtype: info.dtype, supported: DType.floatConvertible)
        }
        let count = info.elementCount
        let scalars = storage.withUnsafeBytes { raw in
            [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
                FloatConversion.convert(UnsafeRawBufferPointer(rebasing: raw[info.byteRange]), from: info.dtype, into: buffer)
                initialized = count
            }
        }
        return Tensor(shape: info.shape, scalars: scalars)
    }

    /// The tensor's raw little-endian bytes (any dtype), copied.
    /// - Throws: `.tensorNotFound`.
    public func rawBytes(_ name: String) throws(SafetensorsError) -> [UInt8] {
        guard let info = tensors[name] else { throw .tensorNotFound(file: url.path, tensor: name) }
        return storage.withUnsafeBytes { raw in Array(raw[info.byteRange]) }
    }

    /// A short reason from a Foundation file error ("No such file or directory").
    static func reason(_ error: any Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return ns.localizedDescription
    }
}
