// The encoder's scratch buffers: a worker's rows through every layer (LayerScratch), a cross-encoder's batch-wide
// first-token rows (FirstTokenScratch), and the row counts the packed GEMM wants (paddedRows).
//
// Shapes: T = packed tokens, B = sequences, C = hidden size, I = intermediate size.
import QuillTensors

/// Buffers for one group (or batch) through the encoder, reused by every layer and group: a worker owns one.
final class LayerScratch: @unchecked Sendable {
    let x: UnsafeMutablePointer<Float>        // (T, C): the hidden states, layer after layer
    let first: UnsafeMutablePointer<Float>    // (B, C): the group's first-token rows going into the last layer
    let qkv: UnsafeMutablePointer<Float>      // (T, 3C)
    let context: UnsafeMutablePointer<Float>  // (T, C)
    let hidden: UnsafeMutablePointer<Float>   // (T, C)
    let inner: UnsafeMutablePointer<Float>    // (T, I)
    let heads: UnsafeMutablePointer<Float>?   // FirstTokenAttention's scratch, when the group reads first tokens only

    init(tokens T: Int, sequences B: Int, config: TransformerConfig, firstTokens: Bool = false) {
        let C = config.hiddenSize, I = config.intermediateSize, rows = scratchRows(max(T, B))
        x = zeroedFloats(rows * C)
        first = zeroedFloats(rows * C)
        qkv = zeroedFloats(rows * 3 * C)
        context = zeroedFloats(rows * C)
        hidden = zeroedFloats(rows * C)
        inner = zeroedFloats(rows * I)
        heads = firstTokens ? zeroedFloats(FirstTokenAttention.scratchCount(sequences: B, longest: T, heads: config.headCount,
                                                                             hidden: C)) : nil
    }

    deinit {
        x.deallocate()
        first.deallocate()
        qkv.deallocate()
        context.deallocate()
        hidden.deallocate()
        inner.deallocate()
        heads?.deallocate()
    }
}

/// The cross-encoder's batch-wide rows for the rest of the last layer: one row per sequence (its first token)
/// in each buffer, and no token-wide buffers.
final class FirstTokenScratch: @unchecked Sendable {
    let first: UnsafeMutablePointer<Float>    // (B, C): the residual in, the last layer's output out
    let context: UnsafeMutablePointer<Float>  // (B, C): the first tokens' attention
    let hidden: UnsafeMutablePointer<Float>   // (B, C)
    let inner: UnsafeMutablePointer<Float>    // (B, I)

    init(sequences B: Int, config: TransformerConfig) {
        let C = config.hiddenSize, rows = scratchRows(B)
        first = zeroedFloats(rows * C)
        context = zeroedFloats(rows * C)
        hidden = zeroedFloats(rows * C)
        inner = zeroedFloats(rows * config.intermediateSize)
    }

    deinit {
        first.deallocate()
        context.deallocate()
        hidden.deallocate()
        inner.deallocate()
    }
}

/// Rows the dense operations run on: `rows` rounded up to the packed GEMM's row tile (PackedWeight.rowTile, 8), so
/// that no product ends in a partial tile (which the GEMM would copy into a padded tile for every panel). The extra
/// rows are scratch that no sequence owns: they hold finite leftovers, go through the row-wise operations like any
/// row, and attention and the results never read them.
func paddedRows(_ rows: Int) -> Int {
    let tile = PackedWeight.rowTile
    return (rows + tile - 1) / tile * tile
}

/// Rows of a scratch buffer for `count` rows: paddedRows, at least one tile.
func scratchRows(_ count: Int) -> Int { paddedRows(max(count, 1)) }

/// A buffer of zeros to start, so every row a product reads is finite.
private func zeroedFloats(_ count: Int) -> UnsafeMutablePointer<Float> {
    let p = UnsafeMutablePointer<Float>.allocate(capacity: count)
    p.initialize(repeating: 0, count: count)
    return p
}
