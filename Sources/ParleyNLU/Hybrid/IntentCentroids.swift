/// Out-of-scope detection by the embedding: each intent's centroid (the unit
/// mean of its training embeddings); a message whose embedding is farther
/// than `threshold` (cosine) from every centroid is out of scope, whatever
/// the classifier would have forced it into.
public struct IntentCentroids: Sendable, Hashable {
    public let dimension: Int
    /// `intents × dimension`, each row of unit length.
    let rows: [Float]
    /// Below this best cosine similarity, a message is out of scope.
    public let threshold: Float

    init(rows: [Float], dimension: Int, threshold: Float) {
        self.rows = rows
        self.dimension = dimension
        self.threshold = threshold
    }

    /// Centroids of `embeddings` grouped by `labels` (class indices `0..<classCount`).
    static func fit(embeddings: [[Float]], labels: [Int], classCount: Int, dimension: Int) -> IntentCentroids {
        var rows = [Float](repeating: 0, count: classCount * dimension)
        for (embedding, label) in zip(embeddings, labels) {
            for d in 0..<dimension { rows[label * dimension + d] += embedding[d] }
        }
        for c in 0..<classCount {
            var norm: Float = 0
            for d in 0..<dimension { norm += rows[c * dimension + d] * rows[c * dimension + d] }
            let inverse = norm > 0 ? 1 / norm.squareRoot() : 0
            for d in 0..<dimension { rows[c * dimension + d] *= inverse }
        }
        return IntentCentroids(rows: rows, dimension: dimension, threshold: -1)
    }

    func with(threshold: Float) -> IntentCentroids { IntentCentroids(rows: rows, dimension: dimension, threshold: threshold) }

    /// The best cosine similarity of a unit embedding to any centroid.
    public func similarity(_ embedding: [Float]) -> Float {
        var best: Float = -1
        rows.withUnsafeBufferPointer { r in
            embedding.withUnsafeBufferPointer { e in
                var start = 0
                while start < r.count {
                    var dot: Float = 0
                    for d in 0..<dimension { dot += r[start + d] * e[d] }
                    best = max(best, dot)
                    start += dimension
                }
            }
        }
        return best
    }

    public func isOutOfScope(_ embedding: [Float]) -> Bool { similarity(embedding) < threshold }
}
