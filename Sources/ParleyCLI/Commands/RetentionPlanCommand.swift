import ArgumentParser
import Foundation
import ParleyEngine
import ParleyRetention

/// `parley retention plan`: a dry run.
struct RetentionPlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Show what a retention run would remove now (a dry run: nothing changes).",
        discussion: """
            Counts per category and rule, the oldest and newest item affected, what
            legal holds and keep rules exempt, and models to retrain. With --policy,
            the same beside what a proposed policy file would remove. The only change
            is an audit entry when the current policy's hash differs from the last one
            recorded.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "A proposed policy file to compare with the current one.")
    var policy: String?

    @Flag(help: "Print JSON.")
    var json = false

    func run() async throws {
        let (data, services) = try await CommandContext(global).openRetention()
        defer { try? data.store.close() }
        let (plan, difference) = try await services.plan(proposed: policy.map { URL(fileURLWithPath: $0) }, by: .localUser())
        if json {
            if let difference { try printJSON(difference) } else { try printJSON(plan) }
            return
        }
        print(Self.describe(plan, title: "retention plan"))
        if let difference {
            print("")
            print(Self.describe(difference.proposed, title: "proposed policy \(policy ?? "")"))
            print("")
            print("category".padding(toLength: 16, withPad: " ", startingAt: 0) + "current  proposed")
            for row in difference.rows {
                print(row.category.rawValue.padding(toLength: 16, withPad: " ", startingAt: 0)
                      + String(row.current).padding(toLength: 9, withPad: " ", startingAt: 0) + String(row.proposed))
            }
        }
    }

    static func describe(_ plan: RetentionPlan, title: String) -> String {
        var lines = ["\(title) as of \(CommandDate.format(plan.asOf)) (policy sha256 \(plan.policySHA256.prefix(16)))"]
        for category in plan.categories {
            let held = category.held.values.reduce(0, +)
            var line = "\(category.category.rawValue): \(category.examined) examined, \(category.removals) to remove"
            if held > 0 {
                line += ", \(held) held (" + category.held.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + ")"
            }
            if category.retained > 0 { line += ", \(category.retained) kept by keep rules" }
            lines.append(line)
            for rule in category.rules {
                let span = [rule.oldest, rule.newest].compactMap { $0.map(CommandDate.day) }.joined(separator: " .. ")
                lines.append("  \(rule.rule)  \(rule.action.rawValue)  \(rule.count)  \(span)")
            }
        }
        if plan.categories.isEmpty { lines.append("the policy removes nothing") }
        for model in plan.retrain {
            lines.append("model \(model.version) was trained on data erased since (\(model.erasures.joined(separator: ", ")))"
                         + (model.due.map { "; retrain by \(CommandDate.day($0))" } ?? "") + (model.overdue ? " (overdue)" : ""))
        }
        return lines.joined(separator: "\n")
    }
}
