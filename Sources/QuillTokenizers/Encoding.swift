// The output of `Tokenizer.encode`: ids with the special tokens already in place, and their segment (type) ids.

/// Token ids for one input (a sequence or a pair), special tokens included.
public struct Encoding: Sendable, Equatable {
    /// Vocabulary ids, e.g. `[CLS] a b [SEP]`.
    public var ids: [Int32]
    /// Segment ids, one per id: 0 for the first sequence, 1 for the second in BERT pairs; all 0 for RoBERTa.
    public var typeIds: [Int32]

    public init(ids: [Int32], typeIds: [Int32]) {
        self.ids = ids
        self.typeIds = typeIds
    }
}
