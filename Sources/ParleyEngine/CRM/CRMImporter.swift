import Foundation
import ParleyStore

/// Imports CSV files into the built-in CRM, all or nothing:
///
/// - `customers.csv`: `id,name,email,tier`
/// - `orders.csv`: `number,customer_id,status,placed_at,expected_ship_date,shipped_at,expected_delivery_date,delivered_at,carrier,tracking_number,total,currency`
/// - `tickets.csv`: `id,customer_id,subject,status,opened_at`
///
/// Dates are `YYYY-MM-DD`, RFC 3339 timestamps, or relative to the import day
/// (`today`, `today+1`, `today-3`), so a seed file stays meaningful whenever it
/// is loaded. Totals are decimals (`49.99`). Only the columns `id`/`number`,
/// `name` and `status` are required.
public struct CRMImporter: Sendable {
    public let now: Date

    public init(now: Date = Date()) {
        self.now = now
    }

    public struct Files: Sendable {
        public var customers: URL?
        public var orders: URL?
        public var tickets: URL?

        public init(customers: URL? = nil, orders: URL? = nil, tickets: URL? = nil) {
            self.customers = customers
            self.orders = orders
            self.tickets = tickets
        }

        /// The standard file names in a directory (those that exist).
        public static func inDirectory(_ directory: URL) -> Files {
            func existing(_ name: String) -> URL? {
                let url = directory.appendingPathComponent(name)
                return FileManager.default.fileExists(atPath: url.path) ? url : nil
            }
            return Files(customers: existing("customers.csv"), orders: existing("orders.csv"), tickets: existing("tickets.csv"))
        }

        public var isEmpty: Bool { customers == nil && orders == nil && tickets == nil }
    }

    /// Parses and validates every file before anything is written.
    public func importFiles(_ files: Files, into store: Store) async throws(EngineError) -> ImportCounts {
        let customers = try files.customers.map { url throws(EngineError) in try readCustomers(CSVTable.load(url)) } ?? []
        let orders = try files.orders.map { url throws(EngineError) in try readOrders(CSVTable.load(url)) } ?? []
        let tickets = try files.tickets.map { url throws(EngineError) in try readTickets(CSVTable.load(url)) } ?? []
        do {
            return try await store.importCRM(customers: customers, orders: orders, tickets: tickets)
        } catch {
            throw .storage("CRM import failed, nothing was imported: \(error.description)")
        }
    }

    func readCustomers(_ table: CSVTable) throws(EngineError) -> [CRMCustomerRecord] {
        try table.require(["id", "name"])
        var records: [CRMCustomerRecord] = []
        for row in table.rows {
            guard let id = row["id"], let name = row["name"] else { throw fail(table, row, "id and name are required") }
            records.append(CRMCustomerRecord(id: id, name: name, email: row["email"], tier: row["tier"]?.lowercased() ?? "standard"))
        }
        return records
    }

    func readOrders(_ table: CSVTable) throws(EngineError) -> [CRMOrderRecord] {
        try table.require(["number", "status"])
        let statuses: Set<String> = ["processing", "shipped", "delivered", "cancelled", "returned"]
        var records: [CRMOrderRecord] = []
        for row in table.rows {
            guard let rawNumber = row["number"], let status = row["status"]?.lowercased() else {
                throw fail(table, row, "number and status are required")
            }
            let number = rawNumber.hasPrefix("#") ? String(rawNumber.dropFirst()) : rawNumber
            guard statuses.contains(status) else {
                throw fail(table, row, "status must be one of \(statuses.sorted().joined(separator: ", "))")
            }
            var total: Int?
            if let text = row["total"] {
                guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")), value >= 0 else {
                    throw fail(table, row, "total must be a decimal number such as 49.99")
                }
                total = NSDecimalNumber(decimal: value * 100).intValue
            }
            records.append(CRMOrderRecord(
                number: number, customerID: row["customer_id"], status: status,
                placedAt: try date(row, "placed_at", table), expectedShipDate: try date(row, "expected_ship_date", table),
                shippedAt: try date(row, "shipped_at", table), expectedDeliveryDate: try date(row, "expected_delivery_date", table),
                deliveredAt: try date(row, "delivered_at", table), carrier: row["carrier"],
                trackingNumber: row["tracking_number"], totalMinorUnits: total, currency: row["currency"]?.uppercased()
            ))
        }
        return records
    }

    func readTickets(_ table: CSVTable) throws(EngineError) -> [CRMTicketRecord] {
        try table.require(["id", "customer_id", "subject", "status"])
        var records: [CRMTicketRecord] = []
        for row in table.rows {
            guard let id = row["id"], let customer = row["customer_id"], let subject = row["subject"],
                  let status = row["status"]?.lowercased(), ["open", "pending", "closed"].contains(status)
            else { throw fail(table, row, "id, customer_id, subject and a status of open, pending or closed are required") }
            records.append(CRMTicketRecord(
                id: id, customerID: customer, subject: subject, status: status,
                openedAt: try date(row, "opened_at", table) ?? now
            ))
        }
        return records
    }

    private func date(_ row: CSVTable.Row, _ column: String, _ table: CSVTable) throws(EngineError) -> Date? {
        guard let text = row[column] else { return nil }
        guard let value = CalendarDay.parse(text, relativeTo: now) else {
            throw fail(table, row, "\(column) must be YYYY-MM-DD, an RFC 3339 time, or today±N")
        }
        return value
    }

    private func fail(_ table: CSVTable, _ row: CSVTable.Row, _ reason: String) -> EngineError {
        .configuration(file: table.file, line: row.line, key: nil, reason: reason)
    }
}
