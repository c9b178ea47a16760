import Foundation
import GRDB
import ParleyCrypto

/// A raw value a policy kept in the vault, opened for an authorised reveal.
public struct VaultedValue: Sendable, Hashable, CustomStringConvertible, CustomReflectable {
    public let type: String
    public let value: String

    public init(type: String, value: String) {
        self.type = type
        self.value = value
    }

    /// Never the value (nor in `dump`).
    public var description: String { "VaultedValue(\(type))" }
    public var customMirror: Mirror { Mirror(self, children: ["type": type]) }
}

extension Store {
    /// The values the policy vaulted for one turn, opened with the subject's
    /// key. Throws `.notFound` for an unknown conversation or a turn with
    /// nothing vaulted, `.subjectErased` once the subject was shredded.
    public func vaultedValues(conversationID: String, seq: Int) async throws(StoreError) -> [VaultedValue] {
        let loaded = try await read { db -> (subject: String, rows: [(type: String, sealed: Data)])? in
            guard let conversation = try ConversationRecord.fetch(db, id: conversationID) else { return nil }
            let rows = try Row.fetchAll(
                db, sql: "SELECT entity_type, value FROM pii_vault WHERE conversation_id = ? AND turn_seq = ? ORDER BY id",
                arguments: [conversationID, seq]
            ).map { (type: $0["entity_type"] as String, sealed: $0["value"] as Data) }
            return (conversation.subjectID, rows)
        }
        guard let loaded, !loaded.rows.isEmpty else { throw .notFound("vaulted values of turn \(seq) of conversation \(conversationID)") }
        let key = try await subjectKey(loaded.subject)
        var values: [VaultedValue] = []
        for row in loaded.rows {
            do {
                let value = try SealedField.openString(row.sealed, key: key, context: SealedField.vault(conversationID, seq, row.type))
                values.append(VaultedValue(type: row.type, value: value))
            } catch {
                throw .invalid("a vaulted value of turn \(seq) of conversation \(conversationID) does not open")
            }
        }
        return values
    }
}
