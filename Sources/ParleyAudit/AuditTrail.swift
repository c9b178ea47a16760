import Foundation
import ParleyCrypto
import ParleyStore

/// The audit log of one Parley installation, persisted in the store: entries
/// appended in transactions (with the Merkle frontier, so several processes
/// can append), checkpoints signed with the installation's Ed25519 audit key,
/// exports with inclusion proofs, and verification of what is stored.
public final class AuditTrail: Sendable {
    public let store: Store
    public let signer: NoteSigner
    let clock: @Sendable () -> Date

    public init(store: Store, signingSeed: SymmetricKey, origin: String, clock: @escaping @Sendable () -> Date = { Date() }) throws(AuditError) {
        let key: Ed25519.SigningKey
        do { key = try Ed25519.SigningKey(seed: signingSeed) } catch { throw .signingFailed }
        self.store = store
        self.signer = try NoteSigner(name: origin, signingKey: key)
        self.clock = clock
    }

    /// What compliance officers keep to verify exports: `parley audit public-key`.
    public var verifierKey: NoteVerifierKey { signer.verifierKey }

    /// The store appends for `events`, to be written inside another transaction
    /// (so that an action and its audit entry commit together).
    public func appends(_ events: [AuditEvent]) -> [AuditAppend] {
        events.map { event in
            { [clock] sequence, state in
                // Read inside the write transaction, so times follow sequence numbers.
                let time = clock()
                let entry = try AuditEntry(
                    sequence: sequence, time: AuditTime(time), actor: event.actor, role: event.role,
                    action: event.action, target: event.target, outcome: event.outcome, details: event.details
                )
                var frontier = try MerkleFrontier(size: state.size, nodes: state.nodes.map(Self.hash))
                frontier.append(leafHash: entry.leafHash)
                let row = AuditRow(
                    sequence: sequence, timeMilliseconds: entry.time.millisecondsSince1970,
                    entryJSON: entry.canonicalJSON, leafHash: Data(entry.leafHash.bytes)
                )
                return (row, AuditFrontierState(size: frontier.size, nodes: frontier.nodes.map { Data($0.bytes) }))
            }
        }
    }

    /// Appends events in their own transaction.
    public func record(_ events: AuditEvent...) async throws(AuditError) {
        do { try await store.appendAudit(appends(events)) } catch { throw .storage(String(describing: error)) }
    }

    /// Signs the current root and stores the checkpoint; returns the note.
    @discardableResult
    public func checkpoint() async throws(AuditError) -> (size: UInt64, note: String) {
        let state: AuditFrontierState
        do { state = try await store.auditFrontier() } catch { throw .storage(String(describing: error)) }
        let frontier = try MerkleFrontier(size: state.size, nodes: state.nodes.map(Self.hash))
        let note = try Checkpoint(origin: signer.name, size: frontier.size, root: frontier.root).signed(by: signer)
        do { try await store.saveAuditCheckpoint(size: frontier.size, note: note, now: clock()) } catch { throw .storage(String(describing: error)) }
        return (frontier.size, note)
    }

    /// The stored entries with sequence numbers in `range`, decoded and checked against their stored leaf hashes.
    public func entries(_ range: ClosedRange<UInt64>) async throws(AuditError) -> [AuditEntry] {
        let rows: [AuditRow]
        do { rows = try await store.auditRows(range) } catch { throw .storage(String(describing: error)) }
        var entries: [AuditEntry] = []
        for row in rows {
            let entry: AuditEntry
            do { entry = try JSONDecoder().decode(AuditEntry.self, from: Data(row.entryJSON.utf8)) } catch {
                throw .invalidExport("stored entry \(row.sequence) cannot be read")
            }
            guard entry.sequence == row.sequence, Data(entry.leafHash.bytes) == row.leafHash else {
                throw .invalidExport("stored entry \(row.sequence) does not match its leaf hash")
            }
            entries.append(entry)
        }
        return entries
    }

    /// The Merkle tree of the first `size` stored entries.
    func tree(size: UInt64) async throws(AuditError) -> MerkleTree {
        let hashes: [Data]
        do { hashes = try await store.auditLeafHashes(count: size) } catch { throw .storage(String(describing: error)) }
        guard hashes.count == Int(size) else { throw .invalidExport("the stored log has \(hashes.count) entries, expected \(size)") }
        return MerkleTree(leafHashes: try hashes.map(Self.hash))
    }

    /// A consistency proof from an older checkpoint (signed by this installation's
    /// key) to a new checkpoint of today's log, both verified before returning.
    public func consistency(
        from oldNote: String, oldVerifierKey: NoteVerifierKey? = nil
    ) async throws(AuditError) -> (proof: ConsistencyProof, newNote: String, report: CheckpointConsistency.Report) {
        let old = try Checkpoint(signedNote: oldNote, verifierKey: oldVerifierKey ?? verifierKey)
        let (size, newNote) = try await checkpoint()
        guard old.size <= size else { throw .inconsistentCheckpoints("the old checkpoint is larger than today's log") }
        let tree = try await tree(size: size)
        let proof = try tree.consistencyProof(oldSize: old.size, newSize: size)
        let report = try CheckpointConsistency.verify(
            oldCheckpointNote: oldNote, newCheckpointNote: newNote, proof: proof, verifierKey: verifierKey, oldVerifierKey: oldVerifierKey
        )
        return (proof, newNote, report)
    }
}

extension AuditTrail {
    static func hash(_ data: Data) throws(AuditError) -> MerkleHash {
        guard let hash = MerkleHash(bytes: data) else { throw .invalidHash }
        return hash
    }
}
