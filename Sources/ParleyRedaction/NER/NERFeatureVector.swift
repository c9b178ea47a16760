/// The features of one token in memory its owner allocated once per text (not
/// an array per token): at most `NERFeatures.maximumCount` values.
struct NERFeatureVector {
    private let base: UnsafeMutablePointer<UInt64>
    private(set) var count = 0

    /// `base` holds at least `NERFeatures.maximumCount` values and outlives the vector.
    init(base: UnsafeMutablePointer<UInt64>) {
        self.base = base
    }

    @inline(__always) mutating func append(_ feature: UInt64) {
        precondition(count < NERFeatures.maximumCount, "more features than NERFeatures.maximumCount")
        (base + count).initialize(to: feature)
        count += 1
    }

    @inline(__always) mutating func removeAll() { count = 0 }

    var values: UnsafeBufferPointer<UInt64> { UnsafeBufferPointer(start: base, count: count) }

}
