import ArgumentParser
import Foundation
import ParleyEngine
import ParleyRetention
import ParleyServer
import ParleyStore

struct HoldAdd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Put a customer, a conversation or a period on legal hold.",
        discussion: """
            Give exactly one of --customer, --conversation, or --from with --to. While
            the hold is active, retention removes nothing it covers and an erasure
            request keeps it (GDPR Art. 17(3)(e)), naming the hold. The reason and the
            authority stay in the database; the audit entry records their hashes.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "Hold everything of this customer id.")
    var customer: String?

    @Option(help: "Hold this conversation.")
    var conversation: String?

    @Option(help: "Hold every conversation active from this date or time (YYYY-MM-DD is midnight UTC).")
    var from: String?

    @Option(help: "... until this date or time (exclusive).")
    var to: String?

    @Option(help: "Why (for instance the matter or case it serves).")
    var reason: String

    @Option(help: "Who ordered it (a court, a regulator, the legal department).")
    var authority: String

    @Option(help: "When the hold must be reviewed (a date or time).")
    var reviewBy: String?

    @Flag(help: "Print JSON.")
    var json = false

    func validate() throws {
        let scopes = [customer != nil, conversation != nil, from != nil || to != nil].filter { $0 }.count
        guard scopes == 1 else { throw ValidationError("give exactly one of --customer, --conversation, or --from with --to") }
        if from != nil || to != nil {
            guard let from, let to else { throw ValidationError("a period needs both --from and --to") }
            guard CommandDate.parse(from) != nil else { throw ValidationError("--from: expected YYYY-MM-DD or an RFC 3339 time") }
            guard CommandDate.parse(to) != nil else { throw ValidationError("--to: expected YYYY-MM-DD or an RFC 3339 time") }
        }
        if let reviewBy, CommandDate.parse(reviewBy) == nil { throw ValidationError("--review-by: expected YYYY-MM-DD or an RFC 3339 time") }
    }

    func run() async throws {
        let (data, services) = try await CommandContext(global).openRetention()
        defer { try? data.store.close() }
        let scope: LegalHoldRecord.Scope = customer != nil ? .customer : conversation != nil ? .conversation : .period
        let request = LegalHolds.Request(
            scope: scope, customerID: customer, conversationID: conversation, from: from.flatMap(CommandDate.parse),
            to: to.flatMap(CommandDate.parse), reason: reason, authority: authority, reviewBy: reviewBy.flatMap(CommandDate.parse)
        )
        let hold = try await services.addHold(request, by: .localUser())
        if json { try printJSON(HoldView(hold)) } else { print("added \(hold.id) (\(hold.scope.rawValue))") }
    }
}
