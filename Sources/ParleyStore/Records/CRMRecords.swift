import Foundation
import GRDB

/// A customer of the built-in local CRM.
public struct CRMCustomerRecord: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var email: String?
    public var tier: String

    public init(id: String, name: String, email: String?, tier: String) {
        self.id = id
        self.name = name
        self.email = email
        self.tier = tier
    }
}

extension CRMCustomerRecord: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "crm_customer"
}

/// An order of the built-in local CRM. Dates are UTC; ship and delivery dates are calendar days.
public struct CRMOrderRecord: Sendable, Hashable, Codable {
    public var number: String
    public var customerID: String?
    public var status: String
    public var placedAt: Date?
    public var expectedShipDate: Date?
    public var shippedAt: Date?
    public var expectedDeliveryDate: Date?
    public var deliveredAt: Date?
    public var carrier: String?
    public var trackingNumber: String?
    public var totalMinorUnits: Int?
    public var currency: String?

    public init(
        number: String, customerID: String?, status: String, placedAt: Date?, expectedShipDate: Date?,
        shippedAt: Date?, expectedDeliveryDate: Date?, deliveredAt: Date?, carrier: String?,
        trackingNumber: String?, totalMinorUnits: Int?, currency: String?
    ) {
        self.number = number
        self.customerID = customerID
        self.status = status
        self.placedAt = placedAt
        self.expectedShipDate = expectedShipDate
        self.shippedAt = shippedAt
        self.expectedDeliveryDate = expectedDeliveryDate
        self.deliveredAt = deliveredAt
        self.carrier = carrier
        self.trackingNumber = trackingNumber
        self.totalMinorUnits = totalMinorUnits
        self.currency = currency
    }

    enum CodingKeys: String, CodingKey {
        case number, customerID = "customer_id", status, placedAt = "placed_at"
        case expectedShipDate = "expected_ship_date", shippedAt = "shipped_at"
        case expectedDeliveryDate = "expected_delivery_date", deliveredAt = "delivered_at"
        case carrier, trackingNumber = "tracking_number", totalMinorUnits = "total_minor_units", currency
    }
}

extension CRMOrderRecord: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "crm_order"
}

/// A ticket of the built-in local CRM.
public struct CRMTicketRecord: Sendable, Hashable, Codable {
    public var id: String
    public var customerID: String
    public var subject: String
    public var status: String
    public var openedAt: Date

    public init(id: String, customerID: String, subject: String, status: String, openedAt: Date) {
        self.id = id
        self.customerID = customerID
        self.subject = subject
        self.status = status
        self.openedAt = openedAt
    }

    enum CodingKeys: String, CodingKey {
        case id, customerID = "customer_id", subject, status, openedAt = "opened_at"
    }
}

extension CRMTicketRecord: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "crm_ticket"
}
