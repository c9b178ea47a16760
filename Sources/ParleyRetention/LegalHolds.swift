import Foundation
import ParleyAudit
import ParleyCrypto
import ParleyStore

/// Legal holds as first-class objects: added, listed and released, each
/// change audited. The audit entry names the hold, its scope and a hash of
/// the reason and authority, never their words (an admin's free text).
public struct LegalHolds: Sendable {
    public let store: Store
    public let audit: AuditTrail

    public init(store: Store, audit: AuditTrail) {
        self.store = store
        self.audit = audit
    }

    /// What a hold covers and why.
    public struct Request: Sendable, Hashable {
        public var scope: LegalHoldRecord.Scope
        public var customerID: String?
        public var conversationID: String?
        public var from: Date?
        public var to: Date?
        public var reason: String
        public var authority: String
        public var reviewBy: Date?

        public init(
            scope: LegalHoldRecord.Scope, customerID: String? = nil, conversationID: String? = nil, from: Date? = nil,
            to: Date? = nil, reason: String, authority: String, reviewBy: Date? = nil
        ) {
            self.scope = scope
            self.customerID = customerID
            self.conversationID = conversationID
            self.from = from
            self.to = to
            self.reason = reason
            self.authority = authority
            self.reviewBy = reviewBy
        }
    }

    public func add(_ request: Request, by requester: Requester, now: Date = Date()) async throws(RetentionError) -> LegalHoldRecord {
        try Self.check(text: request.reason, name: "reason")
        try Self.check(text: request.authority, name: "authority")
        switch request.scope {
        case .customer:
            guard let id = request.customerID, !id.isEmpty, request.conversationID == nil, request.from == nil, request.to == nil else {
                throw .invalidRequest("a customer hold names one customer id, and nothing else")
            }
        case .conversation:
            guard let id = request.conversationID, !id.isEmpty, request.customerID == nil, request.from == nil, request.to == nil else {
                throw .invalidRequest("a conversation hold names one conversation id, and nothing else")
            }
        case .period:
            guard let from = request.from, let to = request.to, request.customerID == nil, request.conversationID == nil else {
                throw .invalidRequest("a period hold names a start and an end, and nothing else")
            }
            guard from < to else { throw .invalidRequest("the period ends before it starts") }
        }
        if let reviewBy = request.reviewBy, reviewBy <= now { throw .invalidRequest("the review date is not in the future") }
        let hold = LegalHoldRecord(
            id: "hold_" + (try RetentionRunner.randomHex()), scope: request.scope, customerID: request.customerID,
            conversationID: request.conversationID, periodFrom: request.from, periodTo: request.to, reason: request.reason,
            authority: request.authority, reviewBy: request.reviewBy, createdAt: now, createdBy: requester.actor.rawValue
        )
        var subject: String?
        if let customer = request.customerID {
            do { subject = try await store.subjectID(ofCustomer: customer) } catch { throw .storage(error.description) }
        }
        var details = [
            "scope": hold.scope.rawValue,
            "reason_sha256": Hex.encode(SHA256.hash(Array(hold.reason.utf8))),
            "authority_sha256": Hex.encode(SHA256.hash(Array(hold.authority.utf8))),
        ]
        if let subject { details["subject"] = subject }
        if let conversation = hold.conversationID { details["conversation"] = conversation }
        if let from = hold.periodFrom, let to = hold.periodTo {
            details["from"] = RetentionRunner.time(from)
            details["to"] = RetentionRunner.time(to)
        }
        if let review = hold.reviewBy { details["review_by"] = RetentionRunner.time(review) }
        let event = requester.event("hold.add", target: try? AuditTarget(kind: "hold", id: hold.id), details: details)
        do {
            try await store.addHold(hold) { [audit] in audit.appends([event]) }
        } catch {
            switch error {
            case let .notFound(what): throw .notFound(what)
            case let .invalid(reason): throw .invalidRequest(reason)
            default: throw .storage(error.description)
            }
        }
        return hold
    }

    public func list(activeOnly: Bool = false) async throws(RetentionError) -> [LegalHoldRecord] {
        do { return try await store.legalHolds(activeOnly: activeOnly) } catch { throw .storage(error.description) }
    }

    public func release(id: String, by requester: Requester, now: Date = Date()) async throws(RetentionError) -> LegalHoldRecord {
        do {
            return try await store.releaseHold(id: id, by: requester.actor.rawValue, now: now) { [audit] hold in
                audit.appends([requester.event("hold.release", target: try? AuditTarget(kind: "hold", id: hold.id), details: ["scope": hold.scope.rawValue])])
            }
        } catch {
            switch error {
            case let .notFound(what): throw .notFound(what)
            case let .conflict(reason): throw .conflict(reason)
            default: throw .storage(error.description)
            }
        }
    }

    /// Reason and authority: 1 to 1,000 characters of one line.
    static func check(text: String, name: String) throws(RetentionError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw .invalidRequest("a hold needs a \(name)") }
        guard text.count <= 1_000 else { throw .invalidRequest("the \(name) is longer than 1000 characters") }
        guard !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw .invalidRequest("the \(name) must be one line without control characters")
        }
    }
}
