import ArgumentParser

@main
struct Quill: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quill",
        abstract: "Run Markdown notebooks of sentence-embedding cells against Quill's own inference engine.",
        subcommands: [
            RunCommand.self, CheckCommand.self, UpdateCommand.self,
            EmbedCommand.self, ScoreCommand.self, TokenizeCommand.self,
            ModelsCommand.self, FetchCommand.self,
        ])
}
