// TorchTopK against torch.topk on tie-heavy inputs (Tests/Fixtures/generate/st_topk.py): the same indices in the
// same order, ties and NaNs included, on both sides of torch's partial-sort / nth_element switch.

import Foundation
import Testing
@testable import QuillPython

@Suite struct SentenceTransformersTopKTests {
    @Test func indicesMatchTorchIncludingTies() throws {
        let cases = try STFixtures.json("topk.json")["cases"] as? [[String: Any]] ?? []
        #expect(cases.count == 240)
        var mismatches = 0
        for (n, c) in cases.enumerated() {
            let values = (c["values"] as? [Any] ?? []).map(STFixtures.number)
            let k = c["k"] as? Int ?? -1
            let largest = c["largest"] as? Bool ?? true, sorted = c["sorted"] as? Bool ?? true
            let expected = c["indices"] as? [Int] ?? []
            let got = TorchTopK.topk(values, k: k, largest: largest, sorted: sorted).map(\.index)
            if got != expected {
                mismatches += 1
                Issue.record("case \(n): n=\(values.count) k=\(k) largest=\(largest) sorted=\(sorted): \(got) != \(expected)")
            }
        }
        #expect(mismatches == 0)
    }

    @Test func smallCasesFollowLibstdcxx() {
        // torch.topk(torch.tensor([1., 3., 3., 2.]), 2) -> indices [1, 2]; k = n sorts everything.
        #expect(TorchTopK.topk([1, 3, 3, 2], k: 2).map(\.index) == [1, 2])
        #expect(TorchTopK.topk([1, 3, 3, 2], k: 4).map(\.value) == [3, 3, 2, 1])
        #expect(TorchTopK.topk([5], k: 0).isEmpty)
    }
}
