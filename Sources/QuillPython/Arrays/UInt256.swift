// A 256-bit unsigned integer in four words: Dragon4's fast path. Every float32, and float64 values of ordinary
// magnitude, are printed without leaving it; an operation that would overflow throws, and Dragon4 then starts
// again with WideUInt.

struct UInt256: Dragon4Integer {
    struct Overflow: Error {}
    typealias Failure = Overflow

    /// Least significant word first.
    private var w0: UInt64, w1: UInt64, w2: UInt64, w3: UInt64

    init(_ value: UInt64) { (w0, w1, w2, w3) = (value, 0, 0, 0) }

    private init(_ w0: UInt64, _ w1: UInt64, _ w2: UInt64, _ w3: UInt64) { (self.w0, self.w1, self.w2, self.w3) = (w0, w1, w2, w3) }

    static func power2(_ n: Int) throws(Overflow) -> UInt256 {
        var result = UInt256(1)
        try result.shiftLeft(n)
        return result
    }

    var isZero: Bool { w0 | w1 | w2 | w3 == 0 }

    /// The number of significant bits.
    private var bitCount: Int {
        if w3 != 0 { return 256 - w3.leadingZeroBitCount }
        if w2 != 0 { return 192 - w2.leadingZeroBitCount }
        if w1 != 0 { return 128 - w1.leadingZeroBitCount }
        return 64 - w0.leadingZeroBitCount
    }

    mutating func shiftLeft(_ n: Int) throws(Overflow) {
        guard !isZero, n > 0 else { return }
        guard bitCount + n <= 256 else { throw Overflow() }
        var words = (n / 64, UInt64(n % 64))
        while words.0 > 0 {
            (w3, w2, w1, w0) = (w2, w1, w0, 0)
            words.0 -= 1
        }
        let s = words.1
        if s != 0 {
            w3 = (w3 << s) | (w2 >> (64 - s))
            w2 = (w2 << s) | (w1 >> (64 - s))
            w1 = (w1 << s) | (w0 >> (64 - s))
            w0 <<= s
        }
    }

    mutating func multiply(by factor: UInt32) throws(Overflow) {
        let f = UInt64(factor)
        var (high, low) = w0.multipliedFullWidth(by: f)
        w0 = low
        var carry = high
        (high, low) = w1.multipliedFullWidth(by: f)
        (w1, carry) = UInt256.addCarry(low, carry, high)
        (high, low) = w2.multipliedFullWidth(by: f)
        (w2, carry) = UInt256.addCarry(low, carry, high)
        (high, low) = w3.multipliedFullWidth(by: f)
        (w3, carry) = UInt256.addCarry(low, carry, high)
        if carry != 0 { throw Overflow() }
    }

    /// low + carry, and the next carry (high plus the overflow of that sum).
    private static func addCarry(_ low: UInt64, _ carry: UInt64, _ high: UInt64) -> (UInt64, UInt64) {
        let (sum, overflow) = low.addingReportingOverflow(carry)
        return (sum, high + (overflow ? 1 : 0))
    }

    static func + (a: UInt256, b: UInt256) throws(Overflow) -> UInt256 {
        let (r0, c0) = a.w0.addingReportingOverflow(b.w0)
        let (s1, d1) = a.w1.addingReportingOverflow(b.w1)
        let (r1, e1) = s1.addingReportingOverflow(c0 ? 1 : 0)
        let (s2, d2) = a.w2.addingReportingOverflow(b.w2)
        let (r2, e2) = s2.addingReportingOverflow(d1 || e1 ? 1 : 0)
        let (s3, d3) = a.w3.addingReportingOverflow(b.w3)
        let (r3, e3) = s3.addingReportingOverflow(d2 || e2 ? 1 : 0)
        if d3 || e3 { throw Overflow() }
        return UInt256(r0, r1, r2, r3)
    }

    static func compare(_ a: UInt256, _ b: UInt256) -> Int {
        if a.w3 != b.w3 { return a.w3 < b.w3 ? -1 : 1 }
        if a.w2 != b.w2 { return a.w2 < b.w2 ? -1 : 1 }
        if a.w1 != b.w1 { return a.w1 < b.w1 ? -1 : 1 }
        if a.w0 != b.w0 { return a.w0 < b.w0 ? -1 : 1 }
        return 0
    }

    /// self -= other, where other <= self.
    private mutating func subtract(_ b: UInt256) {
        let (r0, c0) = w0.subtractingReportingOverflow(b.w0)
        let (s1, d1) = w1.subtractingReportingOverflow(b.w1)
        let (r1, e1) = s1.subtractingReportingOverflow(c0 ? 1 : 0)
        let (s2, d2) = w2.subtractingReportingOverflow(b.w2)
        let (r2, e2) = s2.subtractingReportingOverflow(d1 || e1 ? 1 : 0)
        let r3 = w3 &- b.w3 &- (d2 || e2 ? 1 : 0)
        (w0, w1, w2, w3) = (r0, r1, r2, r3)
    }

    mutating func divideDigit(by divisor: UInt256) -> UInt32 {
        var quotient: UInt32 = 0
        while UInt256.compare(self, divisor) >= 0 {
            subtract(divisor)
            quotient += 1
        }
        return quotient
    }
}
