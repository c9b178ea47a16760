import ParleyStore

/// How a candidate in shadow mode did beside the active model on live traffic.
public struct ShadowReport: Sendable, Codable, Hashable {
    public struct Disagreement: Sendable, Codable, Hashable {
        public var activeIntent: String
        public var candidateIntent: String
        public var turns: Int

        enum CodingKeys: String, CodingKey { case activeIntent = "active_intent", candidateIntent = "candidate_intent", turns }
    }

    public struct IntentAgreement: Sendable, Codable, Hashable {
        /// As the active model understood it.
        public var intent: String
        public var turns: Int
        public var agreement: Double
    }

    public var candidate: String
    /// The active models it ran beside.
    public var active: [String]
    public var turns: Int
    /// Share of turns where both chose the same intent.
    public var agreement: Double
    /// Mean of the candidate's top confidence minus the active model's.
    public var meanConfidenceShift: Double
    /// Where they differ, most frequent first (at most 20).
    public var disagreements: [Disagreement]
    /// Per intent of the active model, least agreement first.
    public var intents: [IntentAgreement]

    enum CodingKeys: String, CodingKey {
        case candidate, active, turns, agreement, disagreements, intents
        case meanConfidenceShift = "mean_confidence_shift"
    }

    public init(candidate: String, tallies: [ShadowTally]) {
        self.candidate = candidate
        active = Array(Set(tallies.map(\.active))).sorted()
        turns = tallies.reduce(0) { $0 + $1.turns }
        let agreed = tallies.filter { $0.activeIntent == $0.candidateIntent }.reduce(0) { $0 + $1.turns }
        agreement = turns == 0 ? 0 : Double(agreed) / Double(turns)
        meanConfidenceShift = turns == 0 ? 0 : tallies.reduce(0) { $0 + $1.confidenceShift } / Double(turns)
        var pairs: [String: [String: Int]] = [:]
        var byIntent: [String: (turns: Int, agreed: Int)] = [:]
        for tally in tallies {
            byIntent[tally.activeIntent, default: (0, 0)].turns += tally.turns
            if tally.activeIntent == tally.candidateIntent {
                byIntent[tally.activeIntent, default: (0, 0)].agreed += tally.turns
            } else {
                pairs[tally.activeIntent, default: [:]][tally.candidateIntent, default: 0] += tally.turns
            }
        }
        disagreements = pairs.flatMap { active, candidates in
            candidates.map { Disagreement(activeIntent: active, candidateIntent: $0.key, turns: $0.value) }
        }
        .sorted { ($1.turns, $0.activeIntent, $0.candidateIntent) < ($0.turns, $1.activeIntent, $1.candidateIntent) }
        .prefix(20).map { $0 }
        intents = byIntent.map { IntentAgreement(intent: $0.key, turns: $0.value.turns, agreement: Double($0.value.agreed) / Double(max($0.value.turns, 1))) }
            .sorted { ($0.agreement, $1.turns, $0.intent) < ($1.agreement, $0.turns, $1.intent) }
    }

    public func lines() -> [String] {
        var lines = [String(
            format: "shadow %@ beside %@: %d turns, agreement %.1f%%, mean confidence shift %+.3f",
            candidate, active.isEmpty ? "(no traffic yet)" : active.joined(separator: ", "), turns, agreement * 100, meanConfidenceShift
        )]
        for pair in disagreements {
            lines.append("  active \(pair.activeIntent) -> candidate \(pair.candidateIntent): \(pair.turns) turns")
        }
        return lines
    }
}
