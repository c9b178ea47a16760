import Foundation
import ParleyEngine
import ParleyRetention
import ParleyStore

/// A hold as commands and the API show it.
public struct HoldView: Encodable, Sendable {
    public let id: String
    public let scope: String
    public let customerID: String?
    public let conversationID: String?
    public let from: Date?
    public let to: Date?
    public let reason: String
    public let authority: String
    public let reviewBy: Date?
    public let createdAt: Date
    public let createdBy: String
    public let releasedAt: Date?
    public let releasedBy: String?
    public let active: Bool

    public init(_ hold: LegalHoldRecord) {
        id = hold.id
        scope = hold.scope.rawValue
        customerID = hold.customerID
        conversationID = hold.conversationID
        from = hold.periodFrom
        to = hold.periodTo
        reason = hold.reason
        authority = hold.authority
        reviewBy = hold.reviewBy
        createdAt = hold.createdAt
        createdBy = hold.createdBy
        releasedAt = hold.releasedAt
        releasedBy = hold.releasedBy
        active = hold.isActive
    }

    enum CodingKeys: String, CodingKey {
        case id, scope, customerID = "customer_id", conversationID = "conversation_id", from, to, reason, authority
        case reviewBy = "review_by", createdAt = "created_at", createdBy = "created_by", releasedAt = "released_at"
        case releasedBy = "released_by", active
    }
}

/// An erasure request as commands and the API show it.
public struct ErasureView: Encodable, Sendable {
    public let id: String
    public let requestID: String
    public let status: String
    public let requestedAt: Date
    public let completedAt: Date?
    public let auditSequence: Int64?
    public let details: [String: String]

    /// The record with the details of its audit entry (kept as its summary).
    public init(_ record: ErasureRequestRecord) {
        let details = record.summary.flatMap { try? JSONDecoder().decode([String: String].self, from: Data($0.utf8)) } ?? [:]
        self.init(record, details: details)
    }

    public init(_ record: ErasureRequestRecord, details: [String: String]) {
        id = record.id
        requestID = record.requestID
        status = record.status.rawValue
        requestedAt = record.requestedAt
        completedAt = record.completedAt
        auditSequence = record.auditSequence
        self.details = details
    }

    enum CodingKeys: String, CodingKey {
        case id, requestID = "request_id", status, requestedAt = "requested_at", completedAt = "completed_at"
        case auditSequence = "audit_seq", details
    }
}

/// `POST /v1/erasures`
struct ErasureRequestBody: Decodable {
    let customerID: String
    let requestID: String?

    enum CodingKeys: String, CodingKey { case customerID = "customer_id", requestID = "request_id" }
}

/// `GET /v1/erasures`
struct ErasureListResponse: Encodable {
    let erasures: [ErasureView]
}

/// `POST /v1/holds`
struct HoldRequestBody: Decodable {
    let customerID: String?
    let conversationID: String?
    let from: String?
    let to: String?
    let reason: String
    let authority: String
    let reviewBy: String?

    enum CodingKeys: String, CodingKey {
        case customerID = "customer_id", conversationID = "conversation_id", from, to, reason, authority, reviewBy = "review_by"
    }
}

/// `GET /v1/holds`
struct HoldListResponse: Encodable {
    let holds: [HoldView]
}

/// `POST /v1/exports`
struct ExportRequestBody: Decodable {
    let customerID: String
    let includeVault: Bool?

    enum CodingKeys: String, CodingKey { case customerID = "customer_id", includeVault = "include_vault" }
}

/// `GET /v1/retention/runs`
struct RetentionRunView: Encodable {
    let id: String
    let status: String
    let policySHA256: String
    let asOf: Date
    let startedBy: String
    let startedAt: Date
    let finishedAt: Date?

    init(_ run: RetentionRunRecord) {
        id = run.id
        status = run.status.rawValue
        policySHA256 = run.policySHA256
        asOf = run.asOf
        startedBy = run.startedBy
        startedAt = run.startedAt
        finishedAt = run.finishedAt
    }

    enum CodingKeys: String, CodingKey {
        case id, status, policySHA256 = "policy_sha256", asOf = "as_of", startedBy = "started_by", startedAt = "started_at", finishedAt = "finished_at"
    }
}

struct RetentionRunListResponse: Encodable {
    let runs: [RetentionRunView]
}
