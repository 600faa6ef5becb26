// hash(x) with CPython's numbers: ints reduced modulo the Mersenne prime 2**61 - 1, floats by their exact value
// (so hash(1.0) == hash(1)), tuples by CPython 3.11's xxHash-style combination. str hashes are randomised per
// process in CPython, so any stable value is as good; objects hash by identity.

import BigInt
import Foundation

enum PythonHash {
    static let modulus: UInt64 = (1 << 61) - 1

    static func hash(_ x: Value, _ context: any Context) throws -> Value {
        _ = try HashKey(x)  // "unhashable type: 'list'"
        return .int(value(x))
    }

    static func value(_ x: Value) -> Int {
        switch x {
        case .bool(let b): return b ? 1 : 0
        case .int(let i): return integer(BigInt(i))
        case .bigInt(let b): return integer(b)
        case .float(let d): return double(d)
        case .tuple(let items): return tuple(items.map(value))
        case .str, .none, .list, .dict, .object:
            var hasher = Hasher()
            HashKey.hashValue(x, into: &hasher)
            return fixMinusOne(hasher.finalize())
        }
    }

    private static func fixMinusOne(_ h: Int) -> Int { h == -1 ? -2 : h }

    static func integer(_ n: BigInt) -> Int {
        let r = Int(n.magnitude % BigUInt(modulus))
        return fixMinusOne(n.sign == .minus ? -r : r)
    }

    /// CPython's _Py_HashDouble: the mantissa folded 28 bits at a time, then the exponent as a rotation.
    static func double(_ v: Double) -> Int {
        if v.isInfinite { return v > 0 ? 314159 : -314159 }
        if v.isNaN { return 0 }
        var e: Int32 = 0
        var m = frexp(v, &e)
        var sign = 1
        if m < 0 { sign = -1; m = -m }
        var x: UInt64 = 0
        var exponent = Int(e)
        while m != 0 {
            x = ((x << 28) & modulus) | x >> (61 - 28)
            m *= 268435456.0
            exponent -= 28
            let y = UInt64(m)
            m -= Double(y)
            x += y
            if x >= modulus { x -= modulus }
        }
        exponent = exponent >= 0 ? exponent % 61 : 61 - 1 - ((-1 - exponent) % 61)
        x = ((x << UInt64(exponent)) & modulus) | x >> UInt64(61 - exponent)
        return fixMinusOne(Int(x) * sign)
    }

    /// CPython 3.11's tuplehash (xxHash's round and primes).
    static func tuple(_ hashes: [Int]) -> Int {
        let p1: UInt64 = 11400714785074694791, p2: UInt64 = 14029467366897019727, p5: UInt64 = 2870177450012600261
        var acc = p5
        for h in hashes {
            acc = acc &+ UInt64(bitPattern: Int64(h)) &* p2
            acc = (acc << 31) | (acc >> 33)
            acc = acc &* p1
        }
        acc = acc &+ (UInt64(hashes.count) ^ (p5 ^ 3527539))
        if acc == UInt64.max { return 1546275796 }
        return Int(Int64(bitPattern: acc))
    }
}
