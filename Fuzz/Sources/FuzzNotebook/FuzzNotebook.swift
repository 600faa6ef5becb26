// Fuzz target: the notebook reader (input guards, front matter, cmark, cell discovery, output pairing, cell options)
// on arbitrary bytes. Reading never throws; every cell and output block it finds must be whole lines inside the
// file, in order, and every diagnostic must point at a line of the file.
import QuillNotebook

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNotebook(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let notebook = Notebook(path: "fuzz.md", bytes: bytes)
    var end = 0
    for cell in notebook.cells {
        for block in [cell.block] + (cell.output.map { [$0] } ?? []) {
            precondition(block.byteRange.lowerBound >= end && block.byteRange.upperBound <= size,
                         "a block outside the file or out of order")
            precondition(block.byteRange.lowerBound == 0 || bytes[block.byteRange.lowerBound - 1] == 0x0A
                         || bytes[block.byteRange.lowerBound - 1] == 0x0D, "a block that does not start a line")
            end = block.byteRange.upperBound
        }
    }
    // Lines end at LF, CRLF or a lone CR, as CommonMark counts them.
    var lines = 1
    for (i, byte) in bytes.enumerated() where byte == 0x0A || (byte == 0x0D && (i + 1 == size || bytes[i + 1] != 0x0A)) {
        lines += 1
    }
    for diagnostic in notebook.diagnostics {
        precondition(diagnostic.range.lowerBound.line >= 0 && diagnostic.range.lowerBound.line <= lines + 1,
                     "a diagnostic past the end of the file: \(diagnostic)")
    }
    return 0
}
