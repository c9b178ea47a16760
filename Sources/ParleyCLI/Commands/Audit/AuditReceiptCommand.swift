import ArgumentParser
import Foundation
import ParleyAudit
import ParleyEngine

struct AuditReceiptCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "receipt",
        abstract: "Write a receipt that proves one audit entry offline (a checkpoint signed now, the entry, its inclusion proof).",
        discussion: "Verify it with 'parley audit verify-receipt FILE --public-key KEYFILE'."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The entry's sequence number.")
    var sequence: UInt64

    @Option(help: "The file to write (must not exist).")
    var out: String

    func validate() throws {
        guard sequence >= 1 else { throw ValidationError("sequence numbers start at 1") }
    }

    func run() async throws {
        guard !FileManager.default.fileExists(atPath: out) else { throw ValidationError("\(out) already exists") }
        let context = try CommandContext(global)
        let data = try context.open()
        // Recorded first, so that the receipt's checkpoint covers its own request.
        try await context.record(Principal.localUser().event("audit.receipt", details: ["sequence": String(sequence)]), in: data)
        let receipt: AuditReceipt
        do { receipt = try await data.audit.receipt(forSequence: sequence) } catch {
            if case .noSuchEntry = error { throw ValidationError("\(error)") }
            throw error
        }
        try Data(receipt.text.utf8).write(to: URL(fileURLWithPath: out), options: .withoutOverwriting)
        print("wrote the receipt of entry \(sequence) (\(receipt.entry.action)) to \(out)")
        print("verify with: parley audit verify-receipt \(out) --public-key KEYFILE   (key: parley audit public-key)")
    }
}
