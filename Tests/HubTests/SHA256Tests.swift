// FIPS 180-4 / NIST test vectors for the hand-written SHA-256 (see Sources/Hub/SHA256.swift for why it exists).
import Foundation
import Testing
@testable import Hub

@Suite struct SHA256Tests {
    func hex(_ data: Data) -> String { SHA256.hex(SHA256.hash(data: data)) }

    @Test func knownVectors() {
        #expect(hex(Data()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(hex(Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(hex(Data("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(hex(Data(repeating: UInt8(ascii: "a"), count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func streamingInOddChunksMatchesOneShot() {
        let data = Data((0..<10_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        var h = SHA256()
        var i = 0
        for size in [1, 63, 64, 65, 0, 127, 500, 3] + Array(repeating: 1000, count: 10) where i < data.count {
            let end = min(i + size, data.count)
            h.update(data: data[i..<end])
            i = end
        }
        h.update(data: data[i...])
        #expect(SHA256.hex(h.finalize()) == hex(data))
    }
}
