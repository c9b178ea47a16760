import Foundation
import ParleyAudit
import ParleyCrypto
import ParleyStore

/// Erasure of one customer (GDPR Art. 17): every subject of theirs (linked
/// anonymous conversations included) loses its key, their conversations
/// (turns, state, vault, notes, feedback, handoffs) and their CRM record are
/// deleted, the WAL is checkpointed and truncated (freed pages are zeroed by
/// `secure_delete`), models trained on their labels are marked, and a signed
/// receipt is returned. What a legal hold covers is kept, and the receipt
/// names the holds. Idempotent (a request id names one erasure) and
/// resumable (``resumeInterrupted(by:)``, run at every start).
public struct Erasure: Sendable {
    public let store: Store
    public let audit: AuditTrail
    let referenceKey: SymmetricKey
    /// The receipt of the audit entry with this sequence number (see `parley-audit-format(5)`).
    let receipt: @Sendable (UInt64) async throws -> String

    public init(store: Store, audit: AuditTrail, referenceKey: SymmetricKey, receipt: @escaping @Sendable (UInt64) async throws -> String) {
        self.store = store
        self.audit = audit
        self.referenceKey = referenceKey
        self.receipt = receipt
    }

    /// A finished erasure.
    public struct Outcome: Sendable, Hashable {
        public let record: ErasureRequestRecord
        /// The details of its `erasure.complete` audit entry (the receipt's content).
        public let details: [String: String]
        public let receipt: String?
        /// True when this call found the erasure already done and changed nothing.
        public let alreadyDone: Bool
    }

    /// The pseudonymous reference of a customer id: keyed BLAKE2b-128, hex.
    public static func customerRef(_ customerID: String, key: SymmetricKey) -> String {
        // BLAKE2b with a valid 32-byte key and a 16-byte digest cannot fail.
        Hex.encode((try? KeyedHash.blake2b(Array("parley.customer-ref.v1|\(customerID)".utf8), key: key, outputByteCount: 16)) ?? [])
    }

    public func customerRef(_ customerID: String) -> String { Self.customerRef(customerID, key: referenceKey) }

    public func erase(customerID: String, requestID: String? = nil, by requester: Requester, now: Date = Date()) async throws(RetentionError) -> Outcome {
        try Self.check(customerID: customerID)
        if let requestID { try Self.check(requestID: requestID) }
        let ref = customerRef(customerID)
        if let requestID {
            let existing: ErasureRequestRecord?
            do { existing = try await store.erasureRequest(requestID: requestID) } catch { throw .storage(error.description) }
            if let existing {
                guard existing.customerRef == ref else { throw .conflict("request id \(requestID) was used for another erasure") }
                if existing.status == .complete { return try outcome(existing, alreadyDone: true) }
                return try await finish(existing, customerID: customerID, by: requester, resumed: true)
            }
        }
        let scope: ErasureScope
        do { scope = try await store.erasureScope(customerID: customerID) } catch { throw .storage(error.description) }
        let unknown = scope.subjects.isEmpty && scope.conversations.isEmpty && !scope.hasCRMRecord
        let live = try await liveSubjects(scope.subjects)
        let nothingLeft = scope.conversations.isEmpty && !scope.hasCRMRecord && live.isEmpty
        if unknown || nothingLeft, let done = try await completed(ref) { return try outcome(done, alreadyDone: true) }
        if unknown { throw .notFound("customer \(customerID)") }
        let id = "er_" + (try RetentionRunner.randomHex())
        let request = ErasureRequestRecord(
            id: id, requestID: requestID ?? id, customerRef: ref, customerID: customerID,
            requestedBy: requester.actor.rawValue, requestedAt: now
        )
        let began: (record: ErasureRequestRecord, isNew: Bool)
        do {
            began = try await store.beginErasure(request) { [audit] in
                audit.appends([requester.event("erasure.request", target: try? AuditTarget(kind: "erasure", id: id), details: [
                    "request_id": request.requestID, "customer_ref": ref,
                ])])
            }
        } catch {
            if case let .conflict(reason) = error { throw .conflict(reason) }
            throw .storage(error.description)
        }
        if !began.isNew, began.record.status == .complete { return try outcome(began.record, alreadyDone: true) }
        return try await finish(began.record, customerID: customerID, by: requester, resumed: !began.isNew)
    }

