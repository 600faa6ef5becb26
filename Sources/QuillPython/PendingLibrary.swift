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
        guard x.isFinite, ndigits >= 0, ndigits < 300 else { return x }
        return Double(String(format: "%.\(ndigits)f", x)) ?? x
    }

    static func round(_ x: Value, ndigits: Int) -> Value { x }
}

enum StrMethods {
    static let names: [String] = []
    static func call(_ name: String, _ receiver: String, _ arguments: Arguments, _ context: any Context) throws -> Value {
        throw PyError.attribute("'str' object has no attribute '\(name)'")
    }
}
