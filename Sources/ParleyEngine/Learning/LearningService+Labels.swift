import Foundation
import ParleyAudit
import ParleyLearning
import ParleyStore

/// A page of the review queue.
public struct ReviewPage: Sendable {
    public var items: [ReviewItem]
    /// Open items by reason (all of them, not only this page).
    public var open: [String: Int]
}

/// What labelling did.
public struct LabelOutcome: Sendable {
    public var label: StoredLabel
    public var previous: StoredLabel?
    /// The intent was new: it waits as a candidate until an admin adds or maps it.
    public var proposedIntent: Bool
}

extension LearningService {
    /// Open items of the review queue with their redacted text; the read is audited.
    public func reviewItems(reason: String? = nil, limit: Int = 50, afterID: Int64 = 0, by principal: Principal) async throws(EngineError) -> ReviewPage {
        if let reason, ReviewReason(rawValue: reason) == nil {
            throw .invalidInput("reason must be one of \(ReviewReason.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard (1...500).contains(limit) else { throw .invalidInput("limit must be between 1 and 500") }
        let items: [ReviewItem]
        let open: [String: Int]
        do {
            items = try await store.reviewItems(status: .open, reason: reason, limit: limit, afterID: afterID)
            open = try await store.openReviewCounts()
        } catch { throw Self.map(error) }
        try await record([principal.event("review.list", details: ["items": String(items.count), "reason": reason ?? "all"])])
        return ReviewPage(items: items, open: open)
    }

    /// Confirms or corrects the intent (and entities) of a review item's turn.
    public func labelReviewItem(
        id: Int64, intent: String, entities: [LabelEntity] = [], newIntent: Bool = false, by principal: Principal
    ) async throws(EngineError) -> LabelOutcome {
        let item: ReviewItem
        do { item = try await store.reviewItem(id: id) } catch { throw Self.map(error) }
        guard item.status == .open else { throw .conflict("review item \(id) is already \(item.status.rawValue)") }
        return try await label(
            conversationID: item.conversationID, seq: item.seq, source: .review, intent: intent, entities: entities,
            newIntent: newIntent, by: principal, reviewItem: id
        )
    }

    /// Closes a review item without a label (nothing to learn from it).
    public func dismissReviewItem(id: Int64, by principal: Principal) async throws(EngineError) {
        let event = principal.event("review.dismiss", target: Self.target(review: id))
        do {
            try await store.dismissReviewItem(id: id, by: principal.actor.rawValue, now: clock()) { [audit] subject in
                audit.appends([event.naming(subject: subject)])
            }
        } catch { throw Self.map(error) }
    }

    /// Labels any stored customer turn (a correction). Agents may label only
    /// conversations that were handed to people (`handedOffOnly`), as they read only those.
    public func labelTurn(
        conversationID: String, seq: Int, intent: String, entities: [LabelEntity] = [], newIntent: Bool = false,
        handedOffOnly: Bool = false, by principal: Principal
    ) async throws(EngineError) -> LabelOutcome {
        try Identifier.validate(conversationID, what: "conversation id")
        guard seq >= 1 else { throw .invalidInput("seq must be a turn number (1 or more)") }
        if handedOffOnly {
            let handedOff: Bool
            do { handedOff = try await store.hasHandoff(conversationID: conversationID) } catch { throw Self.map(error) }
            guard handedOff else { throw .notFound("conversation \(conversationID)") }
        }
        return try await label(
            conversationID: conversationID, seq: seq, source: .correction, intent: intent, entities: entities, newIntent: newIntent,
            by: principal, reviewItem: nil
        )
    }

    /// Whether an intent a label names may be used: a domain intent, or a new
    /// one proposed explicitly (a typo must not become an intent). Returns
    /// whether it proposes a new candidate.
    func checkLabelIntent(_ intent: String, newIntent: Bool) async throws(EngineError) -> Bool {
        try IntentName.validate(intent)
        let bot = try await effectiveBot().bot
        if bot.domain.intents.contains(intent) { return false }
        let candidates: [CandidateIntent]
        do { candidates = try await store.candidateIntents() } catch { throw Self.map(error) }
        if let candidate = candidates.first(where: { $0.name == intent }), candidate.status == .mapped {
            throw .conflict("intent \(intent) was mapped to \(candidate.mappedTo ?? "another intent"); label it as that")
        }
        guard newIntent else {
            throw .invalidInput("intent \(intent) is not in the domain; to propose it as a new intent, say so (new_intent: true, or --new-intent)")
        }
        return true
    }

    private func label(
        conversationID: String, seq: Int, source: LabelSource, intent: String, entities: [LabelEntity], newIntent: Bool,
        by principal: Principal, reviewItem: Int64?
    ) async throws(EngineError) -> LabelOutcome {
        let proposes = try await checkLabelIntent(intent, newIntent: newIntent)
        let declared = Set(baseBot.domain.entities)
        for entity in entities {
            try IntentName.validate(entity.entity, what: "entity")
            guard declared.contains(entity.entity) else { throw .invalidInput("entity \(entity.entity) is not in the domain") }
        }
        let target = AuditTarget.conversation(conversationID)
        let outcome: (label: StoredLabel, previous: StoredLabel?)
        do {
            outcome = try await store.setLabel(
                NewLabel(conversationID: conversationID, seq: seq, source: source, intent: intent, entities: entities,
                         by: principal.actor.rawValue, proposesIntent: proposes),
                now: clock()
            ) { [audit] previous, subject in
                var details = [
                    "seq": String(seq), "source": source.rawValue, "intent": intent, "previous_intent": previous?.intent ?? "none",
                    "entities": String(entities.count), "new_intent": String(proposes),
                ]
                if let reviewItem { details["review_item"] = String(reviewItem) }
                return audit.appends([principal.event("label.set", target: target, details: details).naming(subject: subject)])
            }
        } catch { throw Self.map(error) }
        logger.info("turn labelled", metadata: [
            "conversation.id": "\(conversationID)", "label.source": "\(source.rawValue)", "label.intent": "\(intent)",
        ])
        return LabelOutcome(label: outcome.label, previous: outcome.previous, proposedIntent: proposes)
    }
}
