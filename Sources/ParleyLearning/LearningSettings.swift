/// The learning loop's settings (`learning:` in parley.yml), with defaults.
public struct LearningSettings: Sendable, Hashable {
    public var review = ReviewSettings()
    public var gate = GateSettings()
    /// How often a running server looks for a promotion made elsewhere (a CLI command beside it).
    public var watchIntervalMilliseconds = 250

    public init() {}
}

/// Which turns go to the review queue.
public struct ReviewSettings: Sendable, Hashable {
    public var enabled = true
    /// A top intent confidence below this marks the turn `low_confidence`.
    public var confidenceBelow = 0.5
    /// A top-two margin below this marks it `ambiguous`.
    public var marginBelow = 0.1
    /// Fallback answers are reviewed.
    public var fallback = true
    /// Handoffs by these escalation rules are reviewed (rules about the
    /// model's doubt; not those that send an understood intent to people).
    public var handoffRules: Set<String> = ["low_confidence", "ambiguous", "repeated_fallback"]
    /// Share of new unsure texts that open an item (repeats of an open item are always counted).
    public var sampleRate = 1.0
    /// No new item is opened while this many are open.
    public var maxOpen = 1000

    public init() {}
}

/// What a candidate must show before it serves.
public struct GateSettings: Sendable, Hashable {
    /// Share of the bot's own examples (and of the labels, with `holdOutLabels`)
    /// that no model trains on: chosen by a hash of the normalised text, so
    /// each example's membership never changes and every model is judged on
    /// examples none of them saw.
    public var holdoutFraction = 0.1
    /// Only intents with at least this many bot examples give some to the held-out set.
    public var holdoutMinimumIntentExamples = 10
    /// Labels fall in the held-out set by the same hash (the live traffic's
    /// own test set); off, labels only train.
    public var holdOutLabels = true
    /// Macro-F1 on the held-out set may be lower than the active model's by at most this (0.005 = half a point).
    public var maxMacroF1Drop = 0.005
    /// No intent's recall on the held-out set may drop by more than this…
    public var maxIntentRecallDrop = 0.05
    /// …among intents with at least this many held-out examples.
    public var minIntentSupport = 10
    /// Expected calibration error on the held-out set may rise by at most this.
    public var maxCalibrationErrorIncrease = 0.01
    /// Of the labelled turns the active model gets right, the candidate must get at least this share right.
    public var minRegressionAccuracy = 0.95
    /// Confidence bins of the calibration error.
    public var calibrationBins = 10
    /// How sure the gate must be that a drop beyond a tolerance is real and
    /// not the sampling error of a small set before it refuses a candidate
    /// for it (one-sided; 0.05 = 95 % sure). On thirty held-out texts one
    /// text is three points, so a fixed tolerance alone refuses better
    /// models on noise; the bot's own examples still catch a broken intent.
    public var significanceLevel = 0.05

    public init() {}
}
