import ArgumentParser
import Foundation
import ParleyAudit
import ParleyEngine

struct AuditExport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the entries of a period, with inclusion proofs against a checkpoint signed now (JSONL), or as CSV.",
        discussion: "Verify a bundle offline with 'parley audit verify FILE --public-key KEYFILE'."
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "Start of the period (RFC 3339, e.g. 2026-11-01T00:00:00Z).")
    var from: String

    @Option(help: "End of the period (RFC 3339).")
    var to: String

    @Option(help: "The file to write (must not exist).")
    var out: String

    @Option(help: "jsonl (bundle with proofs, default) or csv (spreadsheet view, no proofs).")
    var format = "jsonl"

    func validate() throws {
        guard ["jsonl", "csv"].contains(format) else { throw ValidationError("--format must be jsonl or csv") }
        guard ISO8601DateFormatter().date(from: from) != nil, ISO8601DateFormatter().date(from: to) != nil else {
            throw ValidationError("--from and --to must be RFC 3339 times such as 2026-11-01T00:00:00Z")
        }
    }

    func run() async throws {
        guard !FileManager.default.fileExists(atPath: out) else { throw ValidationError("\(out) already exists") }
        let context = try CommandContext(global)
        let data = try context.open()
        let start = ISO8601DateFormatter().date(from: from)!
        let end = ISO8601DateFormatter().date(from: to)!
        let statement: ExportStatement
        do {
            let bundle = try await data.audit.export(from: start, to: end)
            statement = bundle.statement
            let bytes: Data
            if format == "csv" {
                let entries = try await data.audit.entries(statement.firstSequence...statement.lastSequence)
                bytes = Data(AuditCSV.render(entries).utf8)
            } else {
                bytes = Data(bundle.bytes)
            }
            try bytes.write(to: URL(fileURLWithPath: out), options: .withoutOverwriting)
        } catch {
            // A failed export is on the record too; the caller sees the export's error.
            do {
                try await context.record(Principal.localUser().event("audit.export", outcome: .failure, details: [
                    "from": from, "to": to, "format": format, "reason": String(describing: type(of: error)),
                ]), in: data)
            } catch let auditError {
                context.logger.error("the failed export could not be audited", metadata: ["error": "\(auditError)"])
            }
            throw error
        }
        do {
            try await context.record(Principal.localUser().event("audit.export", details: [
                "from": from, "to": to, "format": format,
                "first_seq": String(statement.firstSequence), "last_seq": String(statement.lastSequence),
            ]), in: data)
        } catch {
            // No export leaves the appliance without its entry in the log.
            do { try FileManager.default.removeItem(atPath: out) } catch let removal {
                context.logger.error("an unaudited export could not be removed", metadata: ["path": "\(out)", "error": "\(removal)"])
            }
            throw error
        }
        print("exported entries \(statement.firstSequence)–\(statement.lastSequence) to \(out)")
        print("verify with: parley audit verify \(out) --public-key KEYFILE   (key: parley audit public-key)")
    }
}
