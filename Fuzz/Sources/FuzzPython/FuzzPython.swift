// Fuzz target: the cell language. Arbitrary bytes, decoded leniently as UTF-8, are parsed and, when they parse, run
// in a session with Quill's stand-in engine and tight bounds (a 0.1 s deadline, 16 MB of values, 64 KB of output).
// Neither may crash, hang or exceed its bounds: a bad program ends in a Python exception, like CPython's.
import Foundation
import QuillNotebook
import QuillPython

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPython(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let source = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard (try? Parser.parse(source)) != nil else { return 0 }
    let options = SessionOptions(dataDirectory: nil, memoryLimit: 16_000_000, outputLimit: 64 << 10)
    let session = Session(host: HashEngine(), options: options)
    let started = ContinuousClock.now
    let outcome = session.run(source, deadline: started + .milliseconds(100))
    precondition(outcome.output.utf8.count <= (64 << 10) + 4096, "output past its bound")
    precondition(ContinuousClock.now - started < .seconds(5), "a cell ran far past its deadline")
    return 0
}
