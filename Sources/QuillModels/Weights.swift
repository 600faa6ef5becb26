// A scoped view over a model's safetensors weights: checkpoint key strings appear only at the load sites, every
// tensor is checked against the shape the config implies, and errors name the file and the tensor.
import Foundation
import QuillTensors

/// Something that holds named tensors: one safetensors file or a sharded set. Both readers expose the same
/// `tensors` table and `tensor(_:)`, so one extension serves both.
protocol TensorStore: Sendable {
    var tensors: [String: TensorInfo] { get }
    func tensor(_ name: String) throws(SafetensorsError) -> Tensor
}

extension TensorStore {
    var tensorNames: [String] { Array(tensors.keys) }
    func contains(_ name: String) -> Bool { tensors[name] != nil }
    func shape(of name: String) -> [Int]? { tensors[name]?.shape }
    func floats(_ name: String) throws -> [Float] { try tensor(name).scalars }
}

extension SafetensorsFile: TensorStore {}
extension ShardedSafetensors: TensorStore {}

/// Named weights under a key prefix, e.g. `Weights(...).scoped("encoder.layer.0")`.
struct Weights: Sendable {
    let store: any TensorStore
    let file: String
    let prefix: String

    /// Opens the weights of a transformers folder: model.safetensors, or model.safetensors.index.json and its
    /// shards. A folder with only pickle weights is refused; nothing is ever unpickled.
    static func open(directory: URL) throws(LoadError) -> Weights {
        let single = directory.appendingPathComponent("model.safetensors")
        let index = directory.appendingPathComponent("model.safetensors.index.json")
        let fm = FileManager.default
        do {
            if fm.fileExists(atPath: single.path) {
                return Weights(store: try SafetensorsFile(url: single), file: single.path, prefix: "")
            }
            if fm.fileExists(atPath: index.path) {
                return Weights(store: try ShardedSafetensors(indexURL: index), file: index.path, prefix: "")
            }
        } catch {
            throw .weights("\(error)")
        }
        let names = (try? fm.contentsOfDirectory(atPath: directory.path)) ?? []
        let pickles = names.filter { $0.hasSuffix(".bin") || $0.hasSuffix(".pt") || $0.hasSuffix(".pth") || $0.hasSuffix(".ckpt") }
        if !pickles.isEmpty { throw .pickleOnly(directory: directory.path, files: pickles.sorted()) }
        throw .missingFile(single.path, hint: "a model folder needs model.safetensors (or model.safetensors.index.json)")
    }

    func scoped(_ name: String) -> Weights {
        Weights(store: store, file: file, prefix: key(name) + ".")
    }

    func key(_ name: String) -> String { prefix + name }

    func contains(_ name: String) -> Bool { store.contains(key(name)) }

    /// The tensor `name` (under this scope), which must have exactly `shape`.
    func tensor(_ name: String, shape expected: [Int]) throws(LoadError) -> [Float] {
        var full = key(name)
        // Old checkpoints name LayerNorm parameters gamma/beta; transformers renames them on load.
        if !store.contains(full) {
            if name.hasSuffix("weight"), store.contains(prefix + name.dropLast(6) + "gamma") {
                full = prefix + name.dropLast(6) + "gamma"
            } else if name.hasSuffix("bias"), store.contains(prefix + name.dropLast(4) + "beta") {
                full = prefix + name.dropLast(4) + "beta"
            }
        }
        guard let actual = store.shape(of: full) else { throw .missingTensor(name: key(name), file: file) }
        guard actual == expected else { throw .shapeMismatch(name: full, file: file, expected: expected, actual: actual) }
        do { return try store.floats(full) } catch { throw .weights("\(error)") }
    }
}
