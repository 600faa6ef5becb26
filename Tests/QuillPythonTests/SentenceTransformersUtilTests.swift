// sentence_transformers.util against the reference on fixed embeddings (Tests/Fixtures/generate/st_util.py).
// "exact" vectors make every score exact in float32, so scores, ids and the order of ties must be identical;
// "random" float32 vectors must agree to float32 rounding (the max |diff| is printed).

import Foundation
import Testing
@testable import QuillPython

@Suite struct SentenceTransformersUtilTests {
    let fixture: [String: Any]
    let util: PyModule
    let context = StandInContext(host: FakeHost())

    init() throws {
        fixture = try STFixtures.json("util.json")
        util = try #require(SentenceTransformersModules.modules()["sentence_transformers.util"])
    }

    func data(_ name: String) -> (queries: Value, corpus: Value) {
        let d = fixture[name] as? [String: Any] ?? [:]
        return (STFixtures.tensor(STFixtures.matrix(d["queries"])), STFixtures.tensor(STFixtures.matrix(d["corpus"])))
    }

    func call(_ name: String, _ positional: [Value], _ keywords: [(name: String, value: Value)] = []) throws -> Value {
        try context.call(util.members[name] ?? .none, Arguments(positional, keywords: keywords))
    }

    func array(_ value: Value) throws -> PyArray {
        guard case .object(let a as PyArray) = value else { throw PyError.type("expected a tensor, got \(value.typeName)") }
        return a
    }

    /// Max |a - b| over two equally long lists (infinity when the shapes differ).
    func maxDiff(_ a: [Double], _ b: [Double]) -> Double {
        guard a.count == b.count else { return .infinity }
        return zip(a, b).reduce(0) { max($0, abs($1.0 - $1.1)) }
    }

    @Test func scoreMatricesMatch() throws {
        let scores = fixture["scores"] as? [String: [String: Any]] ?? [:]
        #expect(scores.count == 4)
        for (name, cases) in scores {
            for (dataName, expected) in cases {
                let (q, c) = dataName == "random_self" ? (data("random").corpus, data("random").corpus) : data(dataName)
                let result = try array(try call(name, [q, c]))
                let want = STFixtures.matrix(expected)
                #expect(result.library == .torch && result.dtype == .float32)
                #expect(result.shape == [want.count, want.first?.count ?? 0], "\(name) \(dataName)")
                var got = result.scalars, expected = want.flatMap { $0 }
                if dataName == "random_self" {
                    // Self-distances through torch's matrix-product form are rounding noise near 0 on both sides.
                    let diagonal = want.indices.map { $0 * want.count + $0 }
                    let noise = maxDiff(diagonal.map { got[$0] }, diagonal.map { expected[$0] })
                    print("util.\(name) on \(dataName): diagonal max |diff| = \(noise)")
                    #expect(noise <= 3e-3 && diagonal.allSatisfy { got[$0] <= 0 })
                    for i in diagonal { got[i] = 0; expected[i] = 0 }
                }
                let diff = maxDiff(got, expected)
                print("util.\(name) on \(dataName): max |diff| = \(diff)")
                // Exact inputs give exact scores (square roots are correctly rounded on both sides).
                let tolerance = dataName == "exact" ? 0 : 2e-6
                #expect(diff <= tolerance, "\(name) \(dataName): max |diff| \(diff)")
            }
        }
    }

