import Foundation
import GRDB
import ParleyCrypto

extension Store {
    /// Records an erasure request (status running), or returns the one already
    /// made under `requestID`: a request id names one erasure, so asking twice
    /// is idempotent; naming another customer with it is a conflict.
    public func beginErasure(
        _ request: ErasureRequestRecord, audit: @escaping @Sendable () -> [AuditAppend]
    ) async throws(StoreError) -> (record: ErasureRequestRecord, isNew: Bool) {
        try await write { db in
            if let existing = try ErasureRequestRecord.filter(Column("request_id") == request.requestID).fetchOne(db) {
                guard existing.customerRef == request.customerRef else {
                    throw StoreError.conflict("request id \(request.requestID) was used for another erasure")
                }
                return (existing, false)
            }
            try request.insert(db)
            try Self.appendAudit(audit(), db)
            return (request, true)
        }
    }

    public func erasureRequest(id: String) async throws(StoreError) -> ErasureRequestRecord? {
        try await read { db in try ErasureRequestRecord.fetchOne(db, key: id) }
    }

    public func erasureRequest(requestID: String) async throws(StoreError) -> ErasureRequestRecord? {
        try await read { db in try ErasureRequestRecord.filter(Column("request_id") == requestID).fetchOne(db) }
    }

    /// Of `subjects`, those whose key still exists.
    public func subjectsWithKeys(_ subjects: [String]) async throws(StoreError) -> [String] {
        do { return try await keyring.stored(among: subjects) } catch { throw Self.map(error) }
    }

    /// The newest completed erasure of the customer with this reference, if any.
    public func completedErasure(customerRef: String) async throws(StoreError) -> ErasureRequestRecord? {
        try await read { db in
            try ErasureRequestRecord.filter(Column("customer_ref") == customerRef && Column("status") == "complete")
                .order(Column("completed_at").desc).fetchOne(db)
        }
    }

    /// Every erasure request, newest first.
    public func erasureRequests(status: ErasureRequestRecord.Status? = nil) async throws(StoreError) -> [ErasureRequestRecord] {
        try await read { db in
            var request = ErasureRequestRecord.order(Column("requested_at").desc, Column("id"))
            if let status { request = request.filter(Column("status") == status.rawValue) }
            return try request.fetchAll(db)
        }
    }

    /// What the store holds of a customer: subjects, conversations, CRM record.
    public func erasureScope(customerID: String) async throws(StoreError) -> ErasureScope {
        try await read { db in
            let subjects = try String.fetchAll(db, sql: """
                SELECT id FROM subject WHERE customer_id = ?1
                UNION SELECT subject_id FROM conversation WHERE customer_id = ?1
                ORDER BY 1
                """, arguments: [customerID])
            let rows = try SQLRequest<Row>(literal: """
                SELECT id, subject_id, customer_id, channel, status, created_at, updated_at FROM conversation
                WHERE customer_id = \(customerID) OR subject_id IN \(subjects) ORDER BY id
                """).fetchAll(db)
            let conversations = rows.map { row in
                RetentionItem(
                    category: .conversations, id: row["id"], conversationID: row["id"], subjectID: row["subject_id"],
                    customerID: row["customer_id"] ?? customerID, channel: row["channel"], status: row["status"],
                    createdAt: row["created_at"], lastActivityAt: row["updated_at"]
                )
            }
            let crm = try CRMCustomerRecord.exists(db, key: customerID)
            return ErasureScope(subjects: subjects, conversations: conversations, hasCRMRecord: crm)
        }
    }

    /// Deletes the customer's CRM record and tickets (orders stay, untied from them). Returns (customers, tickets).
    public func eraseCRMCustomer(_ customerID: String) async throws(StoreError) -> (customers: Int, tickets: Int) {
        try await write { db in
            let tickets = try Int.fetchOne(db, sql: "SELECT count(*) FROM crm_ticket WHERE customer_id = ?", arguments: [customerID]) ?? 0
            try db.execute(sql: "DELETE FROM crm_customer WHERE id = ?", arguments: [customerID])
            return (db.changesCount, tickets)
        }
    }

    /// Writes the erasure log (before any key is destroyed, so that a crash
    /// after the shred is applied again at the next start): the subjects whose
    /// keys this erasure destroys and, when the CRM record goes too, the
    /// customer's reference.
    public func logErasure(id erasureID: String, subjects: [String], customerRef: String?, now: Date) async throws(StoreError) {
        try await write { db in
            for subject in subjects {
                try db.execute(sql: "INSERT OR IGNORE INTO erasure_log (subject_id, erasure_id, logged_at) VALUES (?, ?, ?)", arguments: [subject, erasureID, now])
            }
            if let customerRef {
                try db.execute(sql: "INSERT OR REPLACE INTO erased_customer (customer_ref, erasure_id, logged_at) VALUES (?, ?, ?)", arguments: [customerRef, erasureID, now])
            }
            try db.execute(sql: "INSERT OR IGNORE INTO erasure_applied (erasure_id, applied_at) VALUES (?, ?)", arguments: [erasureID, now])
        }
    }

    /// Destroys the keys of `subjects` (crypto-shredding) and returns the
    /// fingerprints of the key records destroyed (subjects already without a key give none).
    public func destroyKeys(of subjects: [String], now: Date) async throws(StoreError) -> [String] {
        var fingerprints: [String] = []
        for subject in subjects {
            do {
                if let fingerprint = try await keyring.fingerprint(of: subject) { fingerprints.append(fingerprint) }
            } catch { throw Self.map(error) }
        }
        try await shred(subjectIDs: subjects, now: now)
        return fingerprints
    }

