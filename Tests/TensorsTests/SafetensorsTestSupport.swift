// Helpers for the safetensors tests: building files byte by byte, writing them to a fresh temporary folder, and
// asserting which error a load produces and that its message names the file (and tensor).
import Foundation
import Testing
@testable import QuillTensors

enum ST {
    /// A safetensors file: N (little-endian u64), the header bytes, the data. `length` overrides N.
    static func file(header: [UInt8], data: [UInt8] = [], length: UInt64? = nil) -> [UInt8] {
        withUnsafeBytes(of: (length ?? UInt64(header.count)).littleEndian, Array.init) + header + data
    }

    static func file(_ header: String, data: [UInt8] = [], length: UInt64? = nil) -> [UInt8] {
        file(header: Array(header.utf8), data: data, length: length)
    }

    /// One header entry: `"name":{"dtype":..,"shape":..,"data_offsets":..}`; shape and offsets are JSON text.
    static func entry(_ name: String, _ dtype: String, _ shape: String, _ offsets: String) -> String {
        #""\#(name)":{"dtype":"\#(dtype)","shape":\#(shape),"data_offsets":\#(offsets)}"#
    }

    static func header(_ entries: String...) -> String { "{" + entries.joined(separator: ",") + "}" }

    /// Little-endian bytes of Float32 values.
    static func f32(_ values: [Float]) -> [UInt8] { values.flatMap { withUnsafeBytes(of: $0.bitPattern.littleEndian, Array.init) } }

    /// A fresh folder under the system temporary directory.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("quill-st-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `bytes` as `name` in a fresh folder.
    static func write(_ bytes: [UInt8], name: String) throws -> URL {
        let url = try temporaryFolder().appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }

    static func fixture(_ path: String) throws -> URL {
        let base = try #require(Bundle.module.resourceURL).appendingPathComponent("Fixtures")
        return base.appendingPathComponent(path)
    }
}

/// Loads `bytes` written as `name` and expects a `SafetensorsError` for which `matches` holds, whose description names
/// the file and, when `tensor` is given, the tensor. Returns the error for further checks.
@discardableResult
func expectLoadError(
    _ bytes: [UInt8], name: String, tensor: String? = nil, sourceLocation: SourceLocation = #_sourceLocation,
    _ matches: (SafetensorsError) -> Bool
) throws -> SafetensorsError? {
    let url = try ST.write(bytes, name: name)
    defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
    do {
        let file = try SafetensorsFile(url: url)
        Issue.record("\(name): loaded \(file.tensors.count) tensors; expected an error", sourceLocation: sourceLocation)
        return nil
    } catch {
        expectError(error, matches: matches(error), names: name, tensor: tensor, sourceLocation: sourceLocation)
        return error
    }
}

/// Checks an error's case (already matched by the caller), that it names `file`, and `tensor` when given.
func expectError(
    _ error: SafetensorsError, matches: Bool, names file: String, tensor: String? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(matches, "unexpected error: \(error)", sourceLocation: sourceLocation)
    #expect(error.description.contains(file), "\(error) does not name \(file)", sourceLocation: sourceLocation)
    #expect(error.file.hasSuffix(file), sourceLocation: sourceLocation)
    if let tensor {
        #expect(error.tensor == tensor, "\(error) is not about tensor '\(tensor)'", sourceLocation: sourceLocation)
        #expect(error.description.contains("tensor '\(tensor)'"), "\(error)", sourceLocation: sourceLocation)
    }
}

/// Loads `bytes` and expects success. The file is removed once mapped (the mapping outlives the name).
func load(_ bytes: [UInt8], name: String = "ok.safetensors") throws -> SafetensorsFile {
    let url = try ST.write(bytes, name: name)
    defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
    return try SafetensorsFile(url: url)
}
