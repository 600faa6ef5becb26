// Model references on the command line: a folder, or a name resolved as sentence-transformers does (local models
// folders, the shared Hugging Face cache, then the hub unless HF_HUB_OFFLINE=1). See docs/models.md.
import Foundation
import QuillHub
import QuillModels

/// The folder for a model reference.
func resolveModel(_ reference: String) throws -> URL {
    do {
        return try ModelResolver(progress: true).resolve(reference)
    } catch {
        throw CLIError(description: error.description)
    }
}

func loadBiEncoder(_ reference: String) throws -> BiEncoder {
    let folder = try resolveModel(reference)
    do { return try BiEncoder(directory: folder) } catch { throw CLIError(description: "\(error)") }
}

func loadCrossEncoder(_ reference: String) throws -> CrossEncoder {
    let folder = try resolveModel(reference)
    do { return try CrossEncoder(directory: folder) } catch { throw CLIError(description: "\(error)") }
}
