import Foundation
import GRDB

extension Store {
    /// Adds a hold in one transaction with the audit entries `audit` builds.
    /// A hold must cover something that exists: a customer Parley knows (a
    /// CRM record or a conversation), a stored conversation, or a period in
    /// which some conversation was active.
    public func addHold(_ hold: LegalHoldRecord, audit: @escaping @Sendable () -> [AuditAppend]) async throws(StoreError) {
        try await write { db in
            let covers: Bool
            switch hold.scope {
            case .customer:
                guard let customer = hold.customerID else { throw StoreError.invalid("a customer hold needs a customer id") }
                covers = try Bool.fetchOne(db, sql: """
                    SELECT EXISTS (SELECT 1 FROM crm_customer WHERE id = ?1)
                        OR EXISTS (SELECT 1 FROM subject WHERE customer_id = ?1)
                        OR EXISTS (SELECT 1 FROM conversation WHERE customer_id = ?1)
                    """, arguments: [customer]) ?? false
                if !covers { throw StoreError.notFound("customer \(customer)") }
            case .conversation:
                guard let conversation = hold.conversationID else { throw StoreError.invalid("a conversation hold needs a conversation id") }
                covers = try ConversationRecord.exists(db, key: conversation)
                if !covers { throw StoreError.notFound("conversation \(conversation)") }
            case .period:
                guard let from = hold.periodFrom, let to = hold.periodTo else { throw StoreError.invalid("a period hold needs --from and --to") }
                guard from < to else { throw StoreError.invalid("the period ends before it starts") }
                covers = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM conversation WHERE created_at < ? AND updated_at >= ?)", arguments: [to, from]) ?? false
                if !covers { throw StoreError.invalid("no conversation was active in that period: the hold would cover nothing") }
            }
            try hold.insert(db)
            try Self.appendAudit(audit(), db)
        }
    }

    /// Every hold, active ones first, newest first.
    public func legalHolds(activeOnly: Bool = false) async throws(StoreError) -> [LegalHoldRecord] {
        try await read { db in
            try LegalHoldRecord.fetchAll(db, sql: """
                SELECT * FROM legal_hold \(activeOnly ? "WHERE released_at IS NULL" : "")
                ORDER BY released_at IS NOT NULL, created_at DESC, id
                """)
        }
    }

    public func legalHold(id: String) async throws(StoreError) -> LegalHoldRecord? {
        try await read { db in try LegalHoldRecord.fetchOne(db, key: id) }
    }

    /// Releases an active hold; releasing twice is a conflict, an unknown id not found.
    public func releaseHold(id: String, by actor: String, now: Date, audit: @escaping @Sendable (LegalHoldRecord) -> [AuditAppend]) async throws(StoreError) -> LegalHoldRecord {
        try await write { db in
            guard var hold = try LegalHoldRecord.fetchOne(db, key: id) else { throw StoreError.notFound("hold \(id)") }
            guard hold.releasedAt == nil else { throw StoreError.conflict("hold \(id) was already released") }
            hold.releasedAt = now
            hold.releasedBy = actor
            try hold.update(db)
            try Self.appendAudit(audit(hold), db)
            return hold
        }
    }
}
