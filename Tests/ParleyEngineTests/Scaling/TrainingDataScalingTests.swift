import Foundation
@testable import ParleyEngine
import ParleyNLU
import ParleyTestSupport
import Testing

/// Training examples cost time linear in their length: an example line of
/// 400 and of 4,000 scalars, at most twice the linear share (a ratio of 20).
@Suite(.serialized) struct TrainingDataScalingTests {
    static let short = 400
    static let long = 4000
    static var sizeRatio: Double { Double(long) / Double(short) }

    static let markupShapes: [InputShape] = [
        InputShape("open brackets", "["),
        InputShape("open brackets, one close at the end", "[", suffix: "]"),
        InputShape("brackets without a role", "[a]"),
        InputShape("annotations", "[ab](topic) "),
        InputShape("object annotations", #"[ab]{"entity": "topic"} "#),
    ]

    /// Searching the rest of the line for ']' from every '[' was quadratic.
    @Test(arguments: markupShapes) func entityMarkupIsLinear(shape: InputShape) async {
        let measurement = await onDedicatedThread {
            ScalingProbe.measure(short: shape.text(scalars: Self.short), long: shape.text(scalars: Self.long), sizeRatio: Self.sizeRatio) {
                _ = try? EntityMarkup.parse($0)
            }
        }
        #expect(measurement.isAtMostTwiceLinear, "\(shape.name): \(measurement)")
    }

    /// Each annotation's text, found by dropping its start in scalars, was
    /// quadratic in a line of many annotations.
    @Test func readingAnExampleOfManyAnnotationsIsLinear() async throws {
        let shape = InputShape("synonym annotations", "[ab](topic:billing) ")
        // The YAML is parsed outside the measurement (its nodes stay on the measuring thread).
        @Sendable func section(_ scalars: Int) -> YAMLNode? {
            let yaml = "nlu:\n- intent: greet\n  examples: |\n    - x \(shape.text(scalars: scalars))\n"
            return (try? YAMLNode.parse(yaml, file: "nlu.yml").mapping())?.first { $0.key == "nlu" }?.value
        }
        let measurement = await onDedicatedThread { () -> ScalingProbe.Measurement? in
            guard let short = section(Self.short), let long = section(Self.long) else { return nil }
            return ScalingProbe.measure(short: short, long: long, sizeRatio: Self.sizeRatio) { section in
                do { _ = try NLUDataReader.read(section) } catch { Issue.record("\(error)") }
            }
        }
        let result = try #require(measurement, "the examples parse as YAML")
        #expect(result.isAtMostTwiceLinear, "\(shape.name): \(result)")
    }

    @Test func annotationsStillReadAsEntitiesAndSynonyms() throws {
        let yaml = "nlu:\n- intent: greet\n  examples: |\n    - pay my [bill](topic:billing) and my [invoice](topic:billing) \u{1F600}\n"
        let root = try YAMLNode.parse(yaml, file: "nlu.yml")
        let data = try NLUDataReader.read(try #require(root.mapping().first { $0.key == "nlu" }).value)
        #expect(data.examples.first?.text == "pay my bill and my invoice \u{1F600}")
        #expect(data.examples.first?.entities.map(\.value) == ["billing", "billing"])
        #expect(data.entityRules.synonyms["billing"] == ["bill", "invoice"])
    }
}
