/// Which stage of the NLU cascade decided an utterance's intent.
public enum NLUStage: String, Sendable, Hashable, Codable {
    /// The linear model, confident enough to answer alone.
    case linear
    /// The hybrid stage (TF-IDF ⊕ sentence embedding), for what the linear model was unsure of.
    case hybrid
    /// The linear model alone, because no hybrid stage is available (no
    /// encoder file, a damaged one, or a model trained without it).
    case linearOnly = "linear_only"
}
