// Golden files written by the Python `safetensors` package (Tests/Fixtures/generate/safetensors.py), with the
// expected Float32 values stored as bit patterns from torch's own conversion. NaNs compare as NaN: torch returns a
// canonical NaN, numpy keeps the payload, so only "is NaN" is common ground.
import Foundation
import Testing
@testable import QuillTensors

/// One tensor of an `*.expected.json` file.
struct ExpectedTensor: Decodable {
    var dtype: String
    var shape: [Int]
    var bits: [UInt32]?

    static func load(_ name: String) throws -> [String: ExpectedTensor] {
        try JSONDecoder().decode([String: ExpectedTensor].self, from: Data(contentsOf: ST.fixture(name)))
    }

    /// The safetensors spelling of the torch dtype name.
    var safetensorsDType: DType? {
        ["float32": .F32, "float16": .F16, "bfloat16": .BF16, "float64": .F64, "int64": .I64][dtype]
    }
}

func expectBitsEqual(_ actual: Tensor, _ expected: ExpectedTensor, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(actual.shape == expected.shape, "\(name)", sourceLocation: sourceLocation)
    let want = expected.bits ?? []
    #expect(actual.scalars.count == want.count, "\(name)", sourceLocation: sourceLocation)
    for (i, (a, w)) in zip(actual.scalars, want).enumerated() {
        let wantFloat = Float(bitPattern: w)
        let same = wantFloat.isNaN ? a.isNaN : a.bitPattern == w
        #expect(same, "\(name)[\(i)]: got \(a) (0x\(String(a.bitPattern, radix: 16))), want \(wantFloat) (0x\(String(w, radix: 16)))",
                sourceLocation: sourceLocation)
    }
}

@Suite struct SafetensorsGoldenTests {
    @Test func goldenFileMatchesPython() throws {
        let file = try SafetensorsFile(url: ST.fixture("golden.safetensors"))
        let expected = try ExpectedTensor.load("golden.expected.json")
        #expect(Set(file.tensors.keys) == Set(expected.keys))
        #expect(file.metadata == ["format": "pt", "note": "golden ✓"])
        for (name, want) in expected {
            let info = try #require(file.info(name))
            #expect(info.name == name)
            #expect(info.dtype == want.safetensorsDType, "\(name)")
            #expect(info.shape == want.shape, "\(name)")
            #expect(info.byteRange.count == info.elementCount * info.dtype.bitSize / 8, "\(name)")
            if want.bits != nil {
                expectBitsEqual(try file.tensor(name), want, name)
            } else {
                #expect(throws: SafetensorsError.self) { try file.tensor(name) }
            }
        }
        // Byte ranges are absolute and tile the data section after the 8-aligned header.
        let ranges = file.tensors.values.map(\.byteRange).sorted { ($0.lowerBound, $0.upperBound) < ($1.lowerBound, $1.upperBound) }
        let size = try #require(FileManager.default.attributesOfItem(atPath: ST.fixture("golden.safetensors").path)[.size] as? Int)
        #expect(ranges.first?.lowerBound.isMultiple(of: 8) == true)
        #expect(ranges.last?.upperBound == size)
        #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
        // I64 stays readable as raw little-endian bytes.
        let ids = try file.rawBytes("ids")
        #expect(ids.count == 24 && ids[8] == 1 && ids[16] == 0xFE && ids[23] == 0xFF)
    }

    @Test func shardedGoldenMatchesPython() throws {
        let sharded = try ShardedSafetensors(indexURL: ST.fixture("sharded/model.safetensors.index.json"))
        let expected = try ExpectedTensor.load("sharded.expected.json")
        #expect(Set(sharded.tensors.keys) == Set(expected.keys))
        #expect(sharded.metadata == ["total_size": "32"])
        #expect(sharded.shards.keys.sorted() == ["model-00001-of-00002.safetensors", "model-00002-of-00002.safetensors"])
        #expect(sharded.file(containing: "layer.1.weight")?.url.lastPathComponent == "model-00002-of-00002.safetensors")
        for (name, want) in expected {
            #expect(sharded.info(name)?.dtype == want.safetensorsDType)
            expectBitsEqual(try sharded.tensor(name), want, name)
        }
        #expect(throws: SafetensorsError.self) { try sharded.tensor("missing") }
    }
}
