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
            Score a model file (--model), the active model (neither option), or train one first on
            --train. With --folds K, run stratified K-fold cross-validation on --data instead.
            Examples labelled out_of_scope, and those of --out-of-scope FILE, drive the threshold
            curve (in-scope accuracy against out-of-scope recall) and its recommended threshold.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "Labelled test data: CSV with text and label (or intent, category) columns, or Rasa YAML.")
    var data: String

    @Option(help: "A model file to score (default: the active model).")
    var model: String?

    @Option(help: "Training data to train a model on first (CSV or Rasa YAML); the bot's hyper-parameters apply.")
    var train: String?

    @Option(help: "Stratified K-fold cross-validation on --data (no test set).")
    var folds: Int?

    @Option(help: "Out-of-scope examples (CSV with a text column, or labelled).")
    var outOfScope: String?

    @Option(help: "Recommend the lowest threshold reaching this out-of-scope recall (default: balance accuracy and recall).")
    var oosRecall: Double?

    @Option(help: "Directory for the report files (CSV, JSON, SVG).")
    var report: String?

    @Flag(help: "Print the result as JSON.")
    var json = false

    func validate() throws {
        if model != nil, train != nil { throw ValidationError("give --model or --train, not both") }
        if let folds, !(2...20).contains(folds) { throw ValidationError("--folds must be between 2 and 20") }
        if folds != nil, model != nil || train != nil { throw ValidationError("--folds cross-validates on --data; it takes no --model or --train") }
        if let oosRecall, !(0...1).contains(oosRecall) { throw ValidationError("--oos-recall must be between 0 and 1") }
    }

    func run() async throws {
        let configuration = try global.load()
        let logger = global.logger(configuration)
        let bootstrap = EngineBootstrap(configuration: configuration, logger: logger)
        let examples = try NLUDataReader.examples(in: URL(fileURLWithPath: data))
        let outOfScopeExamples = try outOfScope.map { try IntentCSV.read(from: URL(fileURLWithPath: $0), defaultLabel: NLUEvaluator.defaultOutOfScopeLabel) } ?? []
        let criterion: OutOfScopeReport.Criterion = oosRecall.map { .outOfScopeRecall(atLeast: $0) } ?? .balanced
        let hyperParameters = (try? bootstrap.loadBot().hyperParameters) ?? ClassifierHyperParameters()

        if let folds {
            let report = try CrossValidation.run(on: NLUTrainingData(examples: examples), folds: folds, hyperParameters: hyperParameters) { step in
                if step.training == nil { logger.info("fold finished", metadata: ["cv.fold": "\(step.fold)/\(step.folds)"]) }
            }
            if let directory = self.report {
                let scored = NLUEvaluator.score(report.predictions, criterion: criterion)
                _ = try NLUReportWriter.write(scored, predictions: report.predictions, to: URL(fileURLWithPath: directory))
            }
            if json {
                try printJSON(report)
            } else {
                print(String(format: "%d-fold cross-validation on %d examples", folds, examples.count))
                print(String(format: "accuracy  %.4f ± %.4f", report.accuracy.mean, report.accuracy.std))
                print(String(format: "macro-F1  %.4f ± %.4f", report.macroF1.mean, report.macroF1.std))
                print(String(format: "ECE       %.4f ± %.4f", report.ece.mean, report.ece.std))
            }
            return
        }

        let scored: NLUModel
        if let model {
            scored = try ModelFile.read(from: URL(fileURLWithPath: model))
        } else if let train {
            let training = try NLUDataReader.examples(in: URL(fileURLWithPath: train))
            scored = try NLUModel.train(on: NLUTrainingData(examples: training), hyperParameters: hyperParameters, producer: Training.producer) { step in
                logger.info("training progress", metadata: ["train.stage": "\(step.stage)", "train.epoch": "\(step.epoch)/\(step.epochs)"])
            }
        } else {
            guard let active = try bootstrap.models.loadActive() else {
                throw EngineError.modelUnavailable("no trained model; run 'parley train' or give --model or --train")
            }
            scored = active
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
}
