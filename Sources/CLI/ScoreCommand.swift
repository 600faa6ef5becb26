import ArgumentParser

// Placeholder: replaced by the command's implementation.
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "score", abstract: "(not yet implemented)")
    func run() throws { throw ValidationError("quill score is not implemented yet") }
}
