// Post-processors: where the special tokens go and which type id each part gets.
// Mirrors tokenizers/src/processors/{template,bert,roberta,sequence,byte_level}.rs. Bert and Roberta processing
// are expressed as templates: BERT `[CLS] A [SEP]` / `[CLS] A [SEP] B [SEP]` with B's part typed 1;
// RoBERTa `<s> A </s>` / `<s> A </s> </s> B </s>` with every type id 0.

/// One item of a template.
enum TemplatePiece: Sendable {
    case special(ids: [Int32], typeId: Int32)
    /// The first (A) or second (B) sequence.
    case sequence(first: Bool, typeId: Int32)
}

/// Single and pair templates.
struct PostProcessor: Sendable {
    var single: [TemplatePiece]
    var pair: [TemplatePiece]

    static let supportedTypes = ["TemplateProcessing", "BertProcessing", "RobertaProcessing", "ByteLevel",
                                 "Sequence (with at most one processor that adds tokens)"]

    static func bert(cls: Int32, sep: Int32) -> PostProcessor {
        PostProcessor(
            single: [.special(ids: [cls], typeId: 0), .sequence(first: true, typeId: 0), .special(ids: [sep], typeId: 0)],
            pair: [.special(ids: [cls], typeId: 0), .sequence(first: true, typeId: 0), .special(ids: [sep], typeId: 0),
                   .sequence(first: false, typeId: 1), .special(ids: [sep], typeId: 1)])
    }

    static func roberta(cls: Int32, sep: Int32) -> PostProcessor {
        PostProcessor(
            single: [.special(ids: [cls], typeId: 0), .sequence(first: true, typeId: 0), .special(ids: [sep], typeId: 0)],
            pair: [.special(ids: [cls], typeId: 0), .sequence(first: true, typeId: 0), .special(ids: [sep, sep], typeId: 0),
                   .sequence(first: false, typeId: 0), .special(ids: [sep], typeId: 0)])
    }

    /// How many ids the template adds (Rust `added_tokens(is_pair)`), used to budget truncation.
    func addedTokenCount(pair isPair: Bool) -> Int {
        (isPair ? pair : single).reduce(0) { count, piece in
            if case .special(let ids, _) = piece { count + ids.count } else { count }
        }
    }

    func process(_ first: [Int32], _ second: [Int32]?) -> Encoding {
        var ids: [Int32] = []
        var typeIds: [Int32] = []
        let template = second == nil ? single : pair
        for piece in template {
            switch piece {
            case let .special(specialIds, typeId):
                ids.append(contentsOf: specialIds)
                typeIds.append(contentsOf: repeatElement(typeId, count: specialIds.count))
            case let .sequence(isFirst, typeId):
                let part = isFirst ? first : (second ?? [])
                ids.append(contentsOf: part)
                typeIds.append(contentsOf: repeatElement(typeId, count: part.count))
            }
        }
        return Encoding(ids: ids, typeIds: typeIds)
    }

    /// No special tokens: A then B, typed 0 and 1 (what Rust does without a post-processor).
    static let none = PostProcessor(single: [.sequence(first: true, typeId: 0)],
                                    pair: [.sequence(first: true, typeId: 0), .sequence(first: false, typeId: 1)])
}
