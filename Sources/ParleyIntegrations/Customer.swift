import Foundation

/// A customer (a data subject) as the firm's CRM knows them.
public struct Customer: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var email: String?
    /// Service tier (`standard`, `gold`, `vip`, ...), which escalation rules may use.
    public var tier: String

    public init(id: String, name: String, email: String? = nil, tier: String = "standard") {
        self.id = id
        self.name = name
        self.email = email
        self.tier = tier
    }
}

/// A support ticket in the firm's CRM.
public struct Ticket: Sendable, Hashable, Codable {
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        case open, pending, closed
    }

    public var id: String
    public var customerID: String
    public var subject: String
    public var status: Status
    public var openedAt: Date

    public init(id: String, customerID: String, subject: String, status: Status, openedAt: Date) {
        self.id = id
        self.customerID = customerID
        self.subject = subject
        self.status = status
        self.openedAt = openedAt
    }
}
