// quill: the command line. Argument parsing and I/O only; the work happens in Notebook, Models and Hub.
// Exit codes (README table): 0 success, 1 failure (a mismatch, a missing model, a file error), 64 usage error
// (EX_USAGE), 65 bad input data, a failing cell or notebook diagnostics (EX_DATAERR).
import ArgumentParser
import Foundation

@main
struct Quill: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quill",
        abstract: "Run Markdown notebooks of sentence-embedding cells against Quill's own inference engine.",
        version: QuillVersion.string,
        subcommands: [
            RunCommand.self, CheckCommand.self, UpdateCommand.self,
            EmbedCommand.self, ScoreCommand.self, TokenizeCommand.self,
            ModelsCommand.self, FetchCommand.self,
        ])

    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as CLIError {
            FileHandle.standardError.write(Data("quill: error: \(error.description)\n".utf8))
            Foundation.exit(error.code)
        } catch {
            exit(withError: error)
        }
    }
}
