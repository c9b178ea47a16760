import ArgumentParser
import Foundation
import ParleyEngine
import ParleyRetention

/// `parley export`: an access or portability request (GDPR Art. 15 and 20).
struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write everything held about a customer as JSON (GDPR Art. 15 and 20).",
        discussion: """
            The CRM record, orders and tickets, every conversation with its (redacted)
            text opened with the customer's key, handoffs, agents' replies and notes,
            the retention periods that apply and the purposes of the policy. Vaulted
            raw values only with --include-vault. Audited. An erased customer is refused.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "The customer id.")
    var customer: String

    @Option(help: "The file to write (must not exist; created 0600).")
    var out: String

    @Flag(help: "Include vaulted raw PII values.")
    var includeVault = false

    func validate() throws {
        if FileManager.default.fileExists(atPath: out) { throw ValidationError("\(out) already exists") }
    }

    func run() async throws {
        let (data, services) = try await CommandContext(global).openRetention()
        defer { try? data.store.close() }
        let document = try await services.export(customerID: customer, includeVault: includeVault, by: .localUser())
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        guard FileManager.default.createFile(atPath: out, contents: try encoder.encode(document), attributes: [.posixPermissions: 0o600]) else {
            throw ValidationError("cannot write \(out)")
        }
        print("exported \(document.conversations.count) conversations of \(customer) to \(out)")
    }
}
