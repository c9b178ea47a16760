import Foundation
import ParleyLearning
import ParleyNLU
import ParleyStore
import Synchronization

extension ParleyEngine {
    /// Brings what serves in step with the store: when its model generation
    /// moved (a promotion, a rollback, a shadow started or stopped, here or by
    /// a command beside this server), the new models are loaded and swapped
    /// in whole; turns in flight finish with the model they started with.
    /// Returns whether it swapped. A model that cannot be loaded leaves the
    /// current one serving (logged once per generation) and is tried again.
    @discardableResult
    public func refreshServing() async throws(EngineError) -> Bool {
        guard let state = try await learning.state(), state.generation != serving.current.generation else { return false }
        let current = serving.current
        do throws(EngineError) {
            let models = try learning.repository()
            var model = current.model
            if let version = state.activeVersion, version != current.version { model = try models.load(version) }
            var shadow: NLUModel?
            if let version = state.shadowVersion {
                shadow = version == current.shadow?.model.metadata.version ? current.shadow?.model : try models.load(version)
            }
            let effective = try await learning.effectiveBot()
            let next = try Self.servingState(
                generation: state.generation, model: model, shadow: shadow, bot: learning.baseBot, escalation: learning.baseEscalation,
                overlay: effective.added, makeParser: learning.makeParser
            )
            serving.replace(next)
        } catch {
            if failedGeneration.withLock({ $0 }) != state.generation {
                failedGeneration.withLock { $0 = state.generation }
                logger.error("the promoted model cannot be served; the current one keeps serving", metadata: [
                    "model.generation": "\(state.generation)", "model.version": "\(state.activeVersion ?? "none")", "error": "\(error.description)",
                ])
            }
            throw error
        }
        metrics.increment("parley_model_swaps_total")
        metrics.set("parley_model_generation", to: Double(state.generation))
        logger.notice("serving model swapped without a restart", metadata: [
            "model.version": "\(serving.current.version)", "model.previous": "\(current.version)",
            "model.shadow": "\(state.shadowVersion ?? "none")", "model.generation": "\(state.generation)",
        ])
        return true
    }

    /// Stores what shadow mode counted since the last call (and counts disagreements as metrics).
    public func flushShadowTallies() async throws(EngineError) {
        let tallies = shadowRecorder.drain()
        for tally in tallies where tally.activeIntent != tally.candidateIntent {
            metrics.increment("parley_shadow_disagreements_total", labels: ["active_intent": tally.activeIntent, "candidate_intent": tally.candidateIntent], by: Double(tally.turns))
        }
        do { try await store.addShadowTallies(tallies) } catch { throw LearningService.map(error) }
    }

    /// Promotes a version and serves it from the next turn on.
    public func promote(_ version: String, force: Bool = false, by principal: Principal) async throws(EngineError) -> PromotionOutcome {
        let outcome = try await learning.promote(version, force: force, by: principal)
        try await refreshServing()
        return outcome
    }

    /// Rolls back to the previous active version and serves it from the next turn on.
    public func rollback(by principal: Principal) async throws(EngineError) -> PromotionOutcome {
        let outcome = try await learning.rollback(by: principal)
        try await refreshServing()
        return outcome
    }

    /// Starts (or, with nil, stops) shadow mode for a version.
    public func shadow(_ version: String?, by principal: Principal) async throws(EngineError) -> ModelState {
        try await flushShadowTallies()
        let state = try await learning.shadow(version, by: principal)
        try await refreshServing()
        return state
    }

    /// `parley learn` in this process: train, judge, promote (and serve) or shadow.
    public func learn(force: Bool = false, shadow: Bool = false, by principal: Principal) async throws(EngineError) -> LearnOutcome {
        let outcome = try await learning.learn(force: force, shadow: shadow, by: principal)
        try await refreshServing()
        return outcome
    }

    /// Adds an intent to the domain; the bot answers it once a model that knows it serves.
    public func addIntent(_ name: String, response: String?, queue: String?, by principal: Principal) async throws(EngineError) -> IntentOverlay {
        let overlay = try await learning.addIntent(name, response: response, queue: queue, by: principal)
        try await refreshServing()
        return overlay
    }
}
