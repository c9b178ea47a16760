import ArgumentParser
import Foundation
import ParleyEngine

/// `parley retention apply`: carries the policy out now.
struct RetentionApply: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Apply the retention policy now.",
        discussion: """
            Removes what 'parley retention plan' shows, in small transactions, so a
            running server keeps answering. The run is one audit entry (policy hash,
            counts, duration). A run that is killed is finished by the next start of
            'parley serve'.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Print JSON.")
    var json = false

    func run() async throws {
        let (data, services) = try await CommandContext(global).openRetention()
        defer { try? data.store.close() }
        let result = try await services.apply(by: .localUser())
        if json {
            try printJSON(result)
        } else {
            print(RetentionPlanCommand.describe(result.plan, title: "retention run \(result.runID)"))
            print(String(format: "removed %d items in %.2f s", result.plan.removals, result.seconds))
        }
    }
}
