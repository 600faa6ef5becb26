// One post-LN transformer layer's weights, and where each family's checkpoint keeps them: the query, key and value
// projections (stacked into one GEMM), the attention output, its LayerNorm, the feed-forward pair and its LayerNorm.
// BERT/RoBERTa: attention.self.query ...; MPNet: attention.attn.q ...; DistilBERT: attention.q_lin ..., ffn.lin1.
//
// Shapes: C = hidden size, I = intermediate size.
import QuillTensors

/// The checkpoint names of one layer's weights (each followed by ".weight" / ".bias"), under `layers.<i>`.
struct LayerWeightNames: Sendable {
    /// Where the layers are: `<layers>.<i>`.
    let layers: String
    let query, key, value, attentionOutput, attentionNorm: String
    let intermediate, output, outputNorm: String

    init(_ family: EncoderFamily) {
        switch family {
        case .bert, .roberta:
            (layers, query, key, value) = ("encoder.layer", "attention.self.query", "attention.self.key", "attention.self.value")
            (attentionOutput, attentionNorm) = ("attention.output.dense", "attention.output.LayerNorm")
            (intermediate, output, outputNorm) = ("intermediate.dense", "output.dense", "output.LayerNorm")
        case .mpnet:
            (layers, query, key, value) = ("encoder.layer", "attention.attn.q", "attention.attn.k", "attention.attn.v")
            (attentionOutput, attentionNorm) = ("attention.attn.o", "attention.LayerNorm")
            (intermediate, output, outputNorm) = ("intermediate.dense", "output.dense", "output.LayerNorm")
        case .distilbert:
            (layers, query, key, value) = ("transformer.layer", "attention.q_lin", "attention.k_lin", "attention.v_lin")
            (attentionOutput, attentionNorm) = ("attention.out_lin", "sa_layer_norm")
            (intermediate, output, outputNorm) = ("ffn.lin1", "ffn.lin2", "output_layer_norm")
        }
    }
}

struct EncoderLayer: Sendable {
    let qkv: Linear              // C -> 3C: query, key and value weights stacked
    let attentionOutput: Linear  // C -> C
    let attentionNorm: LayerNormParams
    let intermediate: Linear     // C -> I
    let output: Linear           // I -> C
    let outputNorm: LayerNormParams

    /// `w`: the layer's scope (`encoder.layer.<i>`).
    init(_ w: Weights, _ config: TransformerConfig, names n: LayerWeightNames) throws(LoadError) {
        let C = config.hiddenSize
        let q = try w.tensor(n.query + ".weight", shape: [C, C])
        let k = try w.tensor(n.key + ".weight", shape: [C, C])
        let v = try w.tensor(n.value + ".weight", shape: [C, C])
        let qb = try w.tensor(n.query + ".bias", shape: [C])
        let kb = try w.tensor(n.key + ".bias", shape: [C])
        let vb = try w.tensor(n.value + ".bias", shape: [C])
        qkv = Linear(weight: q + k + v, bias: qb + kb + vb, in: C, out: 3 * C)
        attentionOutput = try Linear(w.scoped(n.attentionOutput), in: C, out: C)
        attentionNorm = try LayerNormParams(w.scoped(n.attentionNorm), size: C, eps: config.layerNormEps)
        intermediate = try Linear(w.scoped(n.intermediate), in: C, out: config.intermediateSize)
        output = try Linear(w.scoped(n.output), in: config.intermediateSize, out: C)
        outputNorm = try LayerNormParams(w.scoped(n.outputNorm), size: C, eps: config.layerNormEps)
    }
}
