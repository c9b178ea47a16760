import Foundation
import ParleyAudit
import ParleyStore

/// Access and portability (GDPR Art. 15 and 20): a machine-readable JSON
/// document of everything held about a customer, with the retention periods
/// that apply to it and the purposes it is held for. Audited (which subjects,
/// how many items; never the content).
public struct SubjectAccess: Sendable {
    public let store: Store
    public let audit: AuditTrail
    public let erasure: Erasure

    public init(store: Store, audit: AuditTrail, erasure: Erasure) {
        self.store = store
        self.audit = audit
        self.erasure = erasure
    }

    public func export(customerID: String, includeVault: Bool, policy: RetentionPolicy, by requester: Requester, now: Date = Date()) async throws(RetentionError) -> SubjectAccessDocument {
        try Erasure.check(customerID: customerID)
        let data: SubjectAccessData?
        let scope: ErasureScope
        let live: [String]
        let erased: ErasureRequestRecord?
        do {
            scope = try await store.erasureScope(customerID: customerID)
            live = try await store.subjectsWithKeys(scope.subjects)
            erased = try await store.completedErasure(customerRef: erasure.customerRef(customerID))
            data = try await store.subjectAccessData(customerID: customerID, includeVault: includeVault)
        } catch { throw .storage(error.description) }
        guard let data, data.customer != nil || !live.isEmpty else {
            if erased != nil || !scope.subjects.isEmpty { throw .erased("customer \(customerID)") }
            throw .notFound("customer \(customerID)")
        }
        let document = SubjectAccessDocument(customerID: customerID, data: data, includeVault: includeVault, policy: policy, now: now)
        var details = [
            "conversations": String(document.conversations.count),
            "turns": String(document.conversations.reduce(0) { $0 + $1.turns.count }),
            "include_vault": includeVault ? "true" : "false",
            "customer_ref": erasure.customerRef(customerID),
        ]
        details.merge(Erasure.list("subjects", scope.subjects)) { a, _ in a }
        do { try await audit.record(requester.event("subject.export", details: details)) } catch { throw .audit(error.description) }
        return document
    }
}

/// The access document (`parley export`): format "parley-subject-access", version 1.
public struct SubjectAccessDocument: Sendable, Codable {
    public struct Customer: Sendable, Codable {
        public let id: String
        public let name: String
        public let email: String?
        public let tier: String
    }

    public struct Order: Sendable, Codable {
        public let number: String
        public let status: String
        public let placedAt: Date?
        public let shippedAt: Date?
        public let deliveredAt: Date?
        public let carrier: String?
        public let trackingNumber: String?
        public let totalMinorUnits: Int?
        public let currency: String?

        enum CodingKeys: String, CodingKey {
            case number, status, placedAt = "placed_at", shippedAt = "shipped_at", deliveredAt = "delivered_at", carrier
            case trackingNumber = "tracking_number", totalMinorUnits = "total_minor_units", currency
        }
    }

    public struct Ticket: Sendable, Codable {
        public let id: String
        public let subject: String
        public let status: String
        public let openedAt: Date

        enum CodingKeys: String, CodingKey { case id, subject, status, openedAt = "opened_at" }
    }

    public struct Turn: Sendable, Codable {
        public let seq: Int
        public let role: String
        /// Redacted text; null when removed by retention.
        public let text: String?
        public let intent: String?
        public let at: Date
    }

    public struct Handoff: Sendable, Codable {
        public let queue: String
        public let reason: String
        public let rule: String
        public let status: String
        public let createdAt: Date
        public let claimedAt: Date?
        public let resolvedAt: Date?

        enum CodingKeys: String, CodingKey {
            case queue, reason, rule, status, createdAt = "created_at", claimedAt = "claimed_at", resolvedAt = "resolved_at"
        }
    }

    public struct Note: Sendable, Codable {
        public let intent: String
        public let text: String?
        public let at: Date
    }

    public struct Vaulted: Sendable, Codable {
        public let seq: Int
        public let type: String
        public let value: String
    }

