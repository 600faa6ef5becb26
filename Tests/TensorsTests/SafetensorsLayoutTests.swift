// Reliability group A (layout rows): tensors must tile the byte buffer exactly, shapes must agree with byte counts
// without overflow, and reads must work at any alignment.
import Foundation
import Testing
@testable import QuillTensors

@Suite struct SafetensorsLayoutTests {
    // A7: ten tensors on one range; gaps; end before begin; aliases; partial overlaps; a first tensor not at 0.
    @Test func tenTensorsOnOneRange() throws {
        let entries = (0..<10).map { ST.entry("t\($0)", "F32", "[4]", "[0,16]") }
        let bytes = ST.file("{" + entries.joined(separator: ",") + "}", data: [UInt8](repeating: 0, count: 16))
        let error = try expectLoadError(bytes, name: "attack.safetensors", tensor: "t1") {
            if case .invalidOffset(_, "t1", [0, 16], 16) = $0 { true } else { false }
        }
        #expect(error?.description.hasSuffix(
            "attack.safetensors: tensor 't1': data_offsets [0, 16] overlap the previous tensor, which ends at 16 (tensors must not alias or overlap)") == true,
            "\(String(describing: error))")
    }

    @Test(arguments: [
        // (entries as (name, offsets), data length, offending tensor)
        ([("a", "[0,8]"), ("b", "[12,20]")], 20, "b"),  // gap
        ([("a", "[0,8]"), ("b", "[8,4]")], 8, "b"),  // end < begin
        ([("a", "[0,8]"), ("b", "[0,8]")], 8, "b"),  // alias
        ([("a", "[0,8]"), ("b", "[4,12]")], 12, "b"),  // partial overlap
        ([("a", "[4,12]")], 12, "a"),  // does not start at 0
        ([("a", "[0,8]"), ("b", "[9223372036854775807,9223372036854775815]")], 16, "b"),  // far away
    ])
    func invalidOffsets(entries: [(String, String)], dataLength: Int, tensor: String) throws {
        let header = "{" + entries.map { ST.entry($0.0, "F32", "[2]", $0.1) }.joined(separator: ",") + "}"
        try expectLoadError(ST.file(header, data: [UInt8](repeating: 0, count: dataLength)), name: "offsets.safetensors", tensor: tensor) {
            if case .invalidOffset(_, tensor, _, _) = $0 { true } else { false }
        }
    }

    // A8: an end beyond the data section fails when the file is opened, before any tensor read.
    @Test func endBeyondTheDataSection() throws {
        let error = try expectLoadError(ST.file(ST.header(ST.entry("w", "F32", "[4]", "[0,16]")), data: ST.f32([1, 2])),
                                        name: "short.safetensors") {
            if case .metadataIncompleteBuffer(_, _, _) = $0 { true } else { false }
        }
        #expect(error?.description.contains("truncated") == true)
        // 2^60 bytes claimed, consistently with the shape: only the file length check can catch it.
        try expectLoadError(ST.file(ST.header(ST.entry("w", "U8", "[1152921504606846976]", "[0,1152921504606846976]"))),
                            name: "exabyte.safetensors") {
            if case .metadataIncompleteBuffer = $0 { true } else { false }
        }
    }

    // A9: trailing bytes (a polyglot) and a file two bytes short.
    @Test func bufferMustBeCoveredExactly() throws {
        let header = ST.header(ST.entry("w", "F32", "[2]", "[0,8]"))
        let error = try expectLoadError(ST.file(header, data: ST.f32([1, 2]) + Array("PK\u{3}\u{4}".utf8)), name: "polyglot.safetensors") {
            if case .metadataIncompleteBuffer(_, let expected, let size) = $0 { size == expected + 4 } else { false }
        }
        #expect(error?.description.contains("4 trailing bytes") == true)
        try expectLoadError(ST.file(header, data: Array(ST.f32([1, 2]).dropLast(2))), name: "short2.safetensors") {
            if case .metadataIncompleteBuffer(_, let expected, let size) = $0 { size == expected - 2 } else { false }
        }
    }

    // A10
    @Test(arguments: [("F32", "[3]", 16), ("F16", "[2]", 8), ("BF16", "[2,2]", 4), ("F32", "[]", 0), ("U8", "[0]", 4)])
    func sizeMismatch(dtype: String, shape: String, byteCount: Int) throws {
        let header = ST.header(ST.entry("w", dtype, shape, "[0,\(byteCount)]"))
        let bytes = ST.file(header, data: [UInt8](repeating: 0, count: byteCount))
        try expectLoadError(bytes, name: "info.safetensors", tensor: "w") {
            if case .tensorInvalidInfo(_, "w", _, _, _, _) = $0 { true } else { false }
        }
    }

    // A11: overflowing shapes are typed errors, never traps; negative and non-integer dims are entry errors.
    @Test(arguments: ["[2,18446744073709551614]", "[2,9223372036854775807]", "[9223372036854775808]",
                      "[18446744073709551615,0]", "[2305843009213693952]", "[3037000500,3037000500]"])
    func validationOverflow(shape: String) throws {
        try expectLoadError(ST.file(ST.header(ST.entry("w", "F32", shape, "[0,0]"))), name: "overflow.safetensors", tensor: "w") {
            if case .validationOverflow(_, "w", _, .F32) = $0 { true } else { false }
        }
    }

    @Test(arguments: ["[-1]", "[2,-3]", "[1.5]", "[2.0]", "[18446744073709551616]", #"["2"]"#, "[null]", "[[2]]"])
    func invalidDims(shape: String) throws {
        try expectLoadError(ST.file(ST.header(ST.entry("w", "F32", shape, "[0,0]"))), name: "dims.safetensors", tensor: "w") {
            if case .invalidTensorEntry(_, "w", _) = $0 { true } else { false }
        }
    }

    // A12 (sub-byte dtypes): F4 and F6 must fill whole bytes.
    @Test func subByteDTypes() throws {
        try expectLoadError(ST.file(ST.header(ST.entry("w", "F4", "[3]", "[0,2]")), data: [0, 0]), name: "f4.safetensors", tensor: "w") {
            if case .misalignedSlice(_, "w", [3], .F4) = $0 { true } else { false }
        }
        try expectLoadError(ST.file(ST.header(ST.entry("w", "F6_E2M3", "[2]", "[0,2]")), data: [0, 0]), name: "f6.safetensors", tensor: "w") {
            if case .misalignedSlice = $0 { true } else { false }
        }
        let file = try load(ST.file(ST.header(ST.entry("a", "F4", "[2,2]", "[0,2]"), ST.entry("b", "F6_E3M2", "[4]", "[2,5]")), data: [1, 2, 3, 4, 5]))
        #expect(file.info("b")?.byteRange.count == 3)
        #expect(throws: SafetensorsError.self) { try file.tensor("a") }
    }

    // A15: empty tensors and 0-rank scalars.
    @Test func emptyTensorsAndScalars() throws {
        let header = ST.header(ST.entry("empty", "F32", "[2,0]", "[0,0]"), ST.entry("also", "F16", "[0]", "[0,0]"),
                               ST.entry("scalar", "F32", "[]", "[0,4]"), ST.entry("late", "BF16", "[0,7]", "[4,4]"))
        let file = try load(ST.file(header, data: ST.f32([-7.25])))
        #expect(try file.tensor("empty") == Tensor(shape: [2, 0], scalars: []))
        #expect(try file.tensor("also") == Tensor(shape: [0], scalars: []))
        #expect(try file.tensor("late") == Tensor(shape: [0, 7], scalars: []))
        #expect(try file.tensor("scalar") == Tensor(shape: [], scalars: [-7.25]))
        // Ten empty tensors may share [0, 0]: zero-length ranges do not overlap anything.
        let empties = (0..<10).map { ST.entry("e\($0)", "F32", "[0]", "[0,0]") }
        #expect(try load(ST.file("{" + empties.joined(separator: ",") + "}")).tensors.count == 10)
    }

    // The data section starts wherever 8 + N puts it: reads must not assume alignment.
    @Test(arguments: [1, 2, 3, 4, 5, 6, 7])
    func unalignedReads(misalignment: Int) throws {
        let data = ST.f32([1.5, -0.0, .infinity]) + [0x00, 0x3C, 0x01, 0x80] + [0x80, 0x3F, 0xC0, 0xFF]
            + withUnsafeBytes(of: (0.1 as Double).bitPattern.littleEndian, Array.init)
        var header = ST.header(ST.entry("f32", "F32", "[3]", "[0,12]"), ST.entry("f16", "F16", "[2]", "[12,16]"),
                               ST.entry("bf16", "BF16", "[2]", "[16,20]"), ST.entry("f64", "F64", "[1]", "[20,28]"))
        header += String(repeating: " ", count: (misalignment - header.utf8.count % 8 + 8) % 8)
        let file = try load(ST.file(header, data: data))
        #expect(file.info("f32")?.byteRange.lowerBound.quotientAndRemainder(dividingBy: 8).remainder == misalignment)
        let f32 = try file.tensor("f32").scalars
        #expect(f32.map(\.bitPattern) == [Float(1.5), -0.0, .infinity].map(\.bitPattern))
        #expect(try file.tensor("f16").scalars.map(\.bitPattern) == [Float(1).bitPattern, (-0x1p-24 as Float).bitPattern])
        let bf16 = try file.tensor("bf16").scalars
        #expect(bf16[0] == 1 && bf16[1].isNaN && bf16[1].sign == .minus)
        #expect(try file.tensor("f64").scalars == [Float(0.1)])
    }

    @Test func lookupErrorsNameFileAndTensor() throws {
        let file = try load(ST.file(ST.header(ST.entry("ids", "I64", "[1]", "[0,8]")), data: [UInt8](repeating: 0, count: 8)), name: "ids.safetensors")
        #expect(file.info("nope") == nil)
        do {
            _ = try file.tensor("nope")
            Issue.record("expected tensorNotFound")
        } catch {
            expectError(error, matches: { if case .tensorNotFound = error { true } else { false } }(), names: "ids.safetensors", tensor: "nope")
        }
        do {
            _ = try file.tensor("ids")
            Issue.record("expected unsupportedDType")
        } catch {
            expectError(error, matches: { if case .unsupportedDType(_, "ids", .I64, _) = error { true } else { false } }(),
                        names: "ids.safetensors", tensor: "ids")
            #expect(error.description.contains("F32, F16, BF16"))
        }
        #expect(try file.rawBytes("ids") == [UInt8](repeating: 0, count: 8))
    }

    @Test func unreadableFiles() throws {
        let folder = try ST.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = folder.appendingPathComponent("missing.safetensors")
        for url in [missing, folder, URL(string: "https://example.invalid/model.safetensors")!] {
            #expect {
                _ = try SafetensorsFile(url: url)
            } throws: { error in
                guard let error = error as? SafetensorsError, case .io = error else { return false }
                return error.description.contains(url.lastPathComponent)
            }
        }
    }
}
