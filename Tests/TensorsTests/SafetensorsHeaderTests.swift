// Reliability group A (header rows) and B2: the header length prefix, UTF-8, JSON, entry fields and __metadata__.
// Each case builds its bad bytes here and asserts the specific error and that the message names the file.
import Foundation
import Testing
@testable import QuillTensors

@Suite struct SafetensorsHeaderTests {
    // A1
    @Test(arguments: [0, 1, 7])
    func headerTooSmall(size: Int) throws {
        try expectLoadError([UInt8](repeating: 0x7B, count: size), name: "small-\(size).safetensors") {
            if case .headerTooSmall(_, size) = $0 { true } else { false }
        }
    }

    // A2
    @Test func invalidHeaderLength() throws {
        try expectLoadError(ST.file(header: [], length: 60), name: "n60.safetensors") {
            if case .invalidHeaderLength(_, 60, 8) = $0 { true } else { false }
        }
        let header = ST.header(ST.entry("a", "F32", "[1]", "[0,4]"))
        let bytes = ST.file(header, data: ST.f32([1]), length: UInt64(header.utf8.count + 4 + 1))
        try expectLoadError(bytes, name: "n-past-end.safetensors") {
            if case .invalidHeaderLength = $0 { true } else { false }
        }
    }

    // A3: no overflow trap on 8 + N, and nothing of size N is allocated (the file is 8 bytes plus a little).
    @Test(arguments: [UInt64.max, UInt64(Int.max), UInt64(Int.max) + 1, 100_000_001])
    func headerTooLarge(length: UInt64) throws {
        try expectLoadError(ST.file("{}", length: length), name: "huge-n.safetensors") {
            if case .headerTooLarge(_, length) = $0 { true } else { false }
        }
    }

