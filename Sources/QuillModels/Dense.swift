// sentence-transformers' Dense module: y = activation(W x + b), with weights in <module>/model.safetensors
// (keys linear.weight, linear.bias) and settings in <module>/config.json.
import Foundation
import QuillTensors

/// The activations a Dense module (or a cross-encoder) may name, by their Python import path's last component.
public enum ActivationFunction: String, Sendable {
    case identity = "Identity"
    case tanh = "Tanh"
    case sigmoid = "Sigmoid"
    case relu = "ReLU"
    case gelu = "GELU"
    case softmax = "Softmax"

    static let supported = ["torch.nn.modules.linear.Identity", "torch.nn.modules.activation.Tanh",
                            "torch.nn.modules.activation.Sigmoid", "torch.nn.modules.activation.ReLU",
                            "torch.nn.modules.activation.GELU", "torch.nn.modules.activation.Softmax"]

    /// From a path like "torch.nn.modules.activation.Sigmoid" (or "torch.nn.Sigmoid").
    init?(path: String) {
        guard let last = path.split(separator: ".").last, let f = ActivationFunction(rawValue: String(last)) else { return nil }
        self = f
    }

    /// Applies to each row of x (rows, width) in place.
    func apply(_ x: inout [Float], rows: Int, width: Int) {
        x.withUnsafeMutableBufferPointer { b in
            guard let p = b.baseAddress else { return }
            switch self {
            case .identity: break
            case .tanh: tanhInPlace(p, count: b.count)
            case .sigmoid: sigmoidInPlace(p, count: b.count)
            case .relu: QuillTensors.relu(p, count: b.count)
            case .gelu: geluErf(p, count: b.count)
            case .softmax: softmaxRows(p, rows: rows, columns: width)
            }
        }
    }
}

struct DenseModule: Sendable {
    let linear: Linear
    let activation: ActivationFunction

    static func load(directory: URL) throws(LoadError) -> DenseModule {
        let f = try ConfigFile.read(directory.appendingPathComponent("config.json"))
        let inF = try f.requiredInt("in_features"), outF = try f.requiredInt("out_features")
        guard inF > 0, outF > 0, inF <= 1 << 20, outF <= 1 << 20 else {
            throw .invalidConfig(file: f.path, reason: "in_features/out_features out of range")
        }
        let path = try f.string("activation_function") ?? "torch.nn.modules.activation.Tanh"
        guard let act = ActivationFunction(path: path) else {
            throw .unsupported(what: "activation_function", value: path, file: f.path, supported: ActivationFunction.supported)
        }
        let weights = try Weights.open(directory: directory)
        let linear = try Linear(weights.scoped("linear"), in: inF, out: outF, bias: try f.bool("bias") ?? true)
        return DenseModule(linear: linear, activation: act)
    }

    func callAsFunction(_ x: [Float]) -> [Float] {
        var y = linear(x, rows: 1)
        activation.apply(&y, rows: 1, width: linear.outFeatures)
        return y
    }
}
