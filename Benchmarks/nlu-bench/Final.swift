import Foundation
import ParleyNLU

/// The final configuration (the library defaults): trained on all of
/// train.csv, scored on test.csv once, timed, sized.
enum Final {
    static func run(data: BenchData, report: URL?) throws {
        let hyperParameters = ClassifierHyperParameters()
        let texts = data.train.map(\.text)

        // Baseline for training: one tokenisation pass over the training set.
        var tokenCount = 0
        let tokenStart = now()
        for text in texts { tokenCount += Tokenizer().tokenize(text).count }
        let tokeniseSeconds = seconds(since: tokenStart)

        var stageEpochs: [TrainingStage: Int] = [:]
        let trainStart = now()
        let model = try NLUModel.train(on: NLUTrainingData(examples: data.train), hyperParameters: hyperParameters, producer: "nlu-bench") { step in
            stageEpochs[step.stage] = step.epoch
        }
        let trainSeconds = seconds(since: trainStart)

        let bytes = try ModelFile.encode(model)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("nlu-bench-\(ProcessInfo.processInfo.processIdentifier).parleynlu")
        try Data(bytes).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        var loadTimes: [Double] = []
        var loaded: NLUModel?
        for _ in 0..<5 {
            let start = now()
            loaded = try ModelFile.read(from: file)
            loadTimes.append(seconds(since: start))
        }
        guard let loaded else { return }

        let test = try data.test()
        let result = NLUEvaluator.evaluate(loaded, on: test)
        let identical = test.allSatisfy { model.classifier.probabilities(for: $0.text) == loaded.classifier.probabilities(for: $0.text) }

        let timing = ParseTiming.measure(model: loaded, texts: test.map(\.text))

        say("== final configuration (ClassifierHyperParameters() defaults)")
        say("head \(hyperParameters.head.rawValue), C \(hyperParameters.regularization), tolerance \(hyperParameters.tolerance), max epochs \(hyperParameters.epochs), word \(hyperParameters.features.wordNGramMin)-\(hyperParameters.features.wordNGramMax), char_wb \(hyperParameters.features.charNGramMin)-\(hyperParameters.features.charNGramMax), char weight \(hyperParameters.features.charBlockWeight), min_df \(hyperParameters.features.minDocumentFrequency), weights \(hyperParameters.weightPrecision.rawValue), calibration fraction \(hyperParameters.calibrationFraction)")
        say("training examples \(data.train.count), intents \(model.classifier.intents.count), features \(model.classifier.vectorizer.featureCount), temperature \(String(format: "%.4f", model.classifier.temperature))")
        say("")
        say("TEST (scored once): accuracy \(pct(result.accuracy)) %, macro-F1 \(pct(result.macroF1)) %, weighted-F1 \(pct(result.weightedF1)) %, ECE \(pct(result.ece)) %, n \(result.n)")
        say("")
        say("training: \(String(format: "%.2f", trainSeconds)) s wall, one thread: calibration model on 90 % then final model on 100 % (last epoch numbers \(stageEpochs[.calibration] ?? 0) and \(stageEpochs[.final] ?? 0); the ensemble numbers its Crammer-Singer epochs 1-20, its softmax epochs 21-40)")
        say("  baseline: tokenising the \(texts.count) training texts once: \(String(format: "%.3f", tokeniseSeconds)) s (\(tokenCount) tokens) -> training = \(String(format: "%.0f", trainSeconds / tokeniseSeconds))x one tokenising pass")
        say("model file: \(bytes.count) bytes (\(String(format: "%.2f", Double(bytes.count) / 1_048_576)) MiB); load p50 \(String(format: "%.1f", percentile(loadTimes.sorted(), 50) * 1000)) ms; loaded model gives bit-identical confidences on test: \(identical)")
        let features = model.classifier.vectorizer.featureCount
        let classes = model.classifier.intents.count
        say("  same weights stored as float32 would be ~\(features * (12 + classes * 4)) bytes, float16 ~\(features * (12 + classes * 2)) bytes")
        timing.print()

        if let report {
            try NLUReportWriter.write(result, predictions: NLUEvaluator.predict(loaded.classifier, on: test), to: report)
            say("report written to \(report.path)")
        }
    }