    // A4: N = 100,000,001 with that many bytes present (a sparse file): rejected before the JSON is read.
    @Test func headerTooLargeWithBytesPresent() throws {
        let url = try ST.temporaryFolder().appendingPathComponent("big-header.safetensors")
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        try Data(ST.file("{", length: 100_000_001)).write(to: url)
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: 8 + 100_000_001)
        try handle.close()
        let clock = ContinuousClock()
        let start = clock.now
        #expect {
            _ = try SafetensorsFile(url: url)
        } throws: { error in
            guard let error = error as? SafetensorsError, case .headerTooLarge(_, 100_000_001) = error else { return false }
            return error.description.contains("big-header.safetensors")
        }
        #expect(clock.now - start < .seconds(2))
    }

    // A5
    @Test func nonUTF8Header() throws {
        let error = try expectLoadError(ST.file(header: [0xFF]), name: "ff.safetensors") {
            if case .invalidHeader = $0 { true } else { false }
        }
        #expect(error?.description.contains("byte 0") == true)
        // An invalid sequence inside a string, after valid text.
        try expectLoadError(ST.file(header: Array(#"{"a\#u{e9}":"#.utf8) + [0xC3, 0x28] + Array("}".utf8)), name: "bad-seq.safetensors") {
            if case .invalidHeader = $0 { true } else { false }
        }
    }

    @Test(arguments: ["{", "", "[]", "null", "{}x", #"{"a":}"#, "\0"])
    func notAJSONObject(header: String) throws {
        try expectLoadError(ST.file(header), name: "not-json.safetensors") {
            if case .invalidHeaderJSON = $0 { true } else { false }
        }
    }

    // A6
    @Test func whitespacePaddedHeadersAreAccepted() throws {
        #expect(try load(ST.file("\t\n{}\r ")).tensors.isEmpty)
        // The way writers pad: trailing spaces up to a multiple of 8.
        let header = ST.header(ST.entry("a", "F32", "[2]", "[0,8]")) + "       "
        let file = try load(ST.file(header, data: ST.f32([1.5, -2])))
        #expect(try file.tensor("a") == Tensor(shape: [2], scalars: [1.5, -2]))
    }

    // A12: data_offsets of the wrong shape or type.
    @Test(arguments: ["[]", "[0]", "[0,1,2]", "[-1,4]", "[0,-4]", "[0.0,4]", "[0,4.5]", "[0,4e0]", #"["0","4"]"#,
                      #""0,4""#, "null", "{}", "[0,18446744073709551616]", "[[0],[4]]"])
    func badDataOffsets(offsets: String) throws {
        let bytes = ST.file(ST.header(ST.entry("w", "F32", "[1]", offsets)), data: ST.f32([1]))
        try expectLoadError(bytes, name: "offsets.safetensors", tensor: "w") {
            if case .invalidTensorEntry = $0 { true } else { false }
        }
    }

    @Test func missingFieldsAndWrongTypes() throws {
        let cases: [(String, String)] = [
            (#"{"w":5}"#, "not an object"),
            (#"{"w":{"shape":[1],"data_offsets":[0,4]}}"#, "missing field \"dtype\""),
            (#"{"w":{"dtype":"F32","data_offsets":[0,4]}}"#, "missing field \"shape\""),
            (#"{"w":{"dtype":"F32","shape":[1]}}"#, "missing field \"data_offsets\""),
            (#"{"w":{"dtype":32,"shape":[1],"data_offsets":[0,4]}}"#, "\"dtype\" must be a string"),
            (#"{"w":{"dtype":"F32","shape":1,"data_offsets":[0,4]}}"#, "\"shape\" must be an array"),
        ]
        for (header, reason) in cases {
            let error = try expectLoadError(ST.file(header, data: ST.f32([1])), name: "fields.safetensors", tensor: "w") {
                if case .invalidTensorEntry = $0 { true } else { false }
            }
            #expect(error?.description.contains(reason) == true, "\(String(describing: error))")
        }
        // Unknown fields are ignored, as serde does.
        #expect(try load(ST.file(#"{"w":{"dtype":"F32","shape":[1],"data_offsets":[0,4],"extra":[1,{}]}}"#, data: ST.f32([1]))).tensors.count == 1)
    }

    @Test(arguments: ["F33", "f32", "", "FLOAT", "PackedI4"])
    func unknownDType(dtype: String) throws {
        let bytes = ST.file(ST.header(ST.entry("w", dtype, "[1]", "[0,4]")), data: ST.f32([1]))
        try expectLoadError(bytes, name: "dtype.safetensors", tensor: "w") {
            if case .unknownDType(_, "w", dtype) = $0 { true } else { false }
        }
    }

    // A13
    @Test func duplicateKeysAreRejected() throws {
        let w = ST.entry("w", "F32", "[1]", "[0,4]")
        let error = try expectLoadError(ST.file("{\(w),\(w)}", data: ST.f32([1])), name: "dup.safetensors") {
            if case .invalidHeaderJSON = $0 { true } else { false }
        }
        #expect(error?.description.contains("duplicate key") == true)
        // Byte-distinct but canonically equivalent names would collapse in a Swift dictionary: rejected, not merged.
        let precomposed = ST.entry("\u{E0}", "F32", "[1]", "[0,4]"), decomposed = ST.entry("a\u{300}", "F32", "[1]", "[4,8]")
        try expectLoadError(ST.file(ST.header(precomposed, decomposed), data: ST.f32([1, 2])), name: "nfc.safetensors") {
            if case .invalidHeaderJSON = $0 { true } else { false }
        }
        try expectLoadError(ST.file(#"{"__metadata__":{},"__metadata__":{}}"#), name: "dup-meta.safetensors") {
            if case .invalidHeaderJSON = $0 { true } else { false }
        }
    }

    // A14
    @Test(arguments: [(#"{"a":1}"#, "a"), (#"{"a":"x","b":null}"#, "b"), (#"{"a":["x"]}"#, "a"), (#"{"a":{"b":"c"}}"#, "a")])
    func metadataMustMapStringsToStrings(metadata: String, key: String) throws {
        try expectLoadError(ST.file(#"{"__metadata__":\#(metadata)}"#), name: "meta.safetensors") {
            if case .invalidMetadata(_, key, _) = $0 { true } else { false }
        }
    }

    @Test(arguments: ["[]", "\"pt\"", "1", "true"])
    func metadataMustBeAnObject(metadata: String) throws {
        try expectLoadError(ST.file(#"{"__metadata__":\#(metadata)}"#), name: "meta.safetensors") {
            if case .invalidMetadata(_, nil, _) = $0 { true } else { false }
        }
    }

    @Test func metadataOnlyIsAnEmptyModel() throws {
        let file = try load(ST.file(#"{"__metadata__":{"format":"pt","n":"é"}}"#))
        #expect(file.tensors.isEmpty)
        #expect(file.metadata == ["format": "pt", "n": "é"])
    }

    // B2: pickles and zips renamed to .safetensors get a header error; nothing sniffs the format or falls back.
    @Test func pickleAndZipAreHeaderErrors() throws {
        // torch.save (zip) local file header, and a protocol-2 pickle with torch's legacy magic number.
        let zip: [UInt8] = [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x08, 0x08, 0x00, 0x00] + Array("archive/data.pkl".utf8) + [0x80, 0x02]
        let pickle: [UInt8] = [0x80, 0x02, 0x8A, 0x0A, 0x6C, 0xFC, 0x9C, 0x46, 0xF9, 0x20, 0x6A, 0xA8, 0x50, 0x19, 0x2E]
        for (bytes, name) in [(zip, "zip.safetensors"), (pickle, "pickle.safetensors")] {
            try expectLoadError(bytes, name: name) { if case .headerTooLarge = $0 { true } else { false } }
        }
        // A short pickle ("None", protocol 2) is too small for a header at all.
        try expectLoadError([0x80, 0x02, 0x4E, 0x2E], name: "short-pickle.safetensors") {
            if case .headerTooSmall = $0 { true } else { false }
        }
        // A pickle whose first 8 bytes happen to give a small N still fails as a header, not as a pickle.
        try expectLoadError(ST.file(header: [0x80, 0x02, 0x7D, 0x71, 0x00, 0x2E]), name: "framed-pickle.safetensors") {
            if case .invalidHeader = $0 { true } else { false }
        }
    }

    // A17: many entries stay linear; deep nesting is an error, not a stack overflow, on any thread.
    @Test func hundredThousandTensorsWithinBudget() throws {
        let count = 100_000
        var header = "{"
        header.reserveCapacity(count * 64)
        for i in 0..<count {
            if i > 0 { header += "," }
            header += ST.entry("t\(i)", "F32", "[1]", "[\(4 * i),\(4 * i + 4)]")
        }
        header += "}"
        let bytes = ST.file(header, data: [UInt8](repeating: 0, count: 4 * count))
        let clock = ContinuousClock()
        let start = clock.now
        let file = try load(bytes, name: "many.safetensors")
        let elapsed = clock.now - start
        #expect(file.tensors.count == count)
        #expect(file.info("t99999")?.byteRange.count == 4)
        #expect(elapsed < .seconds(60), "100k tensors took \(elapsed)")
    }

    @Test func deeplyNestedHeaderOnASecondaryThread() async throws {
        let depth = 100_000
        let header = #"{"a":"# + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "}"
        let bytes = ST.file(header)
        let error = try await Task.detached {
            try expectLoadError(bytes, name: "deep.safetensors") {
                if case .invalidHeaderJSON = $0 { true } else { false }
            }
        }.value
        #expect(error?.description.contains("nesting") == true)
    }
}
