// The embedding layer: word + token type (BERT, RoBERTa) + position, then LayerNorm, for packed sequences.
// Position ids as transformers computes them: 0..<L (BERT, DistilBERT), or counting up from a padding index
// (RoBERTa: pad_token_id; MPNet: 1), see positions(_:).
//
// Shapes: T = packed tokens, C = hidden size.
import Foundation
import QuillTensors

struct Embeddings: Sendable {
    let word: [Float]        // (vocab, C)
    let position: [Float]    // (maxPositions, C)
    let tokenType: [Float]?  // (typeVocab, C); nil where the family has no token types (MPNet, DistilBERT)
    let norm: LayerNormParams
    let hidden: Int
    let maxPositions: Int
    let typeVocab: Int
    /// Where positions count from (RoBERTa, MPNet); nil: 0..<L.
    let paddingIndex: Int?

    /// `w`: the `embeddings` scope.
    init(_ w: Weights, _ config: TransformerConfig) throws(LoadError) {
        let C = config.hiddenSize, M = config.maxPositionEmbeddings
        hidden = C
        maxPositions = M
        typeVocab = config.typeVocabSize
        paddingIndex = config.family.positionPaddingIndex(padTokenId: config.padTokenId)
        word = try w.tensor("word_embeddings.weight", shape: [config.vocabSize, C])
        if config.sinusoidalPositions && !w.contains("position_embeddings.weight") {
            position = sinusoids(positions: M, dimension: C)
        } else {
            position = try w.tensor("position_embeddings.weight", shape: [M, C])
        }
        tokenType = config.family.hasTokenTypes
            ? try w.tensor("token_type_embeddings.weight", shape: [config.typeVocabSize, C]) : nil
        norm = try LayerNormParams(w.scoped("LayerNorm"), size: C, eps: config.layerNormEps)
    }

    /// Position ids of one sequence. BERT, DistilBERT: 0..<L. RoBERTa and MPNet (create_position_ids_from_input_ids):
    /// real tokens count up from the padding index + 1, and a pad token (even a literal "<pad>" inside the text)
    /// gets the padding index without advancing the count.
    func positions(_ ids: ArraySlice<Int32>) -> [Int] {
        guard let pad = paddingIndex else { return Array(0..<ids.count) }
        var n = 0
        return ids.map { id in
            if Int(id) == pad { return pad }
            n += 1
            return pad + n
        }
    }

    /// The embeddings of `batch` into x (T, C), then LayerNorm. Token ids must be in range (checked by the caller).
    func callAsFunction(_ batch: PackedBatch, into x: UnsafeMutablePointer<Float>, parallel: Bool) {
        let C = hidden
        word.withUnsafeBufferPointer { word in
            position.withUnsafeBufferPointer { position in
                for s in 0..<batch.sequenceCount {
                    let range = batch.offsets[s]..<batch.offsets[s + 1]
                    let positions = positions(batch.ids[range])
                    for (j, row) in range.enumerated() {
                        let w = word.baseAddress! + Int(batch.ids[row]) * C
                        let p = position.baseAddress! + min(positions[j], maxPositions - 1) * C
                        let o = x + row * C
                        for c in 0..<C { o[c] = w[c] }
                        addTokenType(batch.typeIds[row], to: o)
                        // (word + token type) + position, in transformers' order of additions.
                        for c in 0..<C { o[c] += p[c] }
                    }
                }
            }
        }
        norm.apply(x, rows: batch.tokenCount, parallel: parallel)
    }

    private func addTokenType(_ id: Int32, to o: UnsafeMutablePointer<Float>) {
        guard let tokenType else { return }
        let type = min(max(Int(id), 0), typeVocab - 1)
        tokenType.withUnsafeBufferPointer { t in
            let row = t.baseAddress! + type * hidden
            for c in 0..<hidden { o[c] += row[c] }
        }
    }
}

/// DistilBERT's create_sinusoidal_embeddings, for a checkpoint that leaves the fixed table out: row p, column j is
/// sin (even j) or cos (odd j) of p / 10000^(2·⌊j/2⌋ / C), computed in Double and rounded to Float as numpy's.
func sinusoids(positions M: Int, dimension C: Int) -> [Float] {
    var table = [Float](repeating: 0, count: M * C)
    for p in 0..<M {
        for j in 0..<C {
            let angle = Double(p) / pow(10000, Double(2 * (j / 2)) / Double(C))
            table[p * C + j] = Float(j % 2 == 0 ? sin(angle) : cos(angle))
        }
    }
    return table
}
