// The engine behind `quill run/check/update`. Placeholder until the engine team wires its adapter in here.

import Foundation
import Notebook

func makeEngine() -> any Engine {
    UnwiredEngine()
}

private struct UnwiredEngine: Engine {
    struct NotWired: Error, CustomStringConvertible {
        var description: String { "the inference engine is not wired into this build yet" }
    }
    func loadBiEncoder(_ reference: String, notebookDirectory: URL) throws -> any BiEncoderModel { throw NotWired() }
    func loadCrossEncoder(_ reference: String, notebookDirectory: URL) throws -> any CrossEncoderModel { throw NotWired() }
}
