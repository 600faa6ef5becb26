// Fuzz target: the safetensors header and layout validator (QuillTensors' SafetensorsHeader) on arbitrary files.
// Whatever it accepts must be safe to read: every tensor's byte range lies inside the file and matches its dtype and
// shape, so converting each accepted tensor must not trap or read out of bounds (ASan watches).
@testable import QuillTensors

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSafetensors(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let file = UnsafeRawBufferPointer(start: data, count: size)
    guard let header = try? SafetensorsHeader.parse(file, path: "fuzz.safetensors") else { return 0 }
    for (name, info) in header.tensors {
        precondition(info.byteRange.lowerBound >= 0 && info.byteRange.upperBound <= size, "tensor \(name) out of file")
        guard DType.floatConvertible.contains(info.dtype) else { continue }
        let count = info.elementCount
        let scalars = [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
            FloatConversion.convert(UnsafeRawBufferPointer(rebasing: file[info.byteRange]), from: info.dtype, into: buffer)
            initialized = count
        }
        precondition(scalars.count == count)
    }
    return 0
}
