// Fuzz target: the tokenizer.json loader (QuillTokenizers' TokenizerFile) on arbitrary bytes, and then encoding with
// whatever it accepted. Loading must throw TokenizerError or give a tokenizer that encodes any text without
// trapping, and every id it gives must lie inside its vocabulary.
import QuillJSON
@testable import QuillTokenizers

private let probes = ["", "Hello, world!", "한국어 문장입니다", "ｆｕｌｌ-ｗｉｄｔｈ", "e\u{301}\u{0}\t\r\n😀", String(repeating: "ab", count: 300)]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTokenizerFile(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    guard let json = try? JSONParser.parse(bytes),
          let components = try? TokenizerFile.decode(json, file: "tokenizer.json") else { return 0 }
    let tokenizer = Tokenizer(components: components, config: TokenizerConfig())
    for text in probes {
        for encoding in [tokenizer.encode(text, maxLength: nil), tokenizer.encode(text, text, maxLength: 16)] {
            precondition(encoding.ids.count == encoding.typeIds.count, "ids and type ids differ in length")
            precondition(encoding.ids.allSatisfy { $0 >= 0 && Int($0) < max(tokenizer.vocabularySize, 1) },
                         "an id outside the vocabulary")
        }
    }
    return 0
}
