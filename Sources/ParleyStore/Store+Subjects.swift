import Foundation
import GRDB
import ParleyCrypto

extension Store {
    /// The subject of a known customer, created with its key on first use.
    /// A subject whose key is gone (an erasure cut short between the shred and
    /// its record, or a database restored from before an erasure) is marked
    /// erased and untied here, and the customer starts a new one.
    func subject(forCustomer customerID: String, now: Date) async throws(StoreError) -> String {
        if let existing = try await read({ db in
            try String.fetchOne(db.cachedStatement(sql: "SELECT id FROM subject WHERE customer_id = ?"), arguments: [customerID])
        }) {
            let key: SymmetricKey?
            do { key = try await keyring.key(for: existing) } catch { throw Self.map(error) }
            if key != nil { return existing }
            try await write { db in
                try db.execute(
                    sql: "UPDATE subject SET erased_at = COALESCE(erased_at, ?), customer_id = NULL WHERE id = ?",
                    arguments: [now, existing]
                )
            }
        }
        let subjectID = try await newSubject(customerID: customerID, now: now)
        return subjectID
    }

    /// A new subject (with a fresh key) for a customer, or for a conversation
    /// whose customer is not known.
    func newSubject(customerID: String?, now: Date) async throws(StoreError) -> String {
        let subjectID: String
        do {
            subjectID = "sub_" + Hex.encode(try RandomBytes.generate(count: 12))
            _ = try await keyring.create(subjectID: subjectID, now: now)
        } catch {
            throw Self.map(error)
        }
        do {
            try await database.write { db in
                try SubjectRecord(id: subjectID, customerID: customerID, createdAt: now, erasedAt: nil).insert(db)
            }
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            // Another conversation of the same customer created the subject first.
            try? await keyring.shred(subjectID: subjectID)
            guard let customerID, let existing = try await read({ db in
                try SubjectRecord.filter(SubjectRecord.Columns.customerID == customerID).fetchOne(db)?.id
            }) else { throw Self.map(error) }
            return existing
        } catch {
            throw Self.map(error)
        }
        return subjectID
    }

    /// The key of a subject; throws when it was shredded.
    func subjectKey(_ subjectID: String) async throws(StoreError) -> SymmetricKey {
        let key: SymmetricKey?
        do { key = try await keyring.key(for: subjectID) } catch { throw Self.map(error) }
        guard let key else { throw .subjectErased(subjectID) }
        return key
    }

    /// Crypto-shreds a subject: destroys its key, so that everything sealed
    /// under it (turn text, trackers, notes), in this database and in every
    /// backup of it, can no longer be decrypted. Marks the subject erased and
    /// unties it from its customer, so a customer who comes back afterwards
    /// starts afresh under a new subject.
    public func shred(subjectID: String, now: Date = Date()) async throws(StoreError) {
        try await shred(subjectIDs: [subjectID], now: now)
    }

    /// Shreds many subjects: their keys in one keyring transaction, their
    /// records in one database transaction.
    public func shred(subjectIDs: [String], now: Date = Date()) async throws(StoreError) {
        guard !subjectIDs.isEmpty else { return }
        do {
            try await keyring.shred(subjectIDs: subjectIDs)
        } catch {
            throw Self.map(error)
        }
        try await write { db in
            for start in stride(from: 0, to: subjectIDs.count, by: 500) {
                let page = Array(subjectIDs[start..<min(start + 500, subjectIDs.count)])
                try db.execute(literal: "UPDATE subject SET erased_at = \(now), customer_id = NULL WHERE id IN \(page)")
            }
        }
    }

    /// The pseudonymous subject id of a conversation.
    public func subjectID(ofConversation conversationID: String) async throws(StoreError) -> String? {
        try await read { db in try ConversationRecord.fetch(db, id: conversationID)?.subjectID }
    }

    /// The subject id of a customer, if they have one.
    public func subjectID(ofCustomer customerID: String) async throws(StoreError) -> String? {
        try await read { db in
            try SubjectRecord.filter(SubjectRecord.Columns.customerID == customerID).fetchOne(db)?.id
        }
    }

    /// After `keyring.db` was lost for good (a store opened `allowingLostKeyring`):
    /// marks every subject erased (their keys are gone, so is their text) and
    /// unties them from their customers, in one transaction with the audit
    /// entries `audit` builds from the count. Returns the count.
    public func eraseAllSubjects(now: Date, audit: @escaping @Sendable (Int) -> [AuditAppend]) async throws(StoreError) -> Int {
        try await write { db in
            try db.execute(sql: "UPDATE subject SET erased_at = ?, customer_id = NULL WHERE erased_at IS NULL", arguments: [now])
            let count = db.changesCount
            try Self.appendAudit(audit(count), db)
            return count
        }
    }
}
