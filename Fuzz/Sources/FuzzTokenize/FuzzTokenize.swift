// Fuzz target: encoding arbitrary text with each tokenizer model Quill supports (WordPiece, byte-level BPE, Unigram
// with and without byte fallback), loaded from the test fixtures. The input is split into two texts (first byte:
// where), decoded leniently as UTF-8 and, for the second text, as Latin-1, so invalid bytes and odd scalars reach
// the normalizers. Every encoding must respect max_length and give ids inside the vocabulary.
import Foundation
import QuillTokenizers

/// The fixture folders, relative to the repository root (scripts/fuzz.sh runs from there; QUILL_ROOT overrides).
private let folders = ["Tests/TokenizersTests/Fixtures/bert-uncased", "Tests/TokenizersTests/Fixtures/bert-cased",
                       "Tests/TokenizersTests/Fixtures/roberta-bpe", "Tests/TokenizersTests/Fixtures/xlmr-unigram",
                       "Tests/TokenizersTests/Fixtures/unigram-byte-fallback"]

private let tokenizers: [Tokenizer] = {
    let root = ProcessInfo.processInfo.environment["QUILL_ROOT"] ?? FileManager.default.currentDirectoryPath
    let loaded = folders.compactMap { try? Tokenizer(directory: URL(fileURLWithPath: root + "/" + $0)) }
    precondition(loaded.count == folders.count, "run from the repository root (or set QUILL_ROOT): fixtures missing")
    return loaded
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTokenize(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let cut = bytes.isEmpty ? 0 : Int(bytes[0]) % (bytes.count + 1)
    let first = String(decoding: bytes.dropFirst().prefix(max(0, cut - 1)), as: UTF8.self)
    let second = String(bytes.dropFirst(cut).map { Character(Unicode.Scalar($0)) })
    for tokenizer in tokenizers {
        let limit = max(tokenizer.vocabularySize, 1)
        let single = tokenizer.encode(first, maxLength: nil)
        let short = tokenizer.encode(first, maxLength: 8)
        let pair = tokenizer.encode(first, second, maxLength: 32)
        precondition(short.ids.count <= max(8, 2) && pair.ids.count <= 32, "max_length not respected")
        for encoding in [single, short, pair] {
            precondition(encoding.ids.count == encoding.typeIds.count, "ids and type ids differ in length")
            precondition(encoding.ids.allSatisfy { $0 >= 0 && Int($0) < limit }, "an id outside the vocabulary")
        }
    }
    return 0
}