    static func crossValidate(data: BenchData, folds: Int, report directory: URL?) throws {
        let start = now()
        let report = try CrossValidation.run(on: NLUTrainingData(examples: data.train), folds: folds) { step in
            if step.training == nil { say("fold \(step.fold)/\(step.folds) done") }
        }
        say("\(folds)-fold CV on train.csv (defaults): accuracy \(pct(report.accuracy.mean)) ± \(pct(report.accuracy.std)), macro-F1 \(pct(report.macroF1.mean)) ± \(pct(report.macroF1.std)), ECE \(pct(report.ece.mean)) ± \(pct(report.ece.std)) (\(String(format: "%.0f", seconds(since: start))) s)")
        let pooled = NLUEvaluator.score(report.predictions)
        say("pooled out-of-fold predictions: accuracy \(pct(pooled.accuracy)), macro-F1 \(pct(pooled.macroF1)), ECE \(pct(pooled.ece)), n \(pooled.n)")
        if let directory {
            try NLUReportWriter.write(pooled, predictions: report.predictions, to: directory)
            say("report of the pooled predictions written to \(directory.path)")
        }
    }
}

/// Per-query latency of `NLUParser.parse` over a set of texts, single thread,
/// with baselines measured in the same run on the same texts.
struct ParseTiming {
    var rows: [(String, [Double])] = []

    static func measure(model: NLUModel, texts: [String]) -> ParseTiming {
        var timing = ParseTiming()
        let parser: NLUParser
        do { parser = try NLUParser(model: model) } catch { return timing }
        let tokenizer = Tokenizer()
        let vectorizer = model.classifier.vectorizer
        let extractor = try? EntityExtractor(rules: model.metadata.entityRules)
        let reference = Date()
        var sink = 0
        func time(_ name: String, _ body: (String) -> Int) {
            for text in texts { sink &+= body(text) }  // warm-up
            var samples: [Double] = []
            samples.reserveCapacity(texts.count * 3)
            for _ in 0..<3 {
                for text in texts {
                    let start = now()
                    sink &+= body(text)
                    samples.append(Double(now() - start) / 1000)
                }
            }
            timing.rows.append((name, samples.sorted()))
        }
        time("baseline: String.lowercased()") { $0.lowercased().utf8.count }
        time("baseline: Tokenizer.tokenize") { tokenizer.tokenize($0).count }
        time("features: Vectorizer.vector") { vectorizer.vector(for: $0).count }
        time("intent: IntentClassifier.scores") { model.classifier.scores(for: $0).count }
        time("intent: IntentClassifier.rank") { model.classifier.rank($0).scores.count }
        time("entities: EntityExtractor.extract") { extractor?.extract(from: $0, referenceDate: reference).count ?? 0 }
        time("NLUParser.parse (all of it)") { parser.parse($0, referenceDate: reference).entities.count }
        if sink == 42 { say("") }  // keeps the work observable
        return timing
    }

    func print() {
        guard let parse = rows.last else { return }
        let parseMedian = percentile(parse.1, 50)
        say("parse latency over \(parse.1.count / 3) test queries x 3 passes, single thread (µs):")
        for (name, samples) in rows {
            let p50 = percentile(samples, 50)
            say("  \(name.padding(toLength: 36, withPad: " ", startingAt: 0)) p50 \(String(format: "%7.2f", p50))  p99 \(String(format: "%7.2f", percentile(samples, 99)))  (parse p50 = \(String(format: "%.1f", parseMedian / max(p50, 1e-9)))x this)")
        }
    }
}
