import Foundation
import GRDB

/// A legal hold: while active, what it covers is neither deleted by retention
/// nor erased (GDPR Art. 17(3)(e)): a customer's data, one conversation, or
/// every conversation active during a period. Reason and authority are an
/// admin's words; they stay in the database and never reach the audit log.
public struct LegalHoldRecord: Sendable, Hashable, Codable {
    public enum Scope: String, Sendable, Hashable, Codable, DatabaseValueConvertible, CaseIterable {
        case customer, conversation, period
    }

    public var id: String
    public var scope: Scope
    public var customerID: String?
    public var conversationID: String?
    public var periodFrom: Date?
    public var periodTo: Date?
    public var reason: String
    public var authority: String
    public var reviewBy: Date?
    public var createdAt: Date
    public var createdBy: String
    public var releasedAt: Date?
    public var releasedBy: String?

    public init(
        id: String, scope: Scope, customerID: String? = nil, conversationID: String? = nil, periodFrom: Date? = nil,
        periodTo: Date? = nil, reason: String, authority: String, reviewBy: Date? = nil, createdAt: Date, createdBy: String,
        releasedAt: Date? = nil, releasedBy: String? = nil
    ) {
        self.id = id
        self.scope = scope
        self.customerID = customerID
        self.conversationID = conversationID
        self.periodFrom = periodFrom
        self.periodTo = periodTo
        self.reason = reason
        self.authority = authority
        self.reviewBy = reviewBy
        self.createdAt = createdAt
        self.createdBy = createdBy
        self.releasedAt = releasedAt
        self.releasedBy = releasedBy
    }

    public var isActive: Bool { releasedAt == nil }

    enum CodingKeys: String, CodingKey {
        case id, scope, customerID = "customer_id", conversationID = "conversation_id", periodFrom = "period_from"
        case periodTo = "period_to", reason, authority, reviewBy = "review_by", createdAt = "created_at"
        case createdBy = "created_by", releasedAt = "released_at", releasedBy = "released_by"
    }
}

extension LegalHoldRecord: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "legal_hold"
}

extension LegalHoldRecord: CustomStringConvertible {
    /// Never the reason or the authority (an admin's free text).
    public var description: String { "LegalHold(\(id), \(scope.rawValue))" }
}
