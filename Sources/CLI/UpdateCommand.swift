import ArgumentParser

// Placeholder: replaced by the command's implementation.
struct UpdateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "update", abstract: "(not yet implemented)")
    func run() throws { throw ValidationError("quill update is not implemented yet") }
}
