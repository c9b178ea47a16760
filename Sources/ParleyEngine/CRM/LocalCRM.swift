import Foundation
import ParleyIntegrations
import ParleyStore

/// The built-in CRM: customers, orders and tickets in Parley's own database,
/// behind the same connector protocol a firm's systems would implement.
public struct LocalCRM: CustomerRecords {
    let store: Store

    public init(store: Store) {
        self.store = store
    }

    public func order(number: String) async throws(IntegrationError) -> Order? {
        let record: CRMOrderRecord?
        do { record = try await store.crmOrder(number: number) } catch {
            throw .unavailable(connector: "local CRM", reason: error.description)
        }
        guard let record else { return nil }
        return try Self.order(record)
    }

    public func orders(customerID: String, limit: Int) async throws(IntegrationError) -> [Order] {
        let records: [CRMOrderRecord]
        do { records = try await store.crmOrders(customerID: customerID, limit: limit) } catch {
            throw .unavailable(connector: "local CRM", reason: error.description)
        }
        var orders: [Order] = []
        for record in records { orders.append(try Self.order(record)) }
        return orders
    }

    private static func order(_ record: CRMOrderRecord) throws(IntegrationError) -> Order {
        guard let status = Order.Status(rawValue: record.status) else {
            throw .invalidRecord(connector: "local CRM", reason: "unknown order status")
        }
        return Order(
            number: record.number, customerID: record.customerID, status: status, placedAt: record.placedAt,
            expectedShipDate: record.expectedShipDate, shippedAt: record.shippedAt,
            expectedDeliveryDate: record.expectedDeliveryDate, deliveredAt: record.deliveredAt,
            carrier: record.carrier, trackingNumber: record.trackingNumber,
            totalMinorUnits: record.totalMinorUnits, currency: record.currency
        )
    }

    public func customer(id: String) async throws(IntegrationError) -> Customer? {
        do {
            return try await store.crmCustomer(id: id).map { Customer(id: $0.id, name: $0.name, email: $0.email, tier: $0.tier) }
        } catch {
            throw .unavailable(connector: "local CRM", reason: error.description)
        }
    }

    public func tickets(customerID: String) async throws(IntegrationError) -> [Ticket] {
        do {
            return try await store.crmTickets(customerID: customerID).compactMap { record in
                Ticket.Status(rawValue: record.status).map {
                    Ticket(id: record.id, customerID: record.customerID, subject: record.subject, status: $0, openedAt: record.openedAt)
                }
            }
        } catch {
            throw .unavailable(connector: "local CRM", reason: error.description)
        }
    }
}
