import ArgumentParser

/// `parley retention ...`: the retention policy (`policies/retention.yml`, see parley-retention(5)).
struct Retention: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Plan and apply the retention policy (policies/retention.yml).",
        discussion: "The policy's format and the precedence of its rules: man parley-retention (5).",
        subcommands: [RetentionPlanCommand.self, RetentionApply.self]
    )
}
