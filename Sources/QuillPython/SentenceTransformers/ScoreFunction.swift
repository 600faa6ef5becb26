// The score_function argument of semantic_search and paraphrase_mining: one of util's score functions, computed
// directly, or any Python callable, called with two torch tensors and expected to return a torch tensor of scores.
// (semantic_search normalises each corpus chunk once when given cos_sim; normalising is deterministic, so scoring
// each chunk with cos_sim gives the same numbers.)

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

    /// Scores of the rows of `a` against the rows of `b`.
    func callAsFunction(_ a: TensorOperand, _ b: TensorOperand, _ context: any Context) throws -> TensorOperand {
        switch self {
        case .builtin(let kind):
            return try ScoreFunctions.scores(kind, SemanticSearch.batched(a), SemanticSearch.batched(b))
        case .python(let callable):
            let result = try context.call(callable, Arguments([try ScoreFunctions.tensor(a), try ScoreFunctions.tensor(b)]))
            return try TensorOperand.from(result, context)
        }
    }
}
