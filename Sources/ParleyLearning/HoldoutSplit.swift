import ParleyCrypto

/// The frozen held-out split: an example is held out when the SHA-256 of its
/// normalised text, read as a number in [0, 1), is below the fraction. Its
/// membership depends on its text alone, so it never changes as data grows,
/// and the same text (a bot example repeated in live traffic) is always on
/// the same side.
public struct HoldoutSplit: Sendable, Hashable {
    public let fraction: Double

    public init(fraction: Double) {
        self.fraction = fraction
    }

    public func isHeldOut(_ text: String) -> Bool {
        guard fraction > 0 else { return false }
        let digest = SHA256.hash(Array(TextNormalization.normalized(text).utf8))
        let value = digest.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        return Double(value) / 18_446_744_073_709_551_616.0 < fraction
    }
}