    @Test func pairwiseNormalizeAndFloat64Match() throws {
        let corpus = STFixtures.matrix((fixture["random"] as? [String: Any])?["corpus"])
        for (name, expected) in fixture["pairwise"] as? [String: Any] ?? [:] {
            let result = try array(try call(name, [STFixtures.tensor(Array(corpus[0..<10])), STFixtures.tensor(Array(corpus[10..<20]))]))
            let diff = maxDiff(result.scalars, STFixtures.vector(expected))
            print("util.\(name): max |diff| = \(diff)")
            #expect(result.shape == [10] && diff <= 2e-6, "\(name): \(diff)")
        }
        let normalized = try array(try call("normalize_embeddings", [data("random").queries]))
        #expect(maxDiff(normalized.scalars, STFixtures.matrix(fixture["normalize_embeddings"]).flatMap { $0 }) <= 1e-7)

        // numpy float64 inputs give a float64 tensor.
        let queries = STFixtures.matrix((fixture["random"] as? [String: Any])?["queries"])
        let result = try array(try call("cos_sim", [STFixtures.tensor(queries, library: .numpy, dtype: .float64),
                                                    STFixtures.tensor(Array(corpus[0..<4]), library: .numpy, dtype: .float64)]))
        #expect(result.dtype == .float64 && result.library == .torch)
        #expect(maxDiff(result.scalars, STFixtures.matrix(fixture["cos_sim_float64"]).flatMap { $0 }) <= 1e-15)
    }

    /// [[{'corpus_id': int, 'score': float}]] as (id, score) lists.
    func hits(_ value: Value) -> [[(Int, Double)]] {
        guard case .list(let outer) = value else { return [] }
        return outer.items.map { q in
            guard case .list(let l) = q else { return [] }
            return l.items.map { h in
                guard case .dict(let d) = h, d.storage.count == 2,
                      case .int(let id)? = d.storage.values.first, case .float(let s)? = d.storage.values.last,
                      (try? context.repr(.list(PyList(d.storage.keys.map(\.value))))) == "['corpus_id', 'score']"
                else { return (-1, .nan) }
                return (id, s)
            }
        }
    }

    @Test func semanticSearchMatchesIncludingTieOrder() throws {
        let cases = fixture["semantic_search"] as? [[String: Any]] ?? []
        #expect(cases.count == 36)
        var worst = 0.0
        for c in cases {
            let dataName = c["data"] as? String ?? ""
            let (q, corpus) = data(dataName)
            let keywords: [(name: String, value: Value)] = [
                ("top_k", .int(c["top_k"] as? Int ?? 0)), ("corpus_chunk_size", .int(c["corpus_chunk_size"] as? Int ?? 0)),
                ("query_chunk_size", .int(c["query_chunk_size"] as? Int ?? 0)),
                ("score_function", util.members[c["score_function"] as? String ?? ""] ?? .none)]
            let got = hits(try call("semantic_search", [q, corpus], keywords))
            let want = (c["hits"] as? [[[String: Any]]] ?? []).map { $0.map { ($0["corpus_id"] as? Int ?? -2, STFixtures.number($0["score"] ?? 0)) } }
            let label = "\(dataName) \(keywords.prefix(3).map { "\($0.name)=\($0.value)" }) \(c["score_function"] ?? "")"
            #expect(got.map { $0.map(\.0) } == want.map { $0.map(\.0) }, "\(label)")
            for (g, w) in zip(got.joined(), want.joined()) { worst = max(worst, abs(g.1 - w.1)) }
            if dataName == "exact" {
                #expect(got.map { $0.map(\.1) } == want.map { $0.map(\.1) }, "\(label)")
            }
        }
        print("util.semantic_search: max |score diff| = \(worst)")
        #expect(worst <= 2e-6)
    }

