import Foundation
import ParleyAudit
import ParleyStore

extension LearningService {
    /// Candidate intents (named by labels before the domain knew them); the read is audited.
    public func candidateIntents(by principal: Principal) async throws(EngineError) -> [CandidateIntent] {
        let candidates: [CandidateIntent]
        do { candidates = try await store.candidateIntents() } catch { throw Self.map(error) }
        try await record([principal.event("intent.list", details: ["candidates": String(candidates.count)])])
        return candidates
    }

    /// Adds an intent to the domain (kept in the store), answering with
    /// `response` or handing off to `queue`. The next trained model learns it
    /// from its labels; until one is promoted it is never predicted.
    public func addIntent(_ name: String, response: String?, queue: String?, by principal: Principal) async throws(EngineError) -> IntentOverlay {
        try IntentName.validate(name)
        let current = try await effectiveBot()
        guard !current.bot.domain.intents.contains(name) else { throw .conflict("intent \(name) is already in the domain") }
        let text = response?.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (text?.isEmpty == false) != (queue != nil) else {
            throw .invalidInput("give the intent either a response or a queue to hand off to")
        }
        if let text, text.count > 2_000 { throw .invalidInput("the response is longer than 2000 characters") }
        if let queue, current.escalation.queue(named: queue) == nil { throw .invalidInput("queue \(queue) is not in the escalation policy") }
        let overlay = IntentOverlay(name: name, response: text, queue: queue, addedBy: principal.actor.rawValue, addedAt: clock())
        do {
            try await store.addIntent(overlay, audit: audit.appends([principal.event("intent.add", target: Self.target(intent: name), details: [
                "answer": text != nil ? "response" : "handoff", "queue": queue ?? "none",
            ])]))
        } catch { throw Self.map(error) }
        logger.notice("intent added to the domain", metadata: ["intent": "\(name)"])
        return overlay
    }

    /// Maps a pending candidate onto an existing intent: its labels are relabelled.
    public func mapIntent(_ name: String, to target: String, by principal: Principal) async throws(EngineError) -> Int {
        try IntentName.validate(name)
        try IntentName.validate(target)
        guard try await effectiveBot().bot.domain.intents.contains(target) else { throw .invalidInput("intent \(target) is not in the domain") }
        do {
            return try await store.mapIntent(name, to: target, by: principal.actor.rawValue, now: clock()) { [audit] moved in
                audit.appends([principal.event("intent.map", target: Self.target(intent: name), details: ["to": target, "labels": String(moved)])])
            }
        } catch { throw Self.map(error) }
    }
}
