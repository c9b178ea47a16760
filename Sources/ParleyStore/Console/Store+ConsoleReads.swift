import Foundation
import GRDB

extension Store {
    /// The conversation row alone (no text, no state), or nil.
    public func conversationRecord(_ id: String) async throws(StoreError) -> ConversationRecord? {
        try await read { db in try ConversationRecord.fetch(db, id: id) }
    }

    /// A customer's orders in the local CRM, newest first.
    public func crmOrders(customerID: String, limit: Int) async throws(StoreError) -> [CRMOrderRecord] {
        try await read { db in
            try CRMOrderRecord.filter(Column("customer_id") == customerID)
                .order(sql: "COALESCE(placed_at, expected_ship_date) DESC, number DESC").limit(limit).fetchAll(db)
        }
    }
}

extension Store {
    /// How many customer turns a conversation holds after turn `seq`, and the newest one's number.
    public func customerTurns(conversationID: String, after seq: Int) async throws(StoreError) -> (count: Int, newest: Int?) {
        try await read { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT count(*) AS count, max(seq) AS newest FROM turn
                WHERE conversation_id = ? AND seq > ? AND role = 'customer'
                """, arguments: [conversationID, seq])
            return (row?["count"] ?? 0, row?["newest"])
        }
    }
}
