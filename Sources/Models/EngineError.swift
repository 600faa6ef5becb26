// Errors at inference time (after a model has loaded).

public enum EngineError: Error, Sendable, CustomStringConvertible {
    case tokenOutOfRange(id: Int, vocabSize: Int)

    public var description: String {
        switch self {
        case .tokenOutOfRange(let id, let vocabSize):
            return "token id \(id) is outside the model's vocabulary of \(vocabSize) (tokenizer and config.json disagree)"
        }
    }
}
