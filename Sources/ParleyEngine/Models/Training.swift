import Foundation
import Logging
import ParleyAudit
import ParleyEncoder
import ParleyNLU
import ParleyStore

/// Trains the NLU model of a bot, optionally with the agents' feedback, and
/// logs progress once per epoch.
public enum Training {
    public static let producer = "parley \(ParleyVersion.current)"

    public static func train(
        bot: Bot, feedback: [FeedbackExample] = [], logger: Logger, now: Date = Date()
    ) throws(EngineError) -> NLUModel {
        var data = bot.trainingData
        let usable = usableFeedback(feedback, bot: bot)
        data.examples += usable.map { LabeledUtterance(text: $0.text, intent: $0.intent) }
        return try train(data: data, hyperParameters: bot.hyperParameters, logger: logger, now: now, feedbackExamples: usable.count)
    }

    /// Trains on exactly `data` (the learning loop's training set).
    public static func train(
        data: NLUTrainingData, hyperParameters: ClassifierHyperParameters, logger: Logger, now: Date = Date(), feedbackExamples: Int? = nil
    ) throws(EngineError) -> NLUModel {
        logger.info("training NLU model", metadata: [
            "train.examples": "\(data.examples.count)", "train.intents": "\(data.intents.count)",
            "train.feedback_examples": "\(feedbackExamples.map(String.init) ?? "n/a")", "train.epochs": "\(hyperParameters.epochs)",
        ])
        let started = ContinuousClock.now
        do {
            let model = try NLUModel.train(on: data, hyperParameters: hyperParameters, producer: producer, now: now) { progress in
                logger.info("training progress", metadata: [
                    "train.epoch": "\(progress.epoch)/\(progress.epochs)",
                    "train.loss": "\(String(format: "%.4f", progress.meanLoss))",
                    "train.accuracy": "\(String(format: "%.3f", progress.trainingAccuracy))",
                ])
            }
            logger.info("model trained", metadata: [
                "model.version": "\(model.metadata.version)",
                "train.seconds": "\(String(format: "%.2f", (ContinuousClock.now - started) / .seconds(1)))",
            ])
            return model
        } catch {
            throw .modelUnavailable(error.description)
        }
    }
}

extension Training {
    /// The linear model, then its hybrid stage on the encoder's embeddings of
    /// the same examples; `cache` supplies the embeddings it already has and
    /// keeps the new ones (pruned to this training set).
    public static func train(
        bot: Bot, feedback: [FeedbackExample] = [], encoder: SentenceEncoder, cache: inout EmbeddingCache,
        logger: Logger, now: Date = Date()
    ) throws(EngineError) -> NLUModel {
        var data = bot.trainingData
        let usable = usableFeedback(feedback, bot: bot)
        data.examples += usable.map { LabeledUtterance(text: $0.text, intent: $0.intent) }
        return try train(
            data: data, hyperParameters: bot.hyperParameters, encoder: encoder, cache: &cache, logger: logger, now: now,
            feedbackExamples: usable.count
        )
    }

    /// The linear model and its hybrid stage on exactly `data` (the learning loop's training set).
    public static func train(
        data: NLUTrainingData, hyperParameters: ClassifierHyperParameters, encoder: SentenceEncoder, cache: inout EmbeddingCache,
        logger: Logger, now: Date = Date(), feedbackExamples: Int? = nil
    ) throws(EngineError) -> NLUModel {
        let linear = try train(data: data, hyperParameters: hyperParameters, logger: logger, now: now, feedbackExamples: feedbackExamples)
        let texts = data.examples.map(\.text)
        let started = ContinuousClock.now
        let embeddings: [[Float]]
        let computed: Int
        do {
            (embeddings, computed) = try cache.embeddings(of: texts, encoder: encoder) { done, total in
                if done == total || done % 1024 < 32 { logger.info("embedding training texts", metadata: ["train.embedded": "\(done)/\(total)"]) }
            }
        } catch {
            throw .modelUnavailable(error.description)
        }
        cache.retainOnly(texts)
        logger.info("training texts embedded", metadata: [
            "train.embedded": "\(computed)", "train.embeddings_cached": "\(texts.count - computed)",
            "train.seconds": "\(String(format: "%.2f", (ContinuousClock.now - started) / .seconds(1)))", "encoder.kernel": "\(encoder.kernel.rawValue)",
        ])
        do {
            let model = try linear.withHybridStage(
                trainedOn: data, embeddings: embeddings, encoderName: encoder.configuration.name, encoderSHA256: encoder.fileSHA256,
                hyperParameters: HybridHyperParameters()
            )
            logger.info("hybrid stage trained", metadata: [
                "model.version": "\(model.metadata.version)",
                "nlu.cascade_threshold": "\(String(format: "%.2f", model.hybrid?.cascadeThreshold ?? 1))",
                "train.seconds": "\(String(format: "%.2f", (ContinuousClock.now - started) / .seconds(1)))",
            ])
            return model
        } catch {
            throw .modelUnavailable(error.description)
        }
    }

    /// The feedback examples `train` would use for `bot` (those whose intent the domain knows).
    public static func usableFeedback(_ feedback: [FeedbackExample], bot: Bot) -> [FeedbackExample] {
        let known = Set(bot.domain.intents)
        return feedback.filter { known.contains($0.intent) }
    }

    /// Audits a training run (and the promotion of its model) and records its
    /// lineage: whose labelled turns trained it, so an erasure finds the models
    /// it touches.
    public static func recordTrained(
        _ model: NLUModel, feedback: [FeedbackExample] = [], bot: Bot? = nil, activated: Bool, by principal: Principal, audit: AuditTrail
    ) async throws(EngineError) {
        let used = bot.map { usableFeedback(feedback, bot: $0) } ?? feedback
        do { try await audit.store.recordModelLineage(version: model.metadata.version, examples: used) } catch { throw .storage(error.description) }
        let metadata = model.metadata
        var events = [principal.event("model.train", target: .model(metadata.version), details: [
            "examples": String(metadata.trainingExampleCount), "intents": String(metadata.intents.count),
            "training_data_sha256": metadata.trainingDataHash, "content_sha256": metadata.contentHash,
        ])]
        if activated { events.append(principal.event("model.activate", target: .model(metadata.version))) }
        do { try await audit.store.appendAudit(audit.appends(events)) } catch { throw .storage(error.description) }
    }
}

/// The version of this build of Parley.
public enum ParleyVersion {
    public static let current = "0.1.0"
}
