import Foundation
import ParleyAudit
import ParleyEngine
import ParleyLearning
import ParleyStore
import ParleyTestSupport

/// An installation with the model registry and helpers to talk and label.
struct LearningFixture {
    let installation: TestInstallation
    var engine: ParleyEngine { installation.engine }
    var learning: LearningService { installation.engine.learning }
    let admin = Principal.localUser()

    static func make(_ adjust: (inout LearningSettings) -> Void = { _ in }) async throws -> LearningFixture {
        var settings = LearningSettings()
        adjust(&settings)
        return LearningFixture(installation: try await TestInstallation.open(learning: settings))
    }

    func remove() { installation.remove() }

    /// One message in a new conversation `id`; its customer turn is seq 1.
    @discardableResult
    func say(_ text: String, in id: String, customer: String? = nil) async throws -> TurnResult {
        try await installation.say(text, in: id, customer: customer)
    }

    /// Says each text in its own conversation and labels it `intent` (a correction).
    func sayAndLabel(_ texts: [String], as intent: String, prefix: String, newIntent: Bool = false, customer: String? = nil) async throws {
        for (index, text) in texts.enumerated() {
            let id = "\(prefix)-\(index)"
            try await say(text, in: id, customer: customer)
            _ = try await learning.labelTurn(conversationID: id, seq: 1, intent: intent, newIntent: newIntent, by: admin)
        }
    }

    /// The audit entries with this action, oldest first.
    func auditEntries(_ action: String) async throws -> [AuditEntry] {
        let size = try await installation.store.auditFrontier().size
        return try await installation.audit.entries(1...size).filter { $0.action == action }
    }
}