    /// Whether the customer is known at all (a CRM record, a subject, a conversation, or a past erasure).
    public func isKnown(customerID: String) async throws(RetentionError) -> Bool {
        do {
            let scope = try await store.erasureScope(customerID: customerID)
            if scope.hasCRMRecord || !scope.subjects.isEmpty || !scope.conversations.isEmpty { return true }
            return try await store.completedErasure(customerRef: customerRef(customerID)) != nil
        } catch { throw .storage(error.description) }
    }

    /// Finishes erasures a crash interrupted.
    public func resumeInterrupted(by requester: Requester) async throws(RetentionError) -> [Outcome] {
        let running: [ErasureRequestRecord]
        do { running = try await store.erasureRequests(status: .running) } catch { throw .storage(error.description) }
        var outcomes: [Outcome] = []
        for record in running.reversed() {
            guard let customerID = record.customerID else { continue }
            outcomes.append(try await finish(record, customerID: customerID, by: requester, resumed: true))
        }
        return outcomes
    }

    /// Applies the erasure log again (after a restore of an older backup or
    /// keyring); audited when it changed anything.
    public func reapplyLog(now: Date = Date()) async throws(RetentionError) -> ReappliedErasures {
        let key = referenceKey
        let result: ReappliedErasures
        do { result = try await store.reapplyErasures(customerRef: { Self.customerRef($0, key: key) }, now: now) } catch { throw .storage(error.description) }
        if result.changedAnything {
            do {
                try await audit.record(Requester.system.event("erasure.reapply", details: [
                    "keys_destroyed": String(result.keysDestroyed), "conversations": String(result.conversationsDeleted),
                    "crm_customers": String(result.crmRecordsDeleted), "erasures": String(result.erasuresReapplied),
                ]))
            } catch { throw .audit(error.description) }
        }
        return result
    }

