import ArgumentParser

// Placeholder: replaced by the command's implementation.
struct ModelsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "models", abstract: "(not yet implemented)")
    func run() throws { throw ValidationError("quill models is not implemented yet") }
}
