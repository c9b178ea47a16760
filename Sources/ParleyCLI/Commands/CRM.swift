import ArgumentParser
import Foundation
import ParleyAudit
import ParleyEngine

/// `parley crm import`: loads CSV files into the built-in CRM.
struct CRM: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crm",
        abstract: "The built-in local CRM.",
        subcommands: [CRMImport.self]
    )
}

struct CRMImport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import customers, orders and tickets from CSV (all or nothing).",
        discussion: """
            The first row of each file names its columns:
            customers.csv: id, name, email, tier;
            orders.csv: number, customer_id, status, placed_at, expected_ship_date,
            shipped_at, expected_delivery_date, delivered_at, carrier, tracking_number,
            total, currency;
            tickets.csv: id, customer_id, subject, status, opened_at.
            Dates are YYYY-MM-DD, RFC 3339, or today+N and today-N (days from now).
            Existing rows with the same id are replaced.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "A directory holding customers.csv, orders.csv and/or tickets.csv.")
    var directory: String?

    @Option(help: "Customers CSV file.") var customers: String?
    @Option(help: "Orders CSV file.") var orders: String?
    @Option(help: "Tickets CSV file.") var tickets: String?

    @Flag(help: "Print the counts as JSON.")
    var json = false

    func validate() throws {
        if directory == nil, customers == nil, orders == nil, tickets == nil {
            throw ValidationError("give a directory or at least one of --customers, --orders, --tickets")
        }
    }

    func run() async throws {
        var files = directory.map { CRMImporter.Files.inDirectory(URL(fileURLWithPath: $0)) } ?? CRMImporter.Files()
        if let customers { files.customers = URL(fileURLWithPath: customers) }
        if let orders { files.orders = URL(fileURLWithPath: orders) }
        if let tickets { files.tickets = URL(fileURLWithPath: tickets) }
        guard !files.isEmpty else { throw ValidationError("no customers.csv, orders.csv or tickets.csv in \(directory ?? ".")") }
        let context = try CommandContext(global)
        let data = try context.open()
        let counts = try await CRMImporter().importFiles(files, into: data.store)
        try await context.record(Principal.localUser().event("crm.import", details: [
            "customers": String(counts.customers), "orders": String(counts.orders), "tickets": String(counts.tickets),
        ]), in: data)
        if json {
            try printJSON(counts)
        } else {
            print("imported \(counts.customers) customers, \(counts.orders) orders, \(counts.tickets) tickets")
        }
    }
}
