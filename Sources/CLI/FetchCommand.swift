// `quill fetch`: one model into the shared Hugging Face cache; the folder it lands in on stdout.
import ArgumentParser
import Foundation
import Hub

/// `quill fetch NAME`: download a model into the shared Hugging Face cache (as sentence-transformers would).
struct FetchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Download a model from the Hugging Face hub into the shared cache.",
        discussion: """
            NAME is 'org/name' or a bare name, which means 'sentence-transformers/NAME'. Files go to \
            $SENTENCE_TRANSFORMERS_HOME if set, else $HF_HUB_CACHE (default ~/.cache/huggingface/hub), in the \
            layout Python's huggingface_hub uses, so both share one cache. Only safetensors weights are fetched. \
            Honours HF_ENDPOINT, HF_TOKEN and HF_HUB_OFFLINE.
            """)

    @Argument(help: "Model id, e.g. all-MiniLM-L6-v2 or BAAI/bge-small-en-v1.5.")
    var name: String

    @Option(name: .long, help: "Branch, tag or commit (default: main).")
    var revision: String?

    func validate() throws {
        if name.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("NAME must not be empty") }
    }

    func run() throws {
        let resolver = ModelResolver(progress: true)
        let folder: URL
        do { folder = try resolver.fetch(name, revision: revision) } catch {
            try Console.err("error: \(error.description)\n")
            throw ExitCode(1)
        }
        try Console.out(folder.path + "\n")
    }
}
