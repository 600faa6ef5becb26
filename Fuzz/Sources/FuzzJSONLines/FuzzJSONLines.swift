// Fuzz target: JSON Lines input (QuillJSON's LineSplitter, Records and JSONText, which `quill embed`, `score` and
// `tokenize` read their input with). The input is a header and the data:
//   byte 0: the line limit (below 0x80: that many bytes, so that the limit is reached; else the default 64 MiB)
//   byte 1: n, then n bytes: the chunk sizes (each byte + 1, in turn) in which the data is fed
// Checks: the lines and the error are the same fed in chunks as fed whole, and the same as an independent split
// here (the stdlib's UTF-8 decoder for the validity); every line that parses as JSON gives JSON text that parses
// back to the same value and the same text; records and their output lines never crash, and output lines parse.
import QuillJSON

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONLines(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = Array(UnsafeBufferPointer(start: data, count: size))
    guard input.count >= 2 else { return 0 }
    let limit = input[0] < 0x80 ? Int(input[0]) : LineSplitter.defaultMaxLineBytes
    let n = min(Int(input[1]) % 8, input.count - 2)
    let sizes = input[2..<2 + n].map { Int($0) + 1 }
    let bytes = Array(input[(2 + n)...])

    let whole = feed(bytes, sizes: [], limit: limit)
    let chunked = feed(bytes, sizes: sizes, limit: limit)
    let oracle = simpleSplit(bytes, limit: limit)
    precondition(whole.lines == oracle.lines && whole.error == oracle.error, "whole input: \(whole) != oracle \(oracle)")
    precondition(chunked.lines == whole.lines && chunked.error == whole.error, "chunks \(sizes): \(chunked) != \(whole)")

    for line in whole.lines {
        guard let value = try? Records.parse(line) else { continue }
        let text = JSONText.text(value)
        guard let again = try? JSONParser.parse(Array(text.utf8), maxDepth: Records.maxDepth) else {
            preconditionFailure("JSONText gave unparsable text \(text) for line \(line.number)")
        }
        precondition(again == value && Array(JSONText.text(again).utf8) == Array(text.utf8), "JSONText round trip: \(text)")
        for objects in [true, false] {
            for record in [try? Records.sentence(line, objects: objects), try? Records.pair(line, objects: objects)] {
                guard let record else { continue }
                let out = Records.output("[0.5]", key: "embedding", for: record)
                precondition((try? JSONParser.parse(out)) != nil, "output line is not JSON: \(out)")
            }
        }
    }
    return 0
}

/// LineSplitter fed in chunks of `sizes` in turn (the whole input at once when empty), lines taken as they come.
func feed(_ bytes: [UInt8], sizes: [Int], limit: Int) -> (lines: [InputLine], error: LineError?) {
    var splitter = LineSplitter(maxLineBytes: limit)
    var lines: [InputLine] = []
    var at = 0, turn = 0
    while true {
        if at < bytes.count {
            let step = sizes.isEmpty ? bytes.count : sizes[turn % sizes.count]
            turn += 1
            splitter.append(bytes[at..<min(at + step, bytes.count)])
            at += step
        }
        if at >= bytes.count && !splitter.atEnd { splitter.finish() }
        do {
            while let line = try splitter.next() { lines.append(line) }
        } catch {
            return (lines, error)
        }
        if splitter.finished { return (lines, nil) }
    }
}
