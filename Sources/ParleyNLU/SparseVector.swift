/// A sparse feature vector: distinct indices (in a deterministic, not
/// necessarily increasing, order) with their values.
public struct SparseVector: Sendable, Equatable {
    public var indices: [Int32]
    public var values: [Float]

    public init(indices: [Int32] = [], values: [Float] = []) {
        precondition(indices.count == values.count, "indices and values must pair up")
        self.indices = indices
        self.values = values
    }

    public var count: Int { indices.count }

    /// Sum of squares of the values.
    var squaredNorm: Float {
        values.reduce(0) { $0 + $1 * $1 }
    }
}
