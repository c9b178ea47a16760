import Foundation
import GRDB

/// How often the active model said `activeIntent` and the shadow candidate
/// `candidateIntent` on the same turn, and the sum of the candidate's top
/// confidence minus the active model's over those turns. Counts only: no text.
public struct ShadowTally: Sendable, Hashable, Codable {
    public var candidate: String
    public var active: String
    public var activeIntent: String
    public var candidateIntent: String
    public var turns: Int
    public var confidenceShift: Double

    public init(candidate: String, active: String, activeIntent: String, candidateIntent: String, turns: Int, confidenceShift: Double) {
        self.candidate = candidate
        self.active = active
        self.activeIntent = activeIntent
        self.candidateIntent = candidateIntent
        self.turns = turns
        self.confidenceShift = confidenceShift
    }
}

extension Store {
    /// Adds tallies to the stored ones (one transaction).
    public func addShadowTallies(_ tallies: [ShadowTally]) async throws(StoreError) {
        guard !tallies.isEmpty else { return }
        try await write { db in
            for tally in tallies {
                try db.execute(sql: """
                    INSERT INTO shadow_tally (candidate, active, active_intent, candidate_intent, turns, confidence_shift) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT DO UPDATE SET turns = turns + excluded.turns, confidence_shift = confidence_shift + excluded.confidence_shift
                    """, arguments: [tally.candidate, tally.active, tally.activeIntent, tally.candidateIntent, tally.turns, tally.confidenceShift])
            }
        }
    }

    /// The stored tallies of a shadow candidate (against any active model).
    public func shadowTallies(candidate: String) async throws(StoreError) -> [ShadowTally] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM shadow_tally WHERE candidate = ? ORDER BY active, active_intent, candidate_intent", arguments: [candidate]).map { row in
                ShadowTally(
                    candidate: row["candidate"], active: row["active"], activeIntent: row["active_intent"],
                    candidateIntent: row["candidate_intent"], turns: row["turns"], confidenceShift: row["confidence_shift"]
                )
            }
        }
    }
}
