import Foundation
import GRDB

/// How many rows an import inserted or updated.
public struct ImportCounts: Sendable, Hashable, Codable {
    public var customers = 0
    public var orders = 0
    public var tickets = 0

    public init(customers: Int = 0, orders: Int = 0, tickets: Int = 0) {
        self.customers = customers
        self.orders = orders
        self.tickets = tickets
    }
}

extension Store {
    /// Inserts or replaces CRM rows in one transaction: all or nothing.
    public func importCRM(
        customers: [CRMCustomerRecord], orders: [CRMOrderRecord], tickets: [CRMTicketRecord]
    ) async throws(StoreError) -> ImportCounts {
        try await write { db in
            for customer in customers { try customer.save(db) }
            for order in orders { try order.save(db) }
            for ticket in tickets { try ticket.save(db) }
            return ImportCounts(customers: customers.count, orders: orders.count, tickets: tickets.count)
        }
    }

    public func crmCounts() async throws(StoreError) -> ImportCounts {
        try await read { db in
            ImportCounts(
                customers: try CRMCustomerRecord.fetchCount(db),
                orders: try CRMOrderRecord.fetchCount(db),
                tickets: try CRMTicketRecord.fetchCount(db)
            )
        }
    }

    /// Read on a turn that names an order: a cached statement, not SQL rebuilt from the query interface each time.
    public func crmOrder(number: String) async throws(StoreError) -> CRMOrderRecord? {
        try await read { db in try CRMOrderRecord.fetchOne(db.cachedStatement(sql: "SELECT * FROM crm_order WHERE number = ?"), arguments: [number]) }
    }

    /// Read on every turn of a known customer (the tier the escalation rules see): a cached statement.
    public func crmCustomer(id: String) async throws(StoreError) -> CRMCustomerRecord? {
        try await read { db in try CRMCustomerRecord.fetchOne(db.cachedStatement(sql: "SELECT * FROM crm_customer WHERE id = ?"), arguments: [id]) }
    }

    public func crmTickets(customerID: String) async throws(StoreError) -> [CRMTicketRecord] {
        try await read { db in
            try CRMTicketRecord.filter(Column("customer_id") == customerID).order(Column("opened_at").desc).fetchAll(db)
        }
    }
}
