// Fuzz target: QuillJSON's parser on arbitrary bytes. It must return a value or throw JSONError: never crash, hang
// or run out of stack (nesting is bounded by maxDepth), and it must be deterministic.
import QuillJSON

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let first = try? JSONParser.parse(bytes)
    let second = try? JSONParser.parse(bytes)
    precondition(first == second, "the JSON parser is not deterministic")
    _ = try? JSONParser.parse(bytes, allowDuplicateKeys: true)
    return 0
}
