import Foundation
import ParleyEngine
import ParleyLearning
import Testing

@Suite struct LearningConfigurationTests {
    private let layout = Layout.checkout(root: URL(fileURLWithPath: "/srv/parley"))

    private func write(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("parley-\(UUID().uuidString).yml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func theLearningSectionIsReadAndDefaultsApplyWithoutIt() throws {
        #expect(try ParleyConfiguration.load(from: nil, layout: layout).learning == LearningSettings())
        let url = try write("""
            learning:
              review: { confidence_below: 0.6, margin_below: 0.05, handoff_rules: [low_confidence], sample_rate: 0.5, max_open: 20 }
              gate: { holdout_fraction: 0.2, max_macro_f1_drop: 0.01, min_intent_support: 5, hold_out_labels: false, significance_level: 0.01 }
              watch_interval_ms: 500
            """)
        let learning = try ParleyConfiguration.load(from: url, layout: layout).learning
        #expect(learning.review.confidenceBelow == 0.6)
        #expect(learning.review.marginBelow == 0.05)
        #expect(learning.review.handoffRules == ["low_confidence"])
        #expect(learning.review.sampleRate == 0.5)
        #expect(learning.review.maxOpen == 20)
        #expect(learning.gate.holdoutFraction == 0.2)
        #expect(learning.gate.maxMacroF1Drop == 0.01)
        #expect(learning.gate.minIntentSupport == 5)
        #expect(!learning.gate.holdOutLabels)
        #expect(learning.gate.significanceLevel == 0.01)
        #expect(learning.watchIntervalMilliseconds == 500)
    }

    @Test func aWrongLearningValueNamesTheFileTheLineAndTheKey() throws {
        let url = try write("learning:\n  review:\n    sample_rate: 2\n")
        #expect(throws: EngineError.configuration(file: url.path, line: 3, key: "learning.review.sample_rate", reason: "must be between 0.0 and 1.0")) {
            try ParleyConfiguration.load(from: url, layout: layout)
        }
        let typo = try write("learning:\n  gate:\n    max_f1_drop: 0.01\n")
        let (_, line, key, reason) = try #require(configurationError { _ = try ParleyConfiguration.load(from: typo, layout: layout) }, "a typo was accepted")
        #expect(line == 3)
        #expect(key == "learning.gate.max_f1_drop")
        #expect(reason.hasPrefix("unknown key"))
        let half = try write("learning:\n  gate:\n    holdout_fraction: 0.9\n")
        #expect(throws: EngineError.configuration(file: half.path, line: 3, key: "learning.gate.holdout_fraction", reason: "must be between 0.0 and 0.5")) {
            try ParleyConfiguration.load(from: half, layout: layout)
        }
        // A level of 0 would never refuse anything beyond the tolerance: refused.
        let never = try write("learning:\n  gate:\n    significance_level: 0\n")
        let refused = try #require(configurationError { _ = try ParleyConfiguration.load(from: never, layout: layout) }, "a level of 0 was accepted")
        #expect(refused.key == "learning.gate.significance_level")
        #expect(refused.line == 3)
    }
}
