// `quill tokenize`: token ids as the model sees them, one line of ids per input line, streamed as embed and
// score are (Batches.swift).
import ArgumentParser
import Foundation
import QuillJSON
import QuillModels

struct TokenizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokenize",
        abstract: "Token ids as the model sees them (special tokens included, truncated as the model truncates).")

    @OptionGroup var io: ModelIOOptions

    @Flag(name: .long, help: "Input lines are [a, b] pairs, tokenized as a cross-encoder does.")
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
            pairs ? try Records.pair(line, source: source, objects: false)
                : try Records.sentence(line, source: source, objects: false)
        }
        try Batches.run(&reader, convert: convert) { batch in
            for item in batch { try out.line(ids(tokenize(item.record))) }
            try out.endBatch()
        }
        try out.finish()
    }
}
