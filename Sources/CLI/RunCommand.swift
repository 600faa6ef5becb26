import ArgumentParser

// Placeholder: replaced by the command's implementation.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "(not yet implemented)")
    func run() throws { throw ValidationError("quill run is not implemented yet") }
}
