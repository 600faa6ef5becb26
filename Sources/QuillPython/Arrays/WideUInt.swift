// The unsigned big integers Dragon4 needs to print floats exactly, of any size (float64 values far from 1 need
// over a thousand bits): 32-bit limbs, least significant first, and only the operations the digit loop uses.
// UInt256 is the fast path; both conform to Dragon4Integer.

/// What Dragon4's digit loop does with its integers. `Failure` is thrown when a fixed-width type overflows.
protocol Dragon4Integer {
    associatedtype Failure: Error
    init(_ value: UInt64)
    /// 2^n.
    static func power2(_ n: Int) throws(Failure) -> Self
    var isZero: Bool { get }
    mutating func shiftLeft(_ n: Int) throws(Failure)
    mutating func multiply(by factor: UInt32) throws(Failure)
    static func + (a: Self, b: Self) throws(Failure) -> Self
    static func compare(_ a: Self, _ b: Self) -> Int
    mutating func divideDigit(by divisor: Self) -> UInt32
}

extension Dragon4Integer {
    /// self × 10^n.
    mutating func multiply(byPowerOf10 n: Int) throws(Failure) {
        var left = n
        while left >= 9 {
            try multiply(by: 1_000_000_000)
            left -= 9
        }
        var factor: UInt32 = 1
        for _ in 0..<left { factor *= 10 }
        try multiply(by: factor)
    }
}

struct WideUInt: Dragon4Integer {
    typealias Failure = Never

    /// Little-endian limbs without trailing zeros; zero is `[]`.
    private(set) var limbs: [UInt32]

    init(_ value: UInt64) {
        limbs = []
        if value != 0 { limbs.append(UInt32(truncatingIfNeeded: value)) }
        if value >> 32 != 0 { limbs.append(UInt32(truncatingIfNeeded: value >> 32)) }
    }

    private init(limbs: [UInt32]) {
        self.limbs = limbs
        normalise()
    }

    /// 2^n.
    static func power2(_ n: Int) -> WideUInt {
        var limbs = [UInt32](repeating: 0, count: n / 32 + 1)
        limbs[n / 32] = 1 << UInt32(n % 32)
        return WideUInt(limbs: limbs)
    }

    var isZero: Bool { limbs.isEmpty }

    private mutating func normalise() {
        while limbs.last == 0 { limbs.removeLast() }
    }

    mutating func shiftLeft(_ n: Int) {
        guard !isZero, n > 0 else { return }
        let whole = n / 32, bits = UInt32(n % 32)
        if bits != 0 {
            var carry: UInt32 = 0
            for i in limbs.indices {
                let limb = limbs[i]
                limbs[i] = (limb << bits) | carry
                carry = limb >> (32 - bits)
            }
            if carry != 0 { limbs.append(carry) }
        }
        if whole > 0 { limbs.insert(contentsOf: repeatElement(0, count: whole), at: 0) }
    }

    mutating func multiply(by factor: UInt32) {
        var carry: UInt64 = 0
        for i in limbs.indices {
            let product = UInt64(limbs[i]) * UInt64(factor) + carry
            limbs[i] = UInt32(truncatingIfNeeded: product)
            carry = product >> 32
        }
        if carry != 0 { limbs.append(UInt32(carry)) }
        if factor == 0 { limbs.removeAll() }
    }

    static func + (a: WideUInt, b: WideUInt) -> WideUInt {
        let (long, short) = a.limbs.count >= b.limbs.count ? (a, b) : (b, a)
        var result = long.limbs
        var carry: UInt64 = 0
        for i in result.indices {
            let sum = UInt64(result[i]) + (i < short.limbs.count ? UInt64(short.limbs[i]) : 0) + carry
            result[i] = UInt32(truncatingIfNeeded: sum)
            carry = sum >> 32
            if carry == 0 && i >= short.limbs.count { break }
        }
        if carry != 0 { result.append(UInt32(carry)) }
        return WideUInt(limbs: result)
    }

    static func compare(_ a: WideUInt, _ b: WideUInt) -> Int {
        if a.limbs.count != b.limbs.count { return a.limbs.count < b.limbs.count ? -1 : 1 }
        var i = a.limbs.count - 1
        while i >= 0 {
            if a.limbs[i] != b.limbs[i] { return a.limbs[i] < b.limbs[i] ? -1 : 1 }
            i -= 1
        }
        return 0
    }

    /// self -= other, where other <= self.
    private mutating func subtract(_ other: WideUInt) {
        var borrow: Int64 = 0
        for i in limbs.indices {
            let difference = Int64(limbs[i]) - (i < other.limbs.count ? Int64(other.limbs[i]) : 0) - borrow
            limbs[i] = UInt32(truncatingIfNeeded: difference)
            borrow = difference < 0 ? 1 : 0
            if borrow == 0 && i >= other.limbs.count { break }
        }
        normalise()
    }

    mutating func divideDigit(by divisor: WideUInt) -> UInt32 {
        var quotient: UInt32 = 0
        while WideUInt.compare(self, divisor) >= 0 {
            subtract(divisor)
            quotient += 1
        }
        return quotient
    }
}
