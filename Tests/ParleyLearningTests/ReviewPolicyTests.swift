import Foundation
import ParleyCrypto
import ParleyLearning
import Testing

@Suite struct ReviewPolicyTests {
    let policy = ReviewPolicy(settings: ReviewSettings())

    @Test func aConfidentUnambiguousTurnIsNotReviewed() {
        #expect(policy.reason(confidence: 0.93, margin: 0.9, isFallback: false, handoffRule: nil) == nil)
    }

    @Test func eachKindOfDoubtHasItsReasonAndADoubtRuleHandoffComesFirst() {
        #expect(policy.reason(confidence: 0.3, margin: 0.2, isFallback: false, handoffRule: nil) == .lowConfidence)
        #expect(policy.reason(confidence: 0.55, margin: 0.05, isFallback: false, handoffRule: nil) == .ambiguous)
        #expect(policy.reason(confidence: 0.3, margin: 0.01, isFallback: true, handoffRule: nil) == .fallback)
        #expect(policy.reason(confidence: 0.1, margin: 0.01, isFallback: true, handoffRule: "low_confidence") == .handoff)
    }

    @Test func aHandoffByARuleAboutAnUnderstoodIntentIsNotReviewed() {
        // always_human sends billing disputes to people: the model was sure, nothing to learn.
        #expect(policy.reason(confidence: 0.97, margin: 0.9, isFallback: false, handoffRule: "always_human") == nil)
    }

    @Test func aDisabledQueueReviewsNothing() {
        var settings = ReviewSettings()
        settings.enabled = false
        #expect(ReviewPolicy(settings: settings).reason(confidence: 0, margin: 0, isFallback: true, handoffRule: "low_confidence") == nil)
    }

    @Test func textKeysMatchForTheSameNormalisedTextOnlyAndDependOnTheKey() throws {
        let key = try SymmetricKey.random()
        let a = try policy.textKey("Where is my  card?", key: key)
        let b = try policy.textKey("  where is MY card ", key: key)
        let c = try policy.textKey("Where is my parcel?", key: key)
        #expect(a == b)
        #expect(a != c)
        #expect(a.count == 16)
        #expect(try policy.textKey("Where is my card?", key: try SymmetricKey.random()) != a)
    }

    @Test func samplingKeepsTheShareItIsSetTo() {
        var settings = ReviewSettings()
        settings.sampleRate = 0.25
        let sampler = ReviewPolicy(settings: settings)
        var generator = SeededRandom(seed: 7)
        let kept = (0..<20_000).filter { _ in sampler.sample(using: &generator) }.count
        #expect(abs(Double(kept) / 20_000 - 0.25) < 0.02)
        settings.sampleRate = 0
        #expect(!ReviewPolicy(settings: settings).sample(using: &generator))
    }
}

/// SplitMix64, for reproducible sampling tests.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