    /// Folds the WAL into the database and truncates it, so no frame keeps an
    /// older copy of a page an erasure rewrote (freed pages are zeroed:
    /// `secure_delete` is on).
    public func checkpointAndTruncate() async throws(StoreError) {
        do {
            _ = try await database.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
        } catch { throw Self.map(error) }
    }

    /// Folds what it can of the WAL into the database without waiting for readers.
    public func checkpointPassive() async throws(StoreError) {
        do {
            _ = try await database.writeWithoutTransaction { db in try db.checkpoint(.passive) }
        } catch { throw Self.map(error) }
    }

    /// Completes a request: the audit entries `audit` builds and the record's
    /// new state in one transaction (the customer id is dropped). Returns the
    /// sequence number of the last audit entry written.
    public func completeErasure(
        id: String, summary: String, now: Date, audit: @escaping @Sendable () -> [AuditAppend]
    ) async throws(StoreError) -> Int64 {
        try await write { db in
            guard var record = try ErasureRequestRecord.fetchOne(db, key: id) else { throw StoreError.notFound("erasure \(id)") }
            try Self.appendAudit(audit(), db)
            let sequence = Int64(try Self.loadFrontier(db).size)
            record.status = .complete
            record.customerID = nil
            record.completedAt = now
            record.summary = summary
            record.auditSequence = sequence
            try record.update(db)
            return sequence
        }
    }

    public func saveErasureReceipt(id: String, receipt: String) async throws(StoreError) {
        try await write { db in
            try db.execute(sql: "UPDATE erasure_request SET receipt = ? WHERE id = ?", arguments: [receipt, id])
        }
    }

    /// Applies the erasure log again: keys of logged subjects that are back
    /// (an older keyring restored) are destroyed, their conversations that are
    /// back (an older backup restored) deleted, and CRM records of erased
    /// customers that are back deleted. `customerRef` computes a CRM id's
    /// reference; it runs only when some logged erasure was not applied to this
    /// data yet. Run before anything serves.
    public func reapplyErasures(customerRef: @Sendable (String) -> String, now: Date) async throws(StoreError) -> ReappliedErasures {
        var result = ReappliedErasures()
        let (logged, erasedCustomers) = try await read { db in
            (try String.fetchAll(db, sql: "SELECT subject_id FROM erasure_log ORDER BY subject_id"),
             try Int.fetchOne(db, sql: "SELECT count(*) FROM erased_customer") ?? 0)
        }
        guard !logged.isEmpty || erasedCustomers > 0 else { return result }
        let keysBack: [String]
        do { keysBack = try await keyring.stored(among: logged) } catch { throw Self.map(error) }
        try await shred(subjectIDs: keysBack, now: now)
        result.keysDestroyed = keysBack.count
        let conversations = try await read { db in
            try String.fetchAll(db, sql: "SELECT c.id FROM conversation c JOIN erasure_log e ON e.subject_id = c.subject_id ORDER BY c.id")
        }
        for start in stride(from: 0, to: conversations.count, by: 200) {
            let page = Array(conversations[start..<min(start + 200, conversations.count)])
            result.conversationsDeleted += try await retentionDelete(.conversations, ids: page, now: now).deleted
        }
        let pending = try await read { db in
            try String.fetchAll(db, sql: """
                SELECT erasure_id FROM erased_customer WHERE erasure_id NOT IN (SELECT erasure_id FROM erasure_applied)
                UNION SELECT erasure_id FROM erasure_log WHERE erasure_id NOT IN (SELECT erasure_id FROM erasure_applied)
                """)
        }
        if !pending.isEmpty {
            let erasedRefs = Set(try await read { db in try String.fetchAll(db, sql: "SELECT customer_ref FROM erased_customer") })
            let ids = try await read { db in try String.fetchAll(db, sql: "SELECT id FROM crm_customer") }
            for id in ids where erasedRefs.contains(customerRef(id)) {
                result.crmRecordsDeleted += try await eraseCRMCustomer(id).customers
            }
            try await write { db in
                for erasure in pending {
                    try db.execute(sql: "INSERT OR IGNORE INTO erasure_applied (erasure_id, applied_at) VALUES (?, ?)", arguments: [erasure, now])
                }
            }
            result.erasuresReapplied = pending.count
        }
        try await write { db in
            try db.execute(sql: """
                UPDATE subject SET erased_at = COALESCE(erased_at, ?), customer_id = NULL
                WHERE id IN (SELECT subject_id FROM erasure_log) AND (erased_at IS NULL OR customer_id IS NOT NULL)
                """, arguments: [now])
        }
        if result.changedAnything { try await checkpointAndTruncate() }
        return result
    }
}

/// What applying the erasure log again changed.
public struct ReappliedErasures: Sendable, Hashable {
    public var keysDestroyed = 0
    public var conversationsDeleted = 0
    public var crmRecordsDeleted = 0
    /// Logged erasures this data had not seen applied (a backup from before them).
    public var erasuresReapplied = 0

    public init() {}

    public var changedAnything: Bool { keysDestroyed + conversationsDeleted + crmRecordsDeleted + erasuresReapplied > 0 }
}
