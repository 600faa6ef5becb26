// sentence-transformers' Pooling module: token embeddings of one sequence -> one vector.
// Mirrors sentence_transformers/sentence_transformer/modules/pooling.py (v6.2): several modes concatenate in the
// order configured (legacy pooling_mode_* flags in the order cls, max, mean, mean_sqrt_len_tokens, weightedmean,
// lasttoken).
import Foundation
import QuillJSON

public enum PoolingMode: String, Sendable, CaseIterable {
    case cls
    case max
    case mean
    case meanSqrtLen = "mean_sqrt_len_tokens"
    case weightedMean = "weightedmean"
    case lastToken = "lasttoken"

    /// Legacy config keys, in the reference's order of concatenation.
    static let legacyKeys: [(String, PoolingMode)] = [
        ("pooling_mode_cls_token", .cls), ("pooling_mode_max_tokens", .max), ("pooling_mode_mean_tokens", .mean),
        ("pooling_mode_mean_sqrt_len_tokens", .meanSqrtLen), ("pooling_mode_weightedmean_tokens", .weightedMean),
        ("pooling_mode_lasttoken", .lastToken),
    ]
}

public struct Pooling: Sendable {
    public var modes: [PoolingMode]
    public var dimension: Int  // token embedding width
    /// include_prompt: false when sentence-transformers leaves a prompt's tokens out of the pooled vector (INSTRUCTOR
    /// models); Quill pools every token, so callers must not prompt such a model.
    public var includePrompt: Bool

    public init(modes: [PoolingMode], dimension: Int, includePrompt: Bool = true) {
        self.modes = modes
        self.dimension = dimension
        self.includePrompt = includePrompt
    }

    public var outputDimension: Int { modes.count * dimension }

    /// Reads 1_Pooling/config.json in either the legacy (pooling_mode_* flags) or the v6 (`pooling_mode`) format.
    static func load(_ url: URL, dimension: Int) throws(LoadError) -> Pooling {
        let f = try ConfigFile.read(url)
        var modes: [PoolingMode] = []
        if let mode = f.root["pooling_mode"], !mode.isNull {
            let names: [JSONValue] = mode.arrayValue ?? [mode]
            for name in names {
                guard let s = name.stringValue, let m = PoolingMode(rawValue: s) else {
                    throw .unsupported(what: "pooling_mode", value: name.stringValue ?? name.kindName, file: f.path,
                                       supported: PoolingMode.allCases.map(\.rawValue))
                }
                modes.append(m)
            }
        } else {
            for (key, mode) in PoolingMode.legacyKeys {
                if try f.bool(key) == true { modes.append(mode) }
            }
            if modes.isEmpty { modes = [.mean] }
        }
        var width = dimension
        if let w = try f.int("word_embedding_dimension") {
            width = w
        } else if let w = try f.int("embedding_dimension") {
            width = w
        }
        guard width == dimension else {
            throw .invalidConfig(file: f.path, reason: "embedding dimension \(width) does not match the encoder's hidden size \(dimension)")
        }
        return Pooling(modes: modes, dimension: dimension, includePrompt: try f.bool("include_prompt") ?? true)
    }

    /// tokens: (L, C) rows of one sequence -> (modes.count * C).
    func pool(_ tokens: UnsafePointer<Float>, length L: Int) -> [Float] {
        let C = dimension
        var out: [Float] = []
        out.reserveCapacity(outputDimension)
        var sum: [Double]?
        func meanSum() -> [Double] {
            if let sum { return sum }
            var s = [Double](repeating: 0, count: C)
            for t in 0..<L { for c in 0..<C { s[c] += Double(tokens[t * C + c]) } }
            sum = s
            return s
        }
        for mode in modes {
            switch mode {
            case .cls:
                for c in 0..<C { out.append(L > 0 ? tokens[c] : 0) }
            case .max:
                for c in 0..<C {
                    var m = -Float.infinity
                    for t in 0..<L { m = Swift.max(m, tokens[t * C + c]) }
                    out.append(m)
                }
            case .mean, .meanSqrtLen:
                // Clamped like the reference: an empty sequence gives zeros, not NaN.
                let n = Swift.max(Double(L), 1e-9)
                let denominator = mode == .mean ? n : n.squareRoot()
                for v in meanSum() { out.append(Float(v / denominator)) }
            case .weightedMean:
                var s = [Double](repeating: 0, count: C)
                var weights = 0.0
                for t in 0..<L {
                    let w = Double(t + 1)
                    weights += w
                    for c in 0..<C { s[c] += w * Double(tokens[t * C + c]) }
                }
                for v in s { out.append(Float(v / Swift.max(weights, 1e-9))) }
            case .lastToken:
                for c in 0..<C { out.append(L > 0 ? tokens[(L - 1) * C + c] : 0) }
            }
        }
        return out
    }
}
