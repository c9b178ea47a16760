import Foundation
import ParleyStore

extension AuditTrail {
    /// Checks the whole stored log: every entry re-encodes to its stored leaf
    /// hash, sequences are contiguous, no entry lies beyond the recorded tree
    /// size, the stored frontier matches the leaves, and the newest
    /// checkpoint's signature and root hold (over entries checked here). A
    /// failure names the first bad entry when one can be named. Deleting the
    /// newest checkpoints is not detectable from the database alone: that is
    /// what officers' own copies of checkpoints are for (`audit consistency`).
    public func verifyStoredLog() async throws(AuditError) -> StoredLogReport {
        let state: AuditFrontierState
        do { state = try await store.auditFrontier() } catch { throw .storage(String(describing: error)) }
        func failed(_ reason: String, at sequence: UInt64?, checkpoint: UInt64? = nil) -> StoredLogReport {
            StoredLogReport(verified: false, size: state.size, checkpointSize: checkpoint, failure: reason, firstBadSequence: sequence)
        }
        let highest: UInt64
        do { highest = try await store.auditHighestSequence() } catch { throw .storage(String(describing: error)) }
        if highest > state.size {
            return failed("entries up to \(highest) are stored beyond the recorded tree size \(state.size)", at: state.size + 1)
        }
        var frontier = MerkleFrontier()
        var next: UInt64 = 1
        let batch: UInt64 = 10_000
        while next <= state.size {
            let rows: [AuditRow]
            do { rows = try await store.auditRows(next...min(next + batch - 1, state.size)) } catch {
                throw .storage(String(describing: error))
            }
            if rows.isEmpty { return failed("entry \(next) is missing", at: next) }
            for row in rows {
                guard row.sequence == next else { return failed("entry \(next) is missing", at: next) }
                let entry = try? JSONDecoder().decode(AuditEntry.self, from: Data(row.entryJSON.utf8))
                guard let entry, entry.sequence == row.sequence, Data(entry.leafHash.bytes) == row.leafHash else {
                    return failed("entry \(next) was changed: it no longer hashes to its stored leaf", at: next)
                }
                frontier.append(leafHash: entry.leafHash)
                next += 1
            }
        }
        let stored = try MerkleFrontier(size: state.size, nodes: state.nodes.map(Self.hash))
        guard stored.root == frontier.root else {
            return failed("the stored tree state does not match the entries (entries were rewritten with their leaf hashes)", at: nil)
        }
        let latest: (size: UInt64, note: String)?
        do { latest = try await store.latestAuditCheckpoint() } catch { throw .storage(String(describing: error)) }
        guard let latest else {
            return StoredLogReport(verified: true, size: state.size, checkpointSize: nil, failure: nil, firstBadSequence: nil)
        }
        let checkpoint: Checkpoint
        do { checkpoint = try Checkpoint(signedNote: latest.note, verifierKey: verifierKey) } catch {
            return failed("the newest checkpoint's signature does not verify with this installation's key: \(error.description)",
                          at: nil, checkpoint: latest.size)
        }
        guard checkpoint.size <= state.size else {
            return failed("the log holds \(state.size) entries but was signed at \(checkpoint.size): entries were removed",
                          at: state.size + 1, checkpoint: checkpoint.size)
        }
        guard try await tree(size: checkpoint.size).root == checkpoint.root else {
            return failed("the log was rewritten: its first \(checkpoint.size) entries no longer match the signed checkpoint",
                          at: nil, checkpoint: checkpoint.size)
        }
        return StoredLogReport(verified: true, size: state.size, checkpointSize: checkpoint.size, failure: nil, firstBadSequence: nil)
    }
}

/// The result of ``AuditTrail/verifyStoredLog()``.
public struct StoredLogReport: Sendable, Codable, Equatable {
    public let verified: Bool
    public let size: UInt64
    public let checkpointSize: UInt64?
    public let failure: String?
    /// The first entry that fails, when the failure is an entry's.
    public let firstBadSequence: UInt64?

    enum CodingKeys: String, CodingKey {
        case verified, size, checkpointSize = "checkpoint_size", failure, firstBadSequence = "first_bad_sequence"
    }
}
