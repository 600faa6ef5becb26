// One arithmetic operation on two elements already cast to the dtype of the result, with Python's floor
// division and modulo (numpy's and torch's agree with Python's signs, except that torch's zero remainder keeps
// the dividend's sign), and integer division by zero giving 0 as numpy does (torch raises before getting here).

import Foundation

enum ElementMath {
    static func apply(_ op: BinaryOperator, _ x: Double, _ y: Double, integer: Bool, torch: Bool) -> Double {
        switch op {
        case .add: return x + y
        case .subtract: return x - y
        case .multiply: return x * y
        case .divide: return x / y
        case .power:
            if integer && y < 0 { return x == 1 ? 1 : x == -1 ? (y.truncatingRemainder(dividingBy: 2) == 0 ? 1 : -1) : 0 }
            return pow(x, y)
        case .floorDivide:
            if integer { return y == 0 ? 0 : (x / y).rounded(.down) }
            return floorDivide(x, y)
        case .modulo:
            if integer { return y == 0 ? 0 : x - y * (x / y).rounded(.down) }
            return modulo(x, y, torch: torch)
        case .matrixMultiply: return .nan
        }
    }

    /// Python's float `//`: floor of the exact quotient, computed through fmod as CPython does.
    static func floorDivide(_ x: Double, _ y: Double) -> Double {
        if y == 0 { return x / y }
        var mod = fmod(x, y)
        var div = (x - mod) / y
        if mod != 0 && (y < 0) != (mod < 0) {
            mod += y
            div -= 1
        }
        if div == 0 { return copysign(0.0, x / y) }
        let floorDiv = div.rounded(.down)
        return div - floorDiv > 0.5 ? floorDiv + 1 : floorDiv
    }

    /// Python's float `%`: the result takes the sign of the divisor (a zero result too, except in torch).
    static func modulo(_ x: Double, _ y: Double, torch: Bool) -> Double {
        if y == 0 { return .nan }
        var mod = fmod(x, y)
        if mod != 0 {
            if (y < 0) != (mod < 0) { mod += y }
        } else if !torch {
            mod = y < 0 ? -0.0 : 0.0
        }
        return mod
    }
}
