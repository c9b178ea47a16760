import Foundation
@testable import ParleyEngine
@testable import ParleyNLU
import ParleyRedaction
import ParleyTestSupport
import Testing

/// The loaders cost time linear in their file: each adversarial shape at
/// 1 KiB and at 1 MiB (64 KiB for shapes no reader was quadratic on, to keep
/// the suite short), read from disk and loaded as the product loads it, and
/// the long one may cost at most twice the linear share (2,048 for 1 MiB).
/// Shapes are the ones that make a careless reader quadratic: one long line,
/// one long field, thousands of annotations or rules.
@Suite(.serialized) struct LoaderScalingTests {
    private func check(_ shape: FileShape, named name: String, _ load: @escaping @Sendable (URL) throws -> Void) async throws {
        let (short, long, sizeRatio) = shape.shortAndLong(long: shape.longBytes)
        let shortFile = try FileShape.write(short, named: name)
        let longFile = try FileShape.write(long, named: name)
        defer {
            try? FileManager.default.removeItem(at: shortFile.deletingLastPathComponent())
            try? FileManager.default.removeItem(at: longFile.deletingLastPathComponent())
        }
        let (measurement, failure) = await onDedicatedThread { () -> (ScalingProbe.Measurement, String?) in
            var failure: String?
            let measurement = ScalingProbe.measure(short: shortFile, long: longFile, sizeRatio: sizeRatio, samples: 1) { file in
                do { try load(file) } catch { failure = failure ?? "\(error)" }
            }
            return (measurement, failure)
        }
        #expect(failure == nil, "\(shape.name): \(failure ?? "")")
        #expect(measurement.isAtMostTwiceLinear, "\(shape.name): \(measurement)")
    }

    static let nluDataShapes: [FileShape] = [
        // One example line of open brackets: each '[' searched the rest of the line for ']'.
        FileShape("one example of open brackets", "[", prefix: "nlu:\n- intent: greet\n  examples: |\n    - x", suffix: "\n", longBytes: FileShape.mebibyte),
        // One example line of annotations: each entity's text was found by dropping its start in scalars.
        FileShape("one example of annotations", "[ab](topic:billing) ", prefix: "nlu:\n- intent: greet\n  examples: |\n    - x ", suffix: "\n", longBytes: FileShape.mebibyte),
        FileShape("many examples", "    - hello [there](topic) \u{1F600}e\u{301}\n", prefix: "nlu:\n- intent: greet\n  examples: |\n"),
        FileShape("one long lookup value", "1", prefix: "nlu:\n- lookup: city\n  examples: |\n    - ", suffix: "\n"),
    ]

    @Test(arguments: nluDataShapes) func readingNLUTrainingDataIsLinear(shape: FileShape) async throws {
        try await check(shape, named: "nlu.yml") { _ = try NLUDataReader.examples(in: $0) }
    }

    @Test func readingAPolicyWithThousandsOfKeepRulesIsLinear() async throws {
        let shape = FileShape("keep rules", "  - {prefix: \"REF-\", followed_by: digits}\n", prefix: "default_threshold: 0.5\nkeep:\n")
        try await check(shape, named: "pii.yml") { _ = try PIIPolicyReader.load($0) }
    }

    static let csvShapes: [FileShape] = [
        FileShape("many rows", "where is my order,order_status\n", prefix: "text,label\n"),
        FileShape("one quoted field of doubled quotes", "\"\"", prefix: "text,label\n\"", suffix: "\",greet\n", longBytes: FileShape.mebibyte),
        FileShape("one field of combining marks", "e\u{301}\u{302}", prefix: "text,label\n", suffix: ",greet\n"),
        FileShape("a header of commas", ","),
    ]

    @Test(arguments: csvShapes) func readingAnIntentCSVIsLinear(shape: FileShape) async throws {
        try await check(shape, named: "data.csv") { url in
            do { _ = try IntentCSV.read(from: url) } catch let error as NLUError {
                guard case .invalidTrainingData = error else { throw error }  // a header of commas has no text column
            }
        }
    }

    @Test func readingCRMRecordsIsLinear() async throws {
        let shape = FileShape("many customers", "C-1001,Alex Morgan,alex.morgan@example.com,standard\n", prefix: "id,name,email,tier\n")
        try await check(shape, named: "customers.csv") { url in
            let table = try CSVTable.load(url)
            try table.require(["id", "name", "email", "tier"])
        }
    }

    @Test func readingARedactionEvaluationCorpusIsLinear() async throws {
        let redactor = try Redactor(policy: .default)
        let shape = FileShape("many labelled records", #"{"text": "mail a@b.co", "spans": [{"type": "EMAIL", "start": 5, "end": 11}]}"# + "\n")
        try await check(shape, named: "corpus.jsonl") { url in
            let text = try String(contentsOf: url, encoding: .utf8)
            _ = try RedactionEvaluator(redactor: redactor).evaluate(jsonLines: text.split(separator: "\n"))
        }
    }

    /// A valid model file of `features` columns: a small trained model's
    /// header and intents with a synthetic weight table.
    static func modelFile(features: Int) throws -> [UInt8] {
        var data = NLUTrainingData()
        for (text, intent) in [("where is my order", "order_status"), ("track my parcel", "order_status"), ("hello", "greet"), ("hi there", "greet")] {
            data.examples.append(LabeledUtterance(text: text, intent: intent))
        }
        var hyperParameters = ClassifierHyperParameters()
        hyperParameters.epochs = 2
        hyperParameters.calibrationFraction = 0
        hyperParameters.weightPrecision = .float32
        let small = try NLUModel.train(on: data, hyperParameters: hyperParameters, producer: "scaling-test", now: Date(timeIntervalSince1970: 1_767_225_600))
        let classes = small.metadata.intents.count
        let vectorizer = Vectorizer(
            configuration: hyperParameters.features, hashes: (0..<features).map { UInt64($0) &* 0x9E37_79B9_7F4A_7C15 &+ 1 },
            idf: [Float](repeating: 1, count: features), wordFeatureCount: features / 2
        )
        let weights = (0..<(features * classes)).map { Float($0 % 13) / 13 - 0.5 }
        let classifier = IntentClassifier(
            intents: small.metadata.intents, vectorizer: vectorizer,
            matrix: WeightMatrix(weights, classCount: classes, precision: .float32), bias: [Float](repeating: 0, count: classes), temperature: 1
        )
        return try ModelFile.encode(NLUModel(metadata: small.metadata, classifier: classifier))
    }

    @Test func readingAModelFileIsLinear() async throws {
        let short = try Self.modelFile(features: 16)
        let long = try Self.modelFile(features: 52_000)
        let sizeRatio = Double(long.count) / Double(short.count)
        let measurement = await onDedicatedThread {
            ScalingProbe.measure(short: short, long: long, sizeRatio: sizeRatio, samples: 1) { bytes in
                do { _ = try ModelFile.decode(bytes, path: "model.parleynlu") } catch { Issue.record("model file: \(error)") }
            }
        }
        #expect(measurement.isAtMostTwiceLinear, "model file (\(short.count) and \(long.count) bytes): \(measurement)")
    }
}
