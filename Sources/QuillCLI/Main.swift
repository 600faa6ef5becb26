// quill: the command line. Argument parsing and I/O only; the work happens in Notebook, Models and Hub.
// Exit codes (README table): 0 success, 1 failure (a mismatch, a missing model, a file error, a failed write to
// stdout, stderr or a file), 64 usage error (EX_USAGE), 65 bad input data, a failing cell or notebook diagnostics
// (EX_DATAERR). A reader that goes away (`quill embed | head -1`) ends quill quietly by SIGPIPE, and SIGTERM ends a
// worker quietly by SIGTERM, as for any Unix filter (a shell reports 141 and 143). See Output.swift and
// ProcessSignals.swift.
import ArgumentParser
import Foundation
import QuillCommonMark

@main
struct Quill: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quill",
        abstract: "Run Markdown notebooks of sentence-embedding cells against Quill's own inference engine.",
        // Quill's version and the libcmark it runs on (the system library's, read at run time).
        version: "\(QuillVersion.string) (libcmark \(QuillCommonMark.Document.cmarkVersion))",
        subcommands: [
            RunCommand.self, CheckCommand.self, UpdateCommand.self, WatchCommand.self,
            EmbedCommand.self, ScoreCommand.self, TokenizeCommand.self,
            ModelsCommand.self, FetchCommand.self, CacheCommand.self,
        ])

    static func main() async {
        StandardStreams.guardClosedDescriptors()
        StandardStreams.ignoreWriteSignals()
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as CLIError {
            fail(error.description, code: error.code)
        } catch let error as WriteError {
            if error.isBrokenPipe { StandardStreams.die(of: SIGPIPE) }
            fail(error.description, code: 1)
        } catch is Terminated {
            StandardStreams.die(of: SIGTERM)
        } catch {
            finish(parserError: error)
        }
        // A progress line (the notebook commands' Report) that could not be written fails the command.
        if Console.failure.withLock({ $0 != nil }) { Foundation.exit(1) }
    }

    /// What ArgumentParser's `exit(withError:)` does (help and version to stdout, usage errors to stderr, its
    /// exit code), with the text written through Console, so that `quill --help > /dev/full` fails too.
    static func finish(parserError error: any Error) -> Never {
        let code = exitCode(for: error)
        let message = fullMessage(for: error)
        if !message.isEmpty {
            do {
                if code == .success { try Console.out(message + "\n") } else { try Console.err(message + "\n") }
            } catch let failure as WriteError {
                if failure.isBrokenPipe { StandardStreams.die(of: SIGPIPE) }
                if code == .success { fail(failure.description, code: 1) }
            } catch {}
        }
        Foundation.exit(code == .success && Console.failure.withLock({ $0 != nil }) ? 1 : code.rawValue)
    }

    /// The error on stderr, where stderr still works, and the exit status.
    static func fail(_ message: String, code: Int32) -> Never {
        try? Console.err("quill: error: \(message)\n")
        Foundation.exit(code)
    }
}
