import ParleyStore
import Synchronization

/// Counts, in memory, how a shadow candidate's parses compare with the active
/// model's; ``drain()`` hands the counts over to be stored. Intent names and
/// numbers only, never text. Safe to use from concurrent turns.
public final class ShadowRecorder: Sendable {
    private struct Key: Hashable {
        let candidate: String
        let active: String
        let activeIntent: String
        let candidateIntent: String
    }

    private let state = Mutex([Key: (turns: Int, shift: Double)]())

    public init() {}

    public func record(
        active: String, candidate: String, activeIntent: String, candidateIntent: String, activeConfidence: Double, candidateConfidence: Double
    ) {
        let key = Key(candidate: candidate, active: active, activeIntent: activeIntent, candidateIntent: candidateIntent)
        state.withLock { tallies in
            let current = tallies[key] ?? (0, 0)
            tallies[key] = (current.turns + 1, current.shift + candidateConfidence - activeConfidence)
        }
    }

    /// The counts since the last drain, emptied.
    public func drain() -> [ShadowTally] {
        let tallies = state.withLock { tallies in
            defer { tallies.removeAll() }
            return tallies
        }
        return tallies.map { key, value in
            ShadowTally(
                candidate: key.candidate, active: key.active, activeIntent: key.activeIntent, candidateIntent: key.candidateIntent,
                turns: value.turns, confidenceShift: value.shift
            )
        }.sorted { ($0.activeIntent, $0.candidateIntent) < ($1.activeIntent, $1.candidateIntent) }
    }
}
