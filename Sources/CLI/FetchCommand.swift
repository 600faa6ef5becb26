import ArgumentParser

// Placeholder: replaced by the command's implementation.
struct FetchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "fetch", abstract: "(not yet implemented)")
    func run() throws { throw ValidationError("quill fetch is not implemented yet") }
}
