import ArgumentParser

// Placeholder: replaced by the command's implementation.
struct EmbedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "embed", abstract: "(not yet implemented)")
    func run() throws { throw ValidationError("quill embed is not implemented yet") }
}
