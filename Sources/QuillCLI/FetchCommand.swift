// `quill fetch`: one model into the shared Hugging Face cache; the folder it lands in on stdout.
import ArgumentParser
import Foundation
import QuillHub

/// `quill fetch NAME`: download a model into the shared Hugging Face cache (as sentence-transformers would).
struct FetchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Download a model from the Hugging Face hub into the shared cache.",
        discussion: """
            NAME is 'org/name' or a bare name, which means 'sentence-transformers/NAME'. Files go to \
            $SENTENCE_TRANSFORMERS_HOME if set, else $HF_HUB_CACHE (default ~/.cache/huggingface/hub), in the \
            layout Python's huggingface_hub uses, so both share one cache. Only safetensors weights are fetched. \
            Nothing is written when the files to download add up to more than the size limit (default 5 GB; \
            --max-download-size or QUILL_MAX_DOWNLOAD_SIZE). Honours HF_ENDPOINT, HF_TOKEN and HF_HUB_OFFLINE.
            """)

    @Argument(help: "Model id, e.g. all-MiniLM-L6-v2 or BAAI/bge-small-en-v1.5.")
    var name: String

    @Option(name: .long, help: "Branch, tag or commit (default: main).")
    var revision: String?

    @Option(name: .customLong("max-download-size"),
            help: ArgumentHelp("Most bytes to download: a number, or 500M, 2G, 10GB, 4GiB (default: "
                               + "QUILL_MAX_DOWNLOAD_SIZE, else 5G).", valueName: "size"),
            transform: FetchCommand.byteSize)
    var maxDownloadSize: Int64?

    private static func byteSize(_ text: String) throws -> Int64 {
        do throws(HubError) { return try ByteSize.parse(text, name: "--max-download-size") } catch {
            if case let .invalidSetting(_, _, reason) = error { throw ValidationError(reason) }
            throw ValidationError(error.description)
        }
    }

    func validate() throws {
        if name.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("NAME must not be empty") }
    }

    func run() throws {
        let resolver = ModelResolver(progress: true, maxDownloadSize: maxDownloadSize)
        let folder: URL
        do { folder = try resolver.fetch(name, revision: revision) } catch {
            try Console.err("error: \(error.description)\n")
            throw ExitCode(1)
        }
        try Console.out(folder.path + "\n")
    }
}
