// TEMPORARY: minimal stand-ins for the format helper's Rounding and StrMethods so that the library compiles
// before that work lands in main. Deleted when main is merged.

import BigInt
import Foundation

enum Rounding {
    static func round(_ x: Double) throws -> Value {
        if x.isNaN { throw PyError.value("cannot convert float NaN to integer") }
        if x.isInfinite { throw PyError.overflow("cannot convert float infinity to integer") }
        let r = x.rounded(.toNearestOrEven)
        if let i = Int(exactly: r) { return .int(i) }
        return .integer(BigInt(r))
    }

    static func round(_ x: Double, ndigits: Int) -> Double {
        guard x.isFinite, ndigits > -300, ndigits < 300 else { return x }
        if ndigits >= 0 { return Double(String(format: "%.\(ndigits)f", x)) ?? x }
        let scale = Foundation.pow(10, Double(-ndigits))
        return (x / scale).rounded(.toNearestOrEven) * scale
    }

    static func round(_ x: Value, ndigits: Int) -> Value {
        guard ndigits < 0, case .int(let i)? = Arithmetic.number(x) else { return x }
        let scale = BigInt(10).power(-ndigits)
        let (q, r) = Arithmetic.floorDivide(i, scale)
        let twice = 2 * r
        let up = twice > scale || (twice == scale && q.magnitude.words[0] & 1 == 1)
        return .integer((up ? q + 1 : q) * scale)
    }
}

enum StrMethods {
    static let names: [String] = []
    static func call(_ name: String, _ receiver: String, _ arguments: Arguments, _ context: any Context) throws -> Value {
        throw PyError.attribute("'str' object has no attribute '\(name)'")
    }
}
