import Foundation
import ParleyCrypto

/// Why a turn is in the review queue.
public enum ReviewReason: String, Sendable, Codable, CaseIterable {
    case lowConfidence = "low_confidence"
    case ambiguous
    case fallback
    /// Handed to people by a rule about the model's doubt.
    case handoff
}

/// Decides which turns the bot was unsure of, and keys them for de-duplication.
public struct ReviewPolicy: Sendable {
    public let settings: ReviewSettings

    public init(settings: ReviewSettings) {
        self.settings = settings
    }

    /// The reason to review a turn, or nil for a confident one. A handoff by
    /// a doubt rule comes first, then a fallback, a low confidence, a thin margin.
    public func reason(confidence: Double, margin: Double, isFallback: Bool, handoffRule: String?) -> ReviewReason? {
        guard settings.enabled else { return nil }
        if let handoffRule, settings.handoffRules.contains(handoffRule) { return .handoff }
        if isFallback, settings.fallback { return .fallback }
        if confidence < settings.confidenceBelow { return .lowConfidence }
        if margin < settings.marginBelow { return .ambiguous }
        return nil
    }

    /// A keyed hash (BLAKE2b, 16 bytes, under an installation key) of the
    /// normalised redacted text: equal texts share an item, and the key is
    /// useless to anyone without the installation's keys.
    public func textKey(_ redactedText: String, key: SymmetricKey) throws(LearningError) -> Data {
        do {
            return Data(try KeyedHash.blake2b(Array(TextNormalization.normalized(redactedText).utf8), key: key, outputByteCount: 16))
        } catch {
            throw .hashing(error.description)
        }
    }

    /// Whether a new unsure text opens an item (``ReviewSettings/sampleRate``).
    public func sample(using generator: inout some RandomNumberGenerator) -> Bool {
        settings.sampleRate >= 1 || (settings.sampleRate > 0 && Double.random(in: 0..<1, using: &generator) < settings.sampleRate)
    }
}
