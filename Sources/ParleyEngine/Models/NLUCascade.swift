import Logging
import ParleyEncoder
import ParleyNLU

/// Puts a model and the sentence encoder together into the parser the turn
/// pipeline and `parley nlu parse` use, and says, once, what was put together.
public enum NLUCascade {
    /// How the NLU will decide.
    public enum Status: String, Sendable {
        /// Linear model first, the hybrid stage for what it is unsure of.
        case cascade
        /// No encoder (missing, damaged, or turned off): the linear model alone.
        case noEncoder = "no_encoder"
        /// The model was trained without an encoder: retrain to enable the cascade.
        case modelWithoutHybrid = "model_without_hybrid"
        /// The model's hybrid stage was trained with another encoder file.
        case encoderMismatch = "encoder_mismatch"
    }

    public static func status(model: NLUModel, encoder: SentenceEncoder?) -> Status {
        guard let encoder else { return .noEncoder }
        guard let hybrid = model.hybrid, let described = model.metadata.hybrid else { return .modelWithoutHybrid }
        guard described.encoderSHA256 == encoder.fileSHA256, hybrid.classifier.dimension == encoder.dimension else { return .encoderMismatch }
        return .cascade
    }

    /// The parser: with the encoder as embedder only when the model's hybrid stage was trained on it.
    public static func parser(model: NLUModel, encoder: SentenceEncoder?, logger: Logger? = nil) throws(EngineError) -> NLUParser {
        let status = status(model: model, encoder: encoder)
        switch status {
        case .cascade:
            logger?.info("NLU cascade ready: linear model, then the hybrid stage below its threshold", metadata: [
                "model.version": "\(model.metadata.version)",
                "nlu.cascade_threshold": "\(model.hybrid.map { String(format: "%.2f", $0.cascadeThreshold) } ?? "")",
            ])
        case .noEncoder:
            if model.hybrid != nil {
                logger?.error("the model has a hybrid stage but no sentence encoder is loaded: the NLU runs linear-only", metadata: ["model.version": "\(model.metadata.version)"])
            }
        case .modelWithoutHybrid:
            logger?.notice("the active model was trained without the sentence encoder; run 'parley train' to enable the NLU cascade", metadata: ["model.version": "\(model.metadata.version)"])
        case .encoderMismatch:
            logger?.error("the model's hybrid stage was trained with another encoder file: the NLU runs linear-only; run 'parley train'", metadata: [
                "model.version": "\(model.metadata.version)", "encoder.expected_sha256": "\(model.metadata.hybrid?.encoderSHA256.prefix(16) ?? "")",
            ])
        }
        do {
            guard status == .cascade, let encoder else { return try NLUParser(model: model) }
            return try NLUParser(model: model) { encoder.embed($0) }
        } catch {
            throw .modelUnavailable(error.description)
        }
    }
}
