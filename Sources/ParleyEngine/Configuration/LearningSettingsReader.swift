import ParleyLearning

/// Reads the `learning:` section of parley.yml into ``LearningSettings``.
enum LearningSettingsReader {
    static func read(_ node: YAMLNode, into settings: inout LearningSettings) throws(EngineError) {
        for (key, value) in try node.mapping(allowed: ["review", "gate", "watch_interval_ms"]) {
            switch key {
            case "review": try readReview(value, into: &settings.review)
            case "gate": try readGate(value, into: &settings.gate)
            default: settings.watchIntervalMilliseconds = try value.int(in: 50...10_000)
            }
        }
    }

    private static func readReview(_ node: YAMLNode, into review: inout ReviewSettings) throws(EngineError) {
        let keys: Set<String> = ["enabled", "confidence_below", "margin_below", "fallback", "handoff_rules", "sample_rate", "max_open"]
        for (key, value) in try node.mapping(allowed: keys) {
            switch key {
            case "enabled": review.enabled = try value.bool()
            case "confidence_below": review.confidenceBelow = try value.double(in: 0...1)
            case "margin_below": review.marginBelow = try value.double(in: 0...1)
            case "fallback": review.fallback = try value.bool()
            case "handoff_rules": review.handoffRules = value.isNull ? [] : Set(try value.strings())
            case "sample_rate": review.sampleRate = try value.double(in: 0...1)
            default: review.maxOpen = try value.int(in: 1...1_000_000)
            }
        }
    }

    private static func readGate(_ node: YAMLNode, into gate: inout GateSettings) throws(EngineError) {
        let keys: Set<String> = [
            "holdout_fraction", "holdout_min_intent_examples", "hold_out_labels", "max_macro_f1_drop", "max_intent_recall_drop",
            "min_intent_support", "max_calibration_error_increase", "min_regression_accuracy", "calibration_bins",
            "significance_level",
        ]
        for (key, value) in try node.mapping(allowed: keys) {
            switch key {
            case "holdout_fraction": gate.holdoutFraction = try value.double(in: 0...0.5)
            case "holdout_min_intent_examples": gate.holdoutMinimumIntentExamples = try value.int(in: 2...1_000_000)
            case "hold_out_labels": gate.holdOutLabels = try value.bool()
            case "max_macro_f1_drop": gate.maxMacroF1Drop = try value.double(in: 0...1)
            case "max_intent_recall_drop": gate.maxIntentRecallDrop = try value.double(in: 0...1)
            case "min_intent_support": gate.minIntentSupport = try value.int(in: 1...1_000_000)
            case "max_calibration_error_increase": gate.maxCalibrationErrorIncrease = try value.double(in: 0...1)
            case "min_regression_accuracy": gate.minRegressionAccuracy = try value.double(in: 0...1)
            case "significance_level": gate.significanceLevel = try value.double(in: 0.0001...0.5)
            default: gate.calibrationBins = try value.int(in: 2...100)
            }
        }
    }
}
