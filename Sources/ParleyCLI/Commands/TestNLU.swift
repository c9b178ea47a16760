import ArgumentParser
import Foundation
import Logging
import ParleyEngine
import ParleyNLU

/// `parley test nlu`: accuracy, macro-F1, per-intent scores, confusions,
/// calibration and the out-of-scope threshold trade-off of an NLU model.
struct TestNLU: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nlu",
        abstract: "Score an NLU model on labelled data (CSV text,label or Rasa YAML).",
        discussion: """
            Score a model file (--model), the active model (neither option), or train
            one first on --train. With --folds K, run stratified K-fold cross-validation
            on the training data (--train, or --data when no --train is given) instead of
            scoring a test set. Examples labelled out_of_scope, and those of
            --out-of-scope FILE, drive the threshold curve (in-scope accuracy against
            out-of-scope recall) and its recommended threshold.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "Labelled test data: CSV with text and label (or intent, category) columns, or Rasa YAML.")
    var data: String?

    @Option(help: "A model file to score (default: the active model).")
    var model: String?

    @Option(help: "Training data to train a model on first (CSV or Rasa YAML); the bot's hyper-parameters apply.")
    var train: String?

    @Option(help: "Stratified K-fold cross-validation on the training data (--train, else --data); no test set.")
    var folds: Int?

    @Option(help: "Out-of-scope examples (CSV with a text column, or labelled).")
    var outOfScope: String?

    @Option(help: "Recommend the lowest threshold reaching this out-of-scope recall (default: balance accuracy and recall).")
    var oosRecall: Double?

    @Option(help: "Report the trade-off at this threshold, chosen elsewhere (on validation data, or the one in production).")
    var threshold: Double?

    @Option(help: "Directory for the report files (CSV, JSON, SVG).")
    var report: String?

    @Flag(help: "Print the result as JSON.")
    var json = false

    func validate() throws {
        if model != nil, train != nil { throw ValidationError("give --model or --train, not both") }
        if let folds, !(2...20).contains(folds) { throw ValidationError("--folds must be between 2 and 20") }
        if folds == nil, data == nil { throw ValidationError("give the test data as --data (or --folds K to cross-validate --train)") }
        if folds != nil, model != nil { throw ValidationError("--folds cross-validates by training; it takes no --model") }
        if folds != nil, train != nil, data != nil { throw ValidationError("with --folds, give the data to cross-validate as --train or --data, not both") }
        if folds != nil, train == nil, data == nil { throw ValidationError("--folds needs the data to cross-validate (--train)") }
        if folds != nil, outOfScope != nil { throw ValidationError("--out-of-scope applies to a test set, not to --folds (label such examples out_of_scope in the data instead)") }
        if let oosRecall, !(0...1).contains(oosRecall) { throw ValidationError("--oos-recall must be between 0 and 1") }
        if let threshold, !(0...1).contains(threshold) { throw ValidationError("--threshold must be between 0 and 1") }
        if threshold != nil, oosRecall != nil { throw ValidationError("give --threshold or --oos-recall, not both") }
    }

    func run() async throws {
        let configuration = try global.load()
        let logger = global.logger(configuration)
        let bootstrap = EngineBootstrap(configuration: configuration, logger: logger)
        let outOfScopeExamples = try outOfScope.map { try IntentCSV.read(from: URL(fileURLWithPath: $0), defaultLabel: NLUEvaluator.defaultOutOfScopeLabel) } ?? []
        let criterion: OutOfScopeReport.Criterion = threshold.map { .fixed($0) }
            ?? oosRecall.map { .outOfScopeRecall(atLeast: $0) } ?? .balanced
        let hyperParameters = (try? bootstrap.loadBot().hyperParameters) ?? ClassifierHyperParameters()

        if let folds {
            guard let source = train ?? data else { throw ValidationError("give the data to cross-validate as --train") }
            let examples = try NLUDataReader.examples(in: URL(fileURLWithPath: source))
            let report = try CrossValidation.run(on: NLUTrainingData(examples: examples), folds: folds, hyperParameters: hyperParameters) { step in
                if step.training == nil { logger.info("fold finished", metadata: ["cv.fold": "\(step.fold)/\(step.folds)"]) }
            }
            let pooled = NLUEvaluator.score(report.predictions, criterion: criterion)
            if let directory = self.report {
                _ = try NLUReportWriter.write(pooled, predictions: report.predictions, to: URL(fileURLWithPath: directory))
            }
            if json {
                print(String(decoding: try Self.crossValidationJSON(pooled: pooled, report: report), as: UTF8.self))
            } else {
                print(String(format: "%d-fold cross-validation on %d examples", folds, examples.count))
                print(String(format: "accuracy  %.4f ± %.4f", report.accuracy.mean, report.accuracy.std))
                print(String(format: "macro-F1  %.4f ± %.4f", report.macroF1.mean, report.macroF1.std))
                print(String(format: "ECE       %.4f ± %.4f", report.ece.mean, report.ece.std))
            }
            return
        }

        guard let data else { throw ValidationError("give the test data as --data") }
        let examples = try NLUDataReader.examples(in: URL(fileURLWithPath: data))
        let scored: NLUModel
        if let train {
            let training = try NLUDataReader.examples(in: URL(fileURLWithPath: train))
            scored = try NLUModel.train(on: NLUTrainingData(examples: training), hyperParameters: hyperParameters, producer: Training.producer) { step in
                logger.info("training progress", metadata: ["train.stage": "\(step.stage)", "train.epoch": "\(step.epoch)/\(step.epochs)"])
            }
        } else {
            scored = try await CommandContext.model(file: model, global: global, configuration: configuration, logger: logger)
        }
        let (result, predictions) = NLUEvaluator.test(scored, on: examples, outOfScope: outOfScopeExamples, criterion: criterion)
        if let report {
            let files = try NLUReportWriter.write(result, predictions: predictions, to: URL(fileURLWithPath: report))
            logger.info("report written", metadata: ["report.dir": "\(report)", "report.files": "\(files.count)"])
        }
        if json {
            try printJSON(result)
        } else {
            print("model     \(scored.metadata.version)")
            print(String(format: "n         %d", result.n))
            print(String(format: "accuracy  %.4f", result.accuracy))
            print(String(format: "macro-F1  %.4f", result.macroF1))
            print(String(format: "ECE       %.4f", result.ece))
            for pair in result.mostConfused.prefix(5) {
                print("confused  \(pair.intent) → \(pair.predicted) (\(pair.count))")
            }
            if let oos = result.outOfScope {
                print(String(format: "out of scope: recommended threshold %.2f (in-scope accuracy %.4f, out-of-scope recall %.4f; %@)",
                             oos.recommended.threshold, oos.recommended.inScopeAccuracy, oos.recommended.outOfScopeRecall, oos.criterion as NSString))
            }
        }
    }

    /// Cross-validation as JSON: the scores of every example predicted by the
    /// fold model that did not train on it (`accuracy`, `macro_f1`, `n`,
    /// `per_intent`, ... as for a test set), plus `cross_validation` with each
    /// fold's figures and their mean and deviation.
    static func crossValidationJSON(pooled: NLUTestResult, report: CrossValidationReport) throws -> Data {
        let encoder = JSONEncoder()
        guard var object = try JSONSerialization.jsonObject(with: encoder.encode(pooled)) as? [String: Any],
              let folds = try JSONSerialization.jsonObject(with: encoder.encode(report)) as? [String: Any]
        else { throw EngineError.invalidInput("cross-validation result cannot be encoded") }
        object["cross_validation"] = folds
        return try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    }
}
