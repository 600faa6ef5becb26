// Model references on the command line: a folder, or a name resolved like sentence-transformers does.
import Foundation
import Models

/// The folder for a model reference.
func resolveModel(_ reference: String) throws -> URL {
    let url = URL(fileURLWithPath: reference)
    var isDir: ObjCBool = false
    if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), isDir.boolValue { return url }
    throw CLIError(description: "\(reference): no such model folder")
}

func loadBiEncoder(_ reference: String) throws -> BiEncoder {
    let folder = try resolveModel(reference)
    do { return try BiEncoder(directory: folder) } catch { throw CLIError(description: "\(error)") }
}

func loadCrossEncoder(_ reference: String) throws -> CrossEncoder {
    let folder = try resolveModel(reference)
    do { return try CrossEncoder(directory: folder) } catch { throw CLIError(description: "\(error)") }
}
