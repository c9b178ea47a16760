import ArgumentParser
import Foundation
import ParleyAudit
import ParleyEngine

struct AuditExport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the entries of a period, with inclusion proofs against a checkpoint signed now (JSONL), or as CSV.",
        discussion: """
            The period is half-open: --from 2026-11-01 --to 2026-12-01 is November (UTC).
            A period without entries gives a signed empty bundle that proves it empty.
            Verify a bundle offline with 'parley audit verify FILE --public-key KEYFILE'.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "Start of the period, included: a date (2026-11-01, midnight UTC) or an RFC 3339 time (2026-11-01T09:30:00Z).")
    var from: String

    @Option(help: "End of the period, excluded: a date (2026-12-01, midnight UTC) or an RFC 3339 time.")
    var to: String

    @Option(help: "The file to write (must not exist).")
    var out: String

    /// What an export writes.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case jsonl, csv
    }

    @Option(help: "jsonl (bundle with proofs, default) or csv (spreadsheet view, no proofs).")
    var format = Format.jsonl

    func validate() throws {
        let (start, end) = try period()
        guard start <= end else { throw ValidationError("--to must not be before --from") }
    }

    /// The period bounds; a bad one is a usage error naming the option.
    func period() throws -> (AuditTime, AuditTime) {
        func bound(_ text: String, _ option: String) throws -> AuditTime {
            do { return try AuditTime(periodBound: text) } catch {
                throw ValidationError("\(option) must be a date such as 2026-11-01 or an RFC 3339 time such as 2026-11-01T00:00:00Z, between 1970 and 9999")
            }
        }
        return (try bound(from, "--from"), try bound(to, "--to"))
    }

    func run() async throws {
        guard !FileManager.default.fileExists(atPath: out) else { throw ValidationError("\(out) already exists") }
        let (start, end) = try period()
        let context = try CommandContext(global)
        let data = try context.open()
        let bundle: AuditBundle
        do {
            bundle = try await data.audit.export(from: start, to: end)
            let bytes = format == .csv ? Data(AuditCSV.render(bundle.entries).utf8) : Data(bundle.bytes)
            try bytes.write(to: URL(fileURLWithPath: out), options: .withoutOverwriting)
        } catch {
            // A failed export is on the record too; the caller sees the export's error.
            do {
                try await context.record(Principal.localUser().event("audit.export", outcome: .failure, details: [
                    "from": start.rfc3339, "to": end.rfc3339, "format": format.rawValue, "reason": String(describing: type(of: error)),
                ]), in: data)
            } catch let auditError {
                context.logger.error("the failed export could not be audited", metadata: ["error": "\(auditError)"])
            }
            throw error
        }
        let statement = bundle.statement
        do {
            try await context.record(Principal.localUser().event("audit.export", details: [
                "from": start.rfc3339, "to": end.rfc3339, "format": format.rawValue,
                "first_seq": String(statement.firstSequence), "last_seq": String(statement.lastSequence),
                "empty": String(statement.isEmpty),
            ]), in: data)
        } catch {
            // No export leaves the appliance without its entry in the log.
            do { try FileManager.default.removeItem(atPath: out) } catch let removal {
                context.logger.error("an unaudited export could not be removed", metadata: ["path": "\(out)", "error": "\(removal)"])
            }
            throw error
        }
        if let sequences = statement.sequences {
            print("exported entries \(sequences.lowerBound)–\(sequences.upperBound) to \(out)")
        } else {
            print("the period holds no entry of the log (size \(statement.checkpoint.size)); wrote a signed empty bundle to \(out)")
        }
        print("verify with: parley audit verify \(out) --public-key KEYFILE   (key: parley audit public-key)")
    }
}