    @Test func paraphraseMiningMatchesIncludingTieOrder() throws {
        let cases = fixture["paraphrase_mining"] as? [[String: Any]] ?? []
        #expect(cases.count == 36)
        var worst = 0.0
        for c in cases {
            let dataName = c["data"] as? String ?? ""
            let keywords: [(name: String, value: Value)] = ["top_k", "max_pairs", "query_chunk_size", "corpus_chunk_size"]
                .map { ($0, .int(c[$0] as? Int ?? 0)) }
            let result = try call("paraphrase_mining_embeddings", [data(dataName).corpus], keywords)
            guard case .list(let list) = result else { Issue.record("not a list"); continue }
            let got = list.items.map { item -> [Double] in
                guard case .list(let t) = item, t.items.count == 3, case .float(let s) = t.items[0],
                      case .int(let i) = t.items[1], case .int(let j) = t.items[2] else { return [] }
                return [s, Double(i), Double(j)]
            }
            let want = STFixtures.matrix(c["pairs"])
            let label = "\(dataName) \(keywords.map { "\($0.name)=\($0.value)" })"
            #expect(got.map { $0.dropFirst() } == want.map { $0.dropFirst() }, "\(label)")
            for (g, w) in zip(got, want) where !g.isEmpty { worst = max(worst, abs(g[0] - w[0])) }
            if dataName == "exact" { #expect(got == want, "\(label)") }
        }
        print("util.paraphrase_mining_embeddings: max |score diff| = \(worst)")
        #expect(worst <= 2e-6)
    }

    @Test func errorsMatchTheReference() throws {
        let errors = try STFixtures.json("messages.json")["errors"] as? [String: String] ?? [:]
        let f32 = STFixtures.tensor([[1, 2]], library: .numpy)
        let f64 = STFixtures.tensor([[1, 2]], library: .numpy, dtype: .float64)
        let ones3 = STFixtures.tensor([[1, 1, 1]], library: .numpy)
        let ints = Value.list(PyList([.list(PyList([.int(1), .int(2)]))]))
        let floats = { (rows: [[Double]]) in Value.list(PyList(rows.map { .list(PyList($0.map(Value.float))) })) }
        let calls: [(String, () throws -> Value)] = [
            ("cos_sim_dtypes", { try call("cos_sim", [f32, f64]) }),
            ("cos_sim_shapes", { try call("cos_sim", [f32, ones3]) }),
            ("cos_sim_ints", { try call("cos_sim", [f32, ints]) }),
            ("dot_score_ints", { try call("dot_score", [f32, ints]) }),
            ("euclidean_sim_dtypes", { try call("euclidean_sim", [f32, f64]) }),
            ("euclidean_sim_columns", { try call("euclidean_sim", [f32, ones3]) }),
            ("manhattan_sim_ints", { try call("manhattan_sim", [f32, ints]) }),
            ("cos_sim_ragged", { try call("cos_sim", [floats([[1, 2], [1]]), f32]) }),
            ("cos_sim_str", { try call("cos_sim", [.str("abc"), f32]) }),
            ("cos_sim_scalar", { try call("cos_sim", [.float(3), f32]) }),
            ("cos_sim_missing", { try call("cos_sim", [f32]) }),
            ("normalize_numpy", { try call("normalize_embeddings", [f32]) }),
            ("normalize_list", { try call("normalize_embeddings", [floats([[1, 2]])]) }),
            ("similarity_function_invalid", { try context.call(util.members["SimilarityFunction"] ?? .none, Arguments([.str("foo")])) }),
            ("semantic_search_missing", { try call("semantic_search", [f32]) }),
        ]
        for (name, body) in calls {
            let expected = try #require(errors[name], "\(name) missing from messages.json")
            #expect(context.error(body) == expected, "\(name)")
        }
    }

    @Test func listsAreConvertedAsTorchTensorDoes() throws {
        // Python floats give float32; a list of 1-d tensors is stacked; a vector is one row.
        let list = Value.list(PyList([.list(PyList([.float(1), .float(2)]))]))
        let v = Value.object(PyArray(library: .torch, dtype: .float32, shape: [2], scalars: [2, 1]))
        let stacked = Value.list(PyList([v, v]))
        let a = try array(try call("cos_sim", [list, stacked]))
        #expect(a.dtype == .float32 && a.shape == [1, 2])
        // The reference: util.cos_sim([[1.0, 2.0]], [v, v]).tolist() == [[0.7999999523162842, 0.7999999523162842]]
        #expect(a.scalars == [0.7999999523162842, 0.7999999523162842])
        let top0 = try call("semantic_search", [v, stacked], [("top_k", .int(0))])
        #expect(try context.repr(top0) == "[[]]")
    }
}
