// MPNet's relative position bias (transformers' MPNetEncoder.compute_position_bias): for query i and key j of a
// sequence, head h adds table[bucket(j - i)][h] to its scaled attention scores, in every layer (the table is the
// encoder's, layer 0 reads it and passes it on to all). Positions are 0..<L within the sequence, padding or not.
//
// bucket (relative_position_bucket, 32 buckets, max distance 128): n = i - j; keys after the query (n < 0) take the
// upper 16 buckets; |n| < 8 is its own bucket; beyond, 8 + ⌊log(|n|/8) / log(16) · 8⌋ capped at 15, in Float32 as
// torch computes it.
//
// The bias of a head depends on j - i only (a Toeplitz matrix), so it is kept as one vector per head over every
// relative position -(M-1)...(M-1), M = max_position_embeddings: row i of any sequence's (L, L) bias is that
// vector read from centre - i with stride -1 (what the attention kernel takes), and the first query's row from
// the centre.
//
// Shapes: H = heads, M = max_position_embeddings, buckets = relative_attention_num_buckets.
import Foundation

/// Immutable after init (the buffer is written once, then only read), so shared by every thread.
final class RelativePositionBias: @unchecked Sendable {
    /// Buckets the attention reads: transformers calls relative_position_bucket with its default 32, whatever the
    /// config's relative_attention_num_buckets (the table's rows).
    static let bucketCount = 32
    static let maxDistance = 128
    /// Row stride of a head's (L, L) bias as `centre(head:)` lays it out.
    static let rowStride = -1

    let heads: Int
    /// Relative positions on each side of the centre: M - 1.
    let reach: Int
    /// (H, 2M - 1): head h's bias for relative position r = j - i at h·(2M - 1) + reach + r.
    private let values: UnsafeMutablePointer<Float>

    /// `table`: encoder.relative_attention_bias.weight, (buckets, H).
    init(table: [Float], heads H: Int, maxPositions M: Int) {
        heads = H
        reach = M - 1
        let width = 2 * M - 1
        values = .allocate(capacity: H * width)
        for r in -reach...reach {
            let b = Self.bucket(relative: r)
            for h in 0..<H { values[h * width + reach + r] = table[b * H + h] }
        }
    }

    deinit { values.deallocate() }

    /// transformers' relative_position_bucket(j - i, num_buckets=32, max_distance=128).
    static func bucket(relative r: Int) -> Int {
        let half = bucketCount / 2, exact = half / 2
        let n = -r
        let side = n < 0 ? half : 0
        let distance = abs(n)
        if distance < exact { return side + distance }
        // torch: log(n.float() / 8) / math.log(128 / 8) * 8, all in Float32, then truncated.
        let scaled = logf(Float(distance) / Float(exact)) / Float(log(Double(maxDistance) / Double(exact)))
            * Float(half - exact)
        return side + min(exact + Int(scaled), half - 1)
    }

    /// Head h's bias of query 0 over keys 0, 1, ...: row i of a sequence's (L, L) matrix is at centre - i
    /// (rowStride), for any L up to M.
    func centre(head h: Int) -> UnsafePointer<Float> {
        UnsafePointer(values + h * headStride + reach)
    }

    /// Distance between heads' centres (the first-token kernel's head stride).
    var headStride: Int { 2 * reach + 1 }
}
