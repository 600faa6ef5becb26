// Truncation with Rust's `longest_first` strategy (tokenizers/src/utils/truncation.rs), applied to the model's ids
// before the special tokens are added, on a budget of max_length minus the special tokens (saturating at 0).

enum Truncation {
    /// The lengths to keep for a pair under `budget` (L): with n1 the shorter and n2 the longer length,
    /// n2 = max(n1, L - n1) unless n1 > L (then n2 = n1); if n1 + n2 > L both become L/2, the longer getting L % 2.
    static func pairLengths(_ a: Int, _ b: Int, budget: Int) -> (Int, Int) {
        guard a + b > budget else { return (a, b) }
        let swapped = a > b
        var n1 = min(a, b)
        var n2: Int
        if n1 > budget { n2 = n1 } else { n2 = max(n1, budget - n1) }
        if n1 + n2 > budget {
            n1 = budget / 2
            n2 = n1 + budget % 2
        }
        return swapped ? (n2, n1) : (n1, n2)
    }

    static func truncate(_ first: inout [Int32], _ second: inout [Int32]?, budget: Int) {
        let budget = max(0, budget)
        if var b = second {
            let (n1, n2) = pairLengths(first.count, b.count, budget: budget)
            if first.count > n1 { first.removeSubrange(n1...) }
            if b.count > n2 { b.removeSubrange(n2...) }
            second = b
        } else if first.count > budget {
            first.removeSubrange(budget...)
        }
    }
}
