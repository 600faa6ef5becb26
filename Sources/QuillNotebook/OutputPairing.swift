// A cell's expected output: the fenced `output` block that directly follows it in the same container (no other block
// in between).

import QuillCommonMark

extension NotebookReader {
    /// The output block after `blocks[index]` (preorder nodes), if its next sibling is one; an unterminated one is reported
    /// and left unpaired.
    mutating func pairedOutput(after index: Int, in blocks: [Node], _ document: Document) -> Block? {
        guard index + 1 < blocks.count, blocks[index + 1].parent == blocks[index].parent else { return nil }
        let next = blocks[index + 1]
        guard next.kind == .codeBlock, CellFence.firstWord(next.info) == Notebook.outputInfo else { return nil }
        guard let output = CellFence.fencedBlock(next, document: document, bytes: bytes) else {
            fail("unterminated code fence in the output block", next.range,
                 hint: "close the block with a line of ``` as long as its opening fence")
            return nil
        }
        return output
    }
}
