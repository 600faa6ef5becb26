import ArgumentParser

// Placeholder: replaced by the command's implementation.
struct TokenizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tokenize", abstract: "(not yet implemented)")
    func run() throws { throw ValidationError("quill tokenize is not implemented yet") }
}
