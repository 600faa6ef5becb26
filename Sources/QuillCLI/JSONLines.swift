// What the engine commands (`quill embed`, `quill score`, `quill tokenize`) share around their JSON Lines: the
// CLI's error, the input formats and I/O options, QuillJSON's record errors named by input, and model outputs as
// JSON numbers. The records themselves (Records, JSONText) and the line splitting are QuillJSON's.
import ArgumentParser
import Foundation
import QuillJSON

/// A usage or data error that the CLI prints as is and exits with `code`.
struct CLIError: Error, CustomStringConvertible {
    var description: String
    var code: Int32 = 1
}

enum InputFormat: String, CaseIterable {
    case jsonl   // one JSON value per line
    case text    // one sentence per line, taken literally
}

/// The options every engine command shares: the model, where input comes from and where output goes.
struct ModelIOOptions: ParsableArguments {
    @Option(name: .long, help: "Model folder or name (e.g. all-MiniLM-L6-v2, cross-encoder/stsb-roberta-base).")
    var model: String

    @Option(name: .long, help: "Input file (default: stdin).")
    var input: String?

    @Option(name: .long, help: "Output file (default: stdout); it appears only once complete.")
    var output: String?
}

/// QuillJSON's records (Records, JSONText) with the input's name: a RecordError becomes a CLIError naming
/// "SOURCE:LINE", exit code 65.
extension Records {
    static func sentence(_ line: InputLine, source: String, objects: Bool = true) throws -> Record {
        do { return try sentence(line, objects: objects) } catch { throw CLIError(description: error.message(source: source), code: 65) }
    }

    static func pair(_ line: InputLine, source: String, objects: Bool = true) throws -> Record {
        do { return try pair(line, objects: objects) } catch { throw CLIError(description: error.message(source: source), code: 65) }
    }
}

/// Model outputs as JSON text, refused when not finite: NaN and infinity have no JSON form, and the .npy output
/// refuses them in the same words (`checkFinite`), so that no format carries them silently.
enum Numbers {
    static func checkFinite(_ xs: [Float], line: Int, source: String) throws {
        if let bad = xs.first(where: { !$0.isFinite }) {
            let value = bad.isNaN ? "NaN" : bad > 0 ? "infinity" : "-infinity"
            throw CLIError(description: "\(source):\(line): the model produced \(value) "
                           + "(do its weights contain NaN or infinity?)")
        }
    }

    /// The shortest text that reads back to the same Float32 (finite values only).
    static func json(_ x: Float) -> String { x == 0 ? "0.0" : "\(x)" }

    static func json(_ xs: [Float]) -> String {
        var out = "["
        for (i, x) in xs.enumerated() {
            if i > 0 { out += "," }
            out += json(x)
        }
        return out + "]"
    }
}
