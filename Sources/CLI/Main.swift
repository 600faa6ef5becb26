import ArgumentParser

@main
struct Quill: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quill",
        abstract: "Run Markdown notebooks of sentence-embedding cells against Quill's own inference engine.",
        subcommands: [])
}
