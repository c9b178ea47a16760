import ArgumentParser
import Foundation
import ParleyEngine
import ParleyRetention
import ParleyServer
import ParleyStore

/// `parley erase`: an erasure request (GDPR Art. 17).
struct Erase: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Erase a customer (GDPR Art. 17) and write a signed receipt.",
        discussion: """
            Destroys the keys of every subject of the customer (so their text is
            unreadable everywhere, backups included), deletes their conversations,
            vaulted values, notes, feedback, handoffs and CRM record, checkpoints the
            WAL, marks models trained on their labels, and records a signed receipt
            that 'parley audit verify-receipt' checks offline with the audit public key
            alone. What a legal hold covers is kept, and the receipt names the hold.
            The same --request-id twice gives the same receipt; a crash halfway is
            finished at the next start.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "The customer id.")
    var customer: String

    @Option(help: "Your reference for the request (a ticket number); default: the erasure's own id.")
    var requestID: String?

    @Option(help: "Write the signed receipt to this file (must not exist).")
    var receipt: String?

    @Flag(help: "Print JSON.")
    var json = false

    func validate() throws {
        if let receipt, FileManager.default.fileExists(atPath: receipt) { throw ValidationError("\(receipt) already exists") }
    }

    func run() async throws {
        let (data, services) = try await CommandContext(global).openRetention()
        defer { try? data.store.close() }
        let outcome = try await services.erase(customerID: customer, requestID: requestID, by: .localUser())
        if let receipt, let text = outcome.receipt {
            guard FileManager.default.createFile(atPath: receipt, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
                throw ValidationError("cannot write \(receipt)")
            }
        }
        if json {
            try printJSON(ErasureView(outcome.record, details: outcome.details))
            return
        }
        let record = outcome.record
        print("\(outcome.alreadyDone ? "already erased" : "erased"): \(record.id) (request \(record.requestID))")
        let counts = ["conversations", "turns", "vault", "notes", "feedback", "handoffs", "crm_customer", "crm_tickets"]
            .map { "\($0) \(outcome.details["erased.\($0)"] ?? "0")" }
        print("  " + counts.joined(separator: ", "))
        if let held = outcome.details["held"], held != "0" { print("  kept by legal holds: \(held) conversations (\(outcome.details["held.hold_ids"] ?? ""))") }
        if let models = outcome.details["models"], !models.isEmpty { print("  models trained on their data: \(models)") }
        if let receipt { print("  receipt: \(receipt)") }
    }
}
