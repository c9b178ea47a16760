import Foundation
import GRDB

/// An erasure request (GDPR Art. 17) and its outcome. The customer id is kept
/// only while the erasure runs (so that a crash can be finished); afterwards
/// only the pseudonymous `customerRef` (a keyed hash) remains.
public struct ErasureRequestRecord: Sendable, Hashable, Codable {
    public enum Status: String, Sendable, Hashable, Codable, DatabaseValueConvertible {
        case running, complete
    }

    /// `er_<hex>`: the erasure's own id.
    public var id: String
    /// The id the requester gave (a ticket number), or the erasure id.
    public var requestID: String
    public var customerRef: String
    public var customerID: String?
    public var status: Status
    public var requestedBy: String
    public var requestedAt: Date
    public var completedAt: Date?
    /// Sequence number of the `erasure.complete` audit entry.
    public var auditSequence: Int64?
    /// The erasure's details as recorded in that entry (canonical JSON object of strings).
    public var summary: String?
    /// The signed receipt (see `parley-audit-format(5)`).
    public var receipt: String?

    public init(id: String, requestID: String, customerRef: String, customerID: String?, requestedBy: String, requestedAt: Date) {
        self.id = id
        self.requestID = requestID
        self.customerRef = customerRef
        self.customerID = customerID
        status = .running
        self.requestedBy = requestedBy
        self.requestedAt = requestedAt
    }

    enum CodingKeys: String, CodingKey {
        case id, requestID = "request_id", customerRef = "customer_ref", customerID = "customer_id", status
        case requestedBy = "requested_by", requestedAt = "requested_at", completedAt = "completed_at"
        case auditSequence = "audit_seq", summary, receipt
    }
}

extension ErasureRequestRecord: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "erasure_request"
}

extension ErasureRequestRecord: CustomStringConvertible {
    /// Never the customer id.
    public var description: String { "ErasureRequest(\(id), \(status.rawValue))" }
}

/// Everything Parley holds of one customer that an erasure acts on.
public struct ErasureScope: Sendable, Hashable {
    /// The customer's subjects (their conversations' subjects, linked anonymous ones included).
    public var subjects: [String]
    /// Their conversations, with the facts holds look at.
    public var conversations: [RetentionItem]
    /// Whether the built-in CRM has a record of the customer.
    public var hasCRMRecord: Bool
}
