import ArgumentParser

// Placeholder: replaced by the command's implementation.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "(not yet implemented)")
    func run() throws { throw ValidationError("quill check is not implemented yet") }
}
