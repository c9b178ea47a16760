import Foundation
import GRDB
import ParleyCrypto

/// Everything the store holds of one customer, opened with their keys, for a
/// data-subject access or portability request (GDPR Art. 15 and 20).
public struct SubjectAccessData: Sendable {
    public struct Note: Sendable, Hashable {
        public let handoffID: Int64
        public let agent: String
        public let intent: String
        public let text: String?
        public let at: Date
    }

    public struct Conversation: Sendable {
        public let record: ConversationRecord
        public let turns: [StoredTurn]
        public let handoffs: [HandoffRecord]
        public let notes: [Note]
        /// Vaulted raw values (type and value per turn), only when asked for.
        public let vault: [(seq: Int, value: VaultedValue)]
    }

    public let customer: CRMCustomerRecord?
    public let orders: [CRMOrderRecord]
    public let tickets: [CRMTicketRecord]
    public let conversations: [Conversation]
    /// Subjects of this customer whose keys were destroyed (nothing of them can be opened).
    public let erasedSubjects: Int
}

extension Store {
    /// Opens everything held of `customerID`. Nil when the store knows nothing
    /// of them (no CRM record, no subject, no conversation).
    public func subjectAccessData(customerID: String, includeVault: Bool) async throws(StoreError) -> SubjectAccessData? {
        let scope = try await erasureScope(customerID: customerID)
        let (customer, orders, tickets, erasedSubjects) = try await read { db in
            (
                try CRMCustomerRecord.fetchOne(db, key: customerID),
                try CRMOrderRecord.filter(Column("customer_id") == customerID).order(Column("placed_at"), Column("number")).fetchAll(db),
                try CRMTicketRecord.filter(Column("customer_id") == customerID).order(Column("opened_at"), Column("id")).fetchAll(db),
                try SQLRequest<Int>(literal: "SELECT count(*) FROM subject WHERE id IN \(scope.subjects) AND erased_at IS NOT NULL").fetchOne(db) ?? 0
            )
        }
        guard customer != nil || !scope.subjects.isEmpty || !scope.conversations.isEmpty else { return nil }
        var conversations: [SubjectAccessData.Conversation] = []
        for item in scope.conversations {
            guard let (record, turns) = try await transcript(item.id) else { continue }
            let key: SymmetricKey?
            do { key = try await keyring.key(for: record.subjectID) } catch { throw Self.map(error) }
            let (handoffs, noteRows, vaultRows) = try await read { db in
                (
                    try HandoffRecord.filter(HandoffRecord.Columns.conversationID == item.id).order(Column("id")).fetchAll(db),
                    try FeedbackRecord.filter(Column("conversation_id") == item.id).order(Column("id")).fetchAll(db),
                    includeVault
                        ? try Row.fetchAll(db, sql: "SELECT turn_seq, entity_type, value FROM pii_vault WHERE conversation_id = ? ORDER BY id", arguments: [item.id])
                            .map { (seq: $0["turn_seq"] as Int, type: $0["entity_type"] as String, sealed: $0["value"] as Data) }
                        : []
                )
            }
            var notes: [SubjectAccessData.Note] = []
            for row in noteRows {
                var text: String?
                if let key, let sealed = row.sealedNote {
                    do { text = try SealedField.openString(sealed, key: key, context: SealedField.note(item.id, handoffID: row.handoffID)) } catch { throw Self.map(error) }
                }
                notes.append(.init(handoffID: row.handoffID, agent: row.agent, intent: row.correctIntent, text: text, at: row.createdAt))
            }
            var vault: [(seq: Int, value: VaultedValue)] = []
            if let key {
                for row in vaultRows {
                    do {
                        let value = try SealedField.openString(row.sealed, key: key, context: SealedField.vault(item.id, row.seq, row.type))
                        vault.append((row.seq, VaultedValue(type: row.type, value: value)))
                    } catch { throw Self.map(error) }
                }
            }
            conversations.append(.init(record: record, turns: turns, handoffs: handoffs, notes: notes, vault: vault))
        }
        return SubjectAccessData(
            customer: customer, orders: orders, tickets: tickets, conversations: conversations, erasedSubjects: erasedSubjects
        )
    }
}
