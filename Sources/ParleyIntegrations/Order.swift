import Foundation

/// An order as the firm's order system knows it.
public struct Order: Sendable, Hashable, Codable {
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        case processing, shipped, delivered, cancelled, returned
    }

    public var number: String
    public var customerID: String?
    public var status: Status
    public var placedAt: Date?
    /// Calendar day (UTC midnight) the order is expected to ship.
    public var expectedShipDate: Date?
    public var shippedAt: Date?
    /// Calendar day the order is expected to arrive.
    public var expectedDeliveryDate: Date?
    public var deliveredAt: Date?
    public var carrier: String?
    public var trackingNumber: String?
    /// Total in minor units (cents), with its ISO 4217 currency.
    public var totalMinorUnits: Int?
    public var currency: String?

    public init(
        number: String, customerID: String? = nil, status: Status, placedAt: Date? = nil,
        expectedShipDate: Date? = nil, shippedAt: Date? = nil, expectedDeliveryDate: Date? = nil,
        deliveredAt: Date? = nil, carrier: String? = nil, trackingNumber: String? = nil,
        totalMinorUnits: Int? = nil, currency: String? = nil
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
}
