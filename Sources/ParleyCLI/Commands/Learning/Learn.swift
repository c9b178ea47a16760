import ArgumentParser
import Foundation
import ParleyEngine
import ParleyLearning

/// `parley learn`: the gated learning loop.
struct Learn: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Train a candidate on the bot's data and the labels, judge it against the active model, and promote it only if it passes.",
        discussion: """
            The gate compares both models on the frozen held-out split (bot examples and labelled turns no model \
            trains on), on the labelled turns the active model gets right, on the bot's own training examples, and \
            on the bot's conversation tests (tests/*.yml), under the conditions of learning.gate in parley.yml. A \
            score condition fails only when the drop is beyond its tolerance and beyond the sampling error of the \
            set (learning.gate.significance_level); the report says per condition and per intent why it passed or \
            failed. A running server serves a promoted model within a second.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Promote even if the gate fails (audited as forced).")
    var force = false

    @Flag(help: "Run a passing candidate in shadow mode beside the active model instead of promoting it.")
    var shadow = false

    @Flag(help: "Print the outcome and the gate report as JSON.")
    var json = false

    func run() async throws {
        let (data, learning) = try await CommandContext(global).openLearning()
        defer { try? data.store.close() }
        let outcome = try await learning.learn(force: force, shadow: shadow, by: .localUser())
        if json {
            return try printJSON(LearnResult(
                candidate: outcome.candidate?.version, passed: outcome.report?.passed, promoted: outcome.promotion != nil,
                forced: outcome.promotion?.kind == .force, shadow: outcome.shadow, unchanged: outcome.unchanged, counts: outcome.counts,
                trainingSeconds: outcome.trainingSeconds, gateSeconds: outcome.gateSeconds, gate: outcome.report
            ))
        }
        print("training set: \(outcome.counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))")
        if outcome.unchanged {
            print("nothing new to learn: the candidate would be the active model")
            return
        }
        outcome.report?.lines().forEach { print($0) }
        if let promotion = outcome.promotion {
            print("\(promotion.version) is active\(promotion.kind == .force ? " (forced past a failed gate)" : "")")
        } else if outcome.shadow {
            print("\(outcome.candidate?.version ?? "") runs in shadow; see 'parley models shadow-report'")
        } else {
            print("\(outcome.candidate?.version ?? "") was not promoted; the active model keeps serving")
            throw ExitCode(3)
        }
    }

    struct LearnResult: Encodable {
        let candidate: String?
        let passed: Bool?
        let promoted: Bool
        let forced: Bool
        let shadow: Bool
        let unchanged: Bool
        let counts: [String: Int]
        let trainingSeconds: Double
        let gateSeconds: Double
        let gate: GateReport?

        enum CodingKeys: String, CodingKey {
            case candidate, passed, promoted, forced, shadow, unchanged, counts, gate
            case trainingSeconds = "training_seconds", gateSeconds = "gate_seconds"
        }
    }
}
