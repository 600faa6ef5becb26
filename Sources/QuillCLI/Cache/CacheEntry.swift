// One cache entry on disk: a header, a payload and a checksum, written atomically (a temporary file in the same
// folder, then rename), so that a reader sees a whole entry or none. A file that is short, long, of another magic
// or version, of another key, or whose checksum does not match is no entry: the caller treats it as a miss.
//
// Layout (little-endian):
//   magic "QLCE" (4) | version u32 | key sha256 (32) | count u32 | dims u32 | payload bytes u32 |
//   payload (count * dims float32 rows, or other bytes when count * dims is 0) | checksum (8: sha256 of all before)
import Crypto
import Foundation

struct CacheEntry: Equatable {
    static let magic: [UInt8] = Array("QLCE".utf8)
    static let version: UInt32 = 1
    static let headerSize = 4 + 4 + 32 + 4 + 4 + 4
    static let checksumSize = 8

    var key: [UInt8]   // 32 bytes
    var count: Int
    var dims: Int
    var payload: [UInt8]

    /// Rows of floats: count rows of dims values.
    init(key: [UInt8], rows: [[Float]]) {
        self.key = key
        count = rows.count
        dims = rows.first?.count ?? 0
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count * dims * 4)
        for row in rows { for v in row { withUnsafeBytes(of: v.bitPattern.littleEndian) { bytes += $0 } } }
        payload = bytes
    }

    /// Other bytes (a model's settings as JSON): count and dims 0.
    init(key: [UInt8], bytes: [UInt8]) {
        self.key = key
        count = 0
        dims = 0
        payload = bytes
    }

    var rows: [[Float]] {
        (0..<count).map { r in
            (0..<dims).map { c in
                let i = (r * dims + c) * 4
                return Float(bitPattern: UInt32(payload[i]) | UInt32(payload[i + 1]) << 8
                             | UInt32(payload[i + 2]) << 16 | UInt32(payload[i + 3]) << 24)
            }
        }
    }

    func encoded() -> [UInt8] {
        var out = Self.magic
        out.reserveCapacity(Self.headerSize + payload.count + Self.checksumSize)
        for v in [Self.version] { append(v, to: &out) }
        out += key
        for v in [UInt32(count), UInt32(dims), UInt32(payload.count)] { append(v, to: &out) }
        out += payload
        out += Array(SHA256.hash(data: out).prefix(Self.checksumSize))
        return out
    }

    /// The entry in `bytes` if it is whole, of this format and of `key`; nil otherwise.
    static func decode(_ bytes: [UInt8], key: [UInt8]) -> CacheEntry? {
        guard bytes.count >= headerSize + checksumSize, Array(bytes[0..<4]) == magic,
              readUInt32(bytes, 4) == version, Array(bytes[8..<40]) == key else { return nil }
        let count = Int(readUInt32(bytes, 40)), dims = Int(readUInt32(bytes, 44)), length = Int(readUInt32(bytes, 48))
        guard bytes.count == headerSize + length + checksumSize, count * dims == 0 || count * dims * 4 == length
        else { return nil }
        let body = bytes[0..<(headerSize + length)]
        guard Array(SHA256.hash(data: body).prefix(checksumSize)) == Array(bytes[(headerSize + length)...]) else { return nil }
        var entry = CacheEntry(key: key, bytes: Array(bytes[headerSize..<(headerSize + length)]))
        entry.count = count
        entry.dims = dims
        return entry
    }

    private func append(_ value: UInt32, to out: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { out += $0 }
    }

    private static func readUInt32(_ b: [UInt8], _ at: Int) -> UInt32 {
        UInt32(b[at]) | UInt32(b[at + 1]) << 8 | UInt32(b[at + 2]) << 16 | UInt32(b[at + 3]) << 24
    }
}
