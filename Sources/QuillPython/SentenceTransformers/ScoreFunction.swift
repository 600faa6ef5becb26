// The score_function argument of semantic_search and paraphrase_mining: one of util's score functions, computed
// here a row at a time, or any Python callable, called with two torch tensors and expected to return a torch tensor
// of scores. (semantic_search normalises each corpus chunk once when given cos_sim; normalising is deterministic, so
// scoring each chunk with cos_sim gives the same numbers.)

enum ScoreFunction {
    case builtin(LibraryFunction.ScoreKind)
    case python(Value)

    /// nil or None: cos_sim, the default.
    init(_ value: Value?) {
        switch value {
        case nil, .some(.none): self = .builtin(.cosine)
        case .some(.object(let f as LibraryFunction)) where f.scoreKind != nil: self = .builtin(f.scoreKind ?? .cosine)
        case .some(let other): self = .python(other)
        }
    }

    /// The scores of the rows of `a` against the rows of `b`, row by row.
    struct Rows {
        let count: Int
        let columns: Int
        let row: (Int) -> [Double]
    }

    func rows(_ a: TensorOperand, _ b: TensorOperand, _ context: any Context) throws -> Rows {
        switch self {
        case .builtin(let kind):
            let scorer = try RowScorer(kind, SemanticSearch.batched(a), SemanticSearch.batched(b))
            return Rows(count: scorer.rows, columns: scorer.columns, row: scorer.row)
        case .python(let callable):
            let result = try context.call(callable, Arguments([try ScoreFunctions.tensor(a), try ScoreFunctions.tensor(b)]))
            let scores = try TensorOperand.from(result, context)
            guard scores.rank == 2, scores.shape[0] == a.shape.first ?? 1 else {
                throw PyError.value("score_function must return a (queries, corpus) matrix of scores, got shape \(scores.shape)")
            }
            let columns = scores.shape[1]
            return Rows(count: scores.shape[0], columns: columns) { Array(scores.values[$0 * columns..<($0 + 1) * columns]) }
        }
    }
}
