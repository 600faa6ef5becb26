// Errors at inference time (after a model has loaded).

public enum EngineError: Error, Sendable, CustomStringConvertible {
    case tokenOutOfRange(id: Int, vocabSize: Int)
    /// A text (or pair) of `tokens` tokens, more than the model's `positions`, under a maximum length of `maxLength`.
    case sequenceTooLong(tokens: Int, positions: Int, maxLength: Int)

    public var description: String {
        switch self {
        case .tokenOutOfRange(let id, let vocabSize):
            return "token id \(id) is outside the model's vocabulary of \(vocabSize) (tokenizer and config.json disagree)"
        case .sequenceTooLong(let tokens, let positions, let maxLength):
            return "an input of \(tokens) tokens is longer than the model's \(positions) positions (the maximum length "
                + "\(maxLength) does not truncate it to them)"
        }
    }
}
