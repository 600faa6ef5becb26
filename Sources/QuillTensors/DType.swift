// Element types of the safetensors format, spelled as in the header's "dtype" field.
// Mirrors huggingface/safetensors:safetensors/src/tensor.rs (`Dtype`, `bitsize()`), current version with the
// sub-byte float types (F4, F6_*) and F8_E8M0. Sizes are in bits because F4 and F6 pack several values per byte.

/// A safetensors element type. The raw value is the header spelling (`"F32"`, `"BF16"`, ...).
public enum DType: String, Sendable, CaseIterable, CustomStringConvertible {
    case BOOL
    case F4
    case F6_E2M3
    case F6_E3M2
    case U8
    case I8
    case F8_E5M2
    case F8_E4M3
    case F8_E8M0
    case I16
    case U16
    case F16
    case BF16
    case I32
    case U32
    case F32
    case C64
    case F64
    case I64
    case U64

    /// Size of one element in bits (`Dtype::bitsize` in the reference).
    public var bitSize: Int {
        switch self {
        case .F4: 4
        case .F6_E2M3, .F6_E3M2: 6
        case .BOOL, .U8, .I8, .F8_E5M2, .F8_E4M3, .F8_E8M0: 8
        case .I16, .U16, .F16, .BF16: 16
        case .I32, .U32, .F32: 32
        case .C64, .F64, .I64, .U64: 64
        }
    }

    /// The element types that `SafetensorsFile.tensor(_:)` converts to Float32.
    public static let floatConvertible: [DType] = [.F32, .F16, .BF16, .F64]

    public var description: String { rawValue }
}
