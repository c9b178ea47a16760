/// The linear model on top of the TF-IDF features. Every head produces one
/// score per intent; confidences are the softmax of the scores divided by the
/// model's temperature, so they are probabilities whichever head is used.
public enum ClassifierHead: String, Sendable, Hashable, Codable, CaseIterable {
    /// Multinomial logistic regression (softmax cross-entropy), AdaGrad SGD.
    case softmax
    /// One-vs-rest linear SVMs with the squared hinge loss (scikit-learn's
    /// `LinearSVC`), dual coordinate descent.
    case squaredHinge = "squared_hinge"
    /// Crammer–Singer multi-class SVM (`LinearSVC(multi_class="crammer_singer")`),
    /// dual coordinate descent.
    case crammerSinger = "crammer_singer"
    /// Crammer–Singer and softmax trained on the same features, their scores
    /// each divided by their standard deviation on the training data and
    /// added: one weight matrix, so parsing costs what one head costs.
    case ensemble = "crammer_singer+softmax"

    /// The temperature used when there is no held-out data to fit one (tiny
    /// data sets, or `calibrationFraction` 0): typical of what temperature
    /// scaling finds for this head on intent data (BANKING77 validation split).
    public var priorTemperature: Float {
        switch self {
        case .softmax: 1
        case .squaredHinge: 0.18
        case .crammerSinger: 0.12
        case .ensemble: 0.7
        }
    }
}