    private func finish(_ record: ErasureRequestRecord, customerID: String, by requester: Requester, resumed: Bool) async throws(RetentionError) -> Outcome {
        let now = Date()
        do {
            let scope = try await store.erasureScope(customerID: customerID)
            let holds = HoldSet(try await store.legalHolds(activeOnly: true))
            var heldBy = Set<String>()
            var held: [RetentionItem] = []
            var erasable: [String] = []
            for conversation in scope.conversations {
                let covering = holds.covering(conversation)
                if covering.isEmpty { erasable.append(conversation.id) } else {
                    held.append(conversation)
                    heldBy.formUnion(covering)
                }
            }
            let crmHolds = holds.covering(customer: customerID)
            heldBy.formUnion(crmHolds)
            let heldSubjects = Set(held.compactMap(\.subjectID))
            let shreddable = scope.subjects.filter { !heldSubjects.contains($0) }

            var counts = RetentionCounts()
            for chunk in RetentionRunner.chunks(erasable, 200) {
                counts.add(try await store.retentionDelete(.conversations, ids: chunk, now: now))
            }
            var crm = (customers: 0, tickets: 0)
            if scope.hasCRMRecord, crmHolds.isEmpty { crm = try await store.eraseCRMCustomer(customerID) }
            try await store.logErasure(
                id: record.id, subjects: shreddable, customerRef: crmHolds.isEmpty ? record.customerRef : nil, now: now
            )
            let fingerprints = try await store.destroyKeys(of: shreddable, now: now)
            try await store.checkpointAndTruncate()
            let models = try await store.modelsTrained(onSubjects: scope.subjects)
            try await store.markModels(models, trainedOnErasure: record.id, now: now)

            var details: [String: String] = [
                "request_id": record.requestID, "customer_ref": record.customerRef,
                "erased.conversations": String(counts.deleted), "erased.turns": String(counts.turns),
                "erased.vault": String(counts.vault), "erased.notes": String(counts.notes),
                "erased.feedback": String(counts.feedback), "erased.handoffs": String(counts.handoffs),
                "erased.crm_customer": String(crm.customers), "erased.crm_tickets": String(crm.tickets),
                "held": String(held.count),
                "requested_at": RetentionRunner.time(record.requestedAt), "completed_at": RetentionRunner.time(now),
            ]
            if resumed { details["resumed"] = "true" }
            details.merge(Self.list("subjects", shreddable.sorted())) { a, _ in a }
            details.merge(Self.list("keys_destroyed", fingerprints.sorted())) { a, _ in a }
            details.merge(Self.list("held.hold_ids", heldBy.sorted())) { a, _ in a }
            details.merge(Self.list("models", models.sorted())) { a, _ in a }
            let summary = Self.canonicalJSON(details)
            let event = requester.event("erasure.complete", target: try? AuditTarget(kind: "erasure", id: record.id), details: details)
            let sequence = try await store.completeErasure(id: record.id, summary: summary, now: now) { [audit] in audit.appends([event]) }
            var receiptText: String?
            do {
                receiptText = try await receipt(UInt64(sequence))
                if let receiptText { try await store.saveErasureReceipt(id: record.id, receipt: receiptText) }
            } catch let error as StoreError {
                throw error
            } catch {
                throw RetentionError.audit("the erasure is complete (audit entry \(sequence)) but its receipt could not be made: \(error)")
            }
            guard let done = try await store.erasureRequest(id: record.id) else { throw StoreError.notFound("erasure \(record.id)") }
            return Outcome(record: done, details: details, receipt: receiptText, alreadyDone: false)
        } catch let error as RetentionError {
            throw error
        } catch let error as StoreError {
            throw .storage(error.description)
        } catch {
            throw .storage(String(describing: error))
        }
    }

    private func completed(_ ref: String) async throws(RetentionError) -> ErasureRequestRecord? {
        do { return try await store.completedErasure(customerRef: ref) } catch { throw .storage(error.description) }
    }

    private func liveSubjects(_ subjects: [String]) async throws(RetentionError) -> [String] {
        do { return try await store.subjectsWithKeys(subjects) } catch { throw .storage(error.description) }
    }

    private func outcome(_ record: ErasureRequestRecord, alreadyDone: Bool) throws(RetentionError) -> Outcome {
        let details = record.summary.flatMap { try? JSONDecoder().decode([String: String].self, from: Data($0.utf8)) } ?? [:]
        return Outcome(record: record, details: details, receipt: record.receipt, alreadyDone: alreadyDone)
    }

    /// A list as detail values of at most 1,024 bytes: `key`, then `key.2`, `key.3`, ...
    static func list(_ key: String, _ values: [String]) -> [String: String] {
        var parts: [String] = [""]
        for value in values {
            let candidate = parts[parts.count - 1].isEmpty ? value : parts[parts.count - 1] + "," + value
            if candidate.utf8.count > AuditEntry.maximumDetailValueBytes {
                parts.append(value)
            } else {
                parts[parts.count - 1] = candidate
            }
        }
        var result: [String: String] = [:]
        for (index, part) in parts.enumerated() { result[index == 0 ? key : "\(key).\(index + 1)"] = part }
        return result
    }

    static func canonicalJSON(_ details: [String: String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(details)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    static func check(customerID: String) throws(RetentionError) {
        guard !customerID.isEmpty, customerID.utf8.count <= 256, customerID.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }) else {
            throw .invalidRequest("a customer id is 1 to 256 visible ASCII characters")
        }
    }

    static func check(requestID: String) throws(RetentionError) {
        guard !requestID.isEmpty, requestID.utf8.count <= 128, requestID.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F && $0 != "," }) else {
            throw .invalidRequest("a request id is 1 to 128 visible ASCII characters without commas")
        }
    }
}
