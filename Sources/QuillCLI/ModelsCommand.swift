// `quill models`: the models Quill can resolve without the network; every line through Console (Output.swift).
import ArgumentParser
import Foundation
import QuillHub

/// `quill models`: the models Quill can use without the network, with where they are and their size.
struct ModelsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "models",
        abstract: "List the models Quill can resolve without the network (local folders and the Hugging Face cache).",
        discussion: "Searched: ./models, $QUILL_MODEL_PATH, $SENTENCE_TRANSFORMERS_HOME, $HF_HUB_CACHE, $HF_HOME/hub, ~/.cache/huggingface/hub.")

    @Flag(name: .long, help: "Show the folder of each model.")
    var paths = false

    func run() throws {
        let resolver = ModelResolver()
        let models = resolver.listModels()
        if models.isEmpty {
            try Console.out("No models found. Download one with `quill fetch NAME` (cache: \(resolver.downloadCache.path)).\n")
            return
        }
        let width = min(models.map(\.name.count).max() ?? 0, 60)
        for model in models {
            var line = model.name.padding(toLength: max(width, model.name.count), withPad: " ", startingAt: 0)
            line += "  " + Self.format(bytes: model.size).leftPadded(to: 9)
            line += "  " + (model.source == .local ? "local" : "cache")
            if let revision = model.revision { line += "  " + revision }
            if !model.complete { line += "  (incomplete: no safetensors weights)" }
            if paths { line += "\n    " + model.path.path }
            try Console.out(line + "\n")
        }
    }

    static func format(bytes: Int64) -> String {
        let units = ["B", "KB", "MB", "GB", "TB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1024, unit < units.count - 1 { value /= 1024; unit += 1 }
        return unit == 0 ? "\(bytes) B" : String(format: "%.1f %@", value, units[unit])
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