    public struct Conversation: Sendable, Codable {
        public let id: String
        public let status: String
        public let createdAt: Date
        public let updatedAt: Date
        public let turns: [Turn]
        public let handoffs: [Handoff]
        public let agentNotes: [Note]
        /// Present only when the vault was asked for.
        public let vault: [Vaulted]?

        enum CodingKeys: String, CodingKey {
            case id, status, createdAt = "created_at", updatedAt = "updated_at", turns, handoffs, agentNotes = "agent_notes", vault
        }
    }

    /// A rule of the policy that applies to some of this data.
    public struct Period: Sendable, Codable {
        public let category: DataCategory
        public let rule: String
        public let action: RetentionRule.Action
        public let days: Int
        public let basis: RetentionRule.Basis
    }

    public let format: String
    public let version: Int
    public let generatedAt: Date
    public let customerID: String
    public let customer: Customer?
    public let orders: [Order]
    public let tickets: [Ticket]
    public let conversations: [Conversation]
    public let erasedSubjects: Int
    public let retention: [Period]
    public let purposes: [RetentionPolicy.Purpose]

    enum CodingKeys: String, CodingKey {
        case format, version, generatedAt = "generated_at", customerID = "customer_id", customer, orders, tickets
        case conversations, erasedSubjects = "erased_subjects", retention, purposes
    }

    init(customerID: String, data: SubjectAccessData, includeVault: Bool, policy: RetentionPolicy, now: Date) {
        format = "parley-subject-access"
        version = 1
        generatedAt = now
        self.customerID = customerID
        customer = data.customer.map { Customer(id: $0.id, name: $0.name, email: $0.email, tier: $0.tier) }
        orders = data.orders.map {
            Order(number: $0.number, status: $0.status, placedAt: $0.placedAt, shippedAt: $0.shippedAt, deliveredAt: $0.deliveredAt,
                  carrier: $0.carrier, trackingNumber: $0.trackingNumber, totalMinorUnits: $0.totalMinorUnits, currency: $0.currency)
        }
        tickets = data.tickets.map { Ticket(id: $0.id, subject: $0.subject, status: $0.status, openedAt: $0.openedAt) }
        conversations = data.conversations.map { conversation in
            Conversation(
                id: conversation.record.id, status: conversation.record.status.rawValue,
                createdAt: conversation.record.createdAt, updatedAt: conversation.record.updatedAt,
                turns: conversation.turns.map { Turn(seq: $0.seq, role: $0.role.rawValue, text: $0.text, intent: $0.intent, at: $0.at) },
                handoffs: conversation.handoffs.map {
                    Handoff(queue: $0.queue, reason: $0.reason, rule: $0.rule, status: $0.status.rawValue,
                            createdAt: $0.createdAt, claimedAt: $0.claimedAt, resolvedAt: $0.resolvedAt)
                },
                agentNotes: conversation.notes.map { Note(intent: $0.intent, text: $0.text, at: $0.at) },
                vault: includeVault ? conversation.vault.map { Vaulted(seq: $0.seq, type: $0.value.type, value: $0.value.value) } : nil
            )
        }
        erasedSubjects = data.erasedSubjects
        let held: Set<DataCategory> = [
            data.conversations.isEmpty ? nil : .conversations, data.conversations.contains { !$0.vault.isEmpty } ? .vault : nil,
            data.conversations.contains { !$0.notes.isEmpty } ? .agentNotes : nil, data.conversations.contains { !$0.notes.isEmpty } ? .feedback : nil,
            data.conversations.contains { !$0.handoffs.isEmpty } ? .handoffs : nil, data.orders.isEmpty && data.tickets.isEmpty ? nil : .crm,
        ].compactMap { $0 }.reduce(into: Set()) { $0.insert($1) }
        retention = policy.rules.filter { held.contains($0.category) }.map {
            Period(category: $0.category, rule: $0.name, action: $0.action, days: $0.days, basis: $0.basis)
        }
        purposes = policy.purposes
    }
}
