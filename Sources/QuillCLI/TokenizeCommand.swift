// `quill tokenize`: token ids as the model sees them, one line of ids per input line, streamed as embed and
// score are (Batches.swift). Input lines are those of embed (or of score with --pairs), id objects included:
// `{"id": ..., "text": ...}` gives `{"id": ..., "input_ids": [...]}`, a plain line a plain array.
import ArgumentParser
import Foundation
import QuillJSON
import QuillModels

struct TokenizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokenize",
        abstract: "Token ids as the model sees them (special tokens included, truncated as the model truncates).",
        discussion: """
            Each input line is a JSON string or an object {"id": ..., "text": "..."}; with --pairs an [a, b] \
            array or an object {"id": ..., "query": "...", "passage": "..."}. A plain line gives an array of ids, \
            an object line {"id": ..., "input_ids": [...]}. A bad line stops the command (exit 65) after the lines \
            before it are written.
            """)

    @OptionGroup var io: ModelIOOptions

    @Flag(name: .long, help: "Input lines are [a, b] pairs (or query/passage objects), tokenized as a cross-encoder does.")
    var pairs = false

    func run() throws {
        Termination.install()
        let folder = try resolveModel(io.model)
        var reader = try LineReader(path: io.input)
        let source = reader.source
        func ids(_ xs: [Int32]) -> String { "[" + xs.map(String.init).joined(separator: ",") + "]" }
        let tokenize: (Record) -> [Int32]
        if pairs {
            let ce = try loadCrossEncoder(folder.path)
            tokenize = { ce.tokenize($0.first, $0.second ?? "") }
        } else {
            let bi = try loadBiEncoder(folder.path)
            tokenize = { bi.tokenize($0.first) }
        }
        var out = try JSONLinesOutput(path: io.output)
        let convert = { [pairs] (line: InputLine) throws -> Record in
            pairs ? try Records.pair(line, source: source) : try Records.sentence(line, source: source)
        }
        try Batches.run(&reader, convert: convert) { batch in
            for item in batch {
                try out.line(Records.output(ids(tokenize(item.record)), key: "input_ids", for: item.record))
            }
            try out.endBatch()
        }
        try out.finish()
    }
}
