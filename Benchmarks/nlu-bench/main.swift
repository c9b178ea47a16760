import Foundation
import ParleyNLU

// nlu-bench: accuracy, speed and size of ParleyNLU on BANKING77.
//
//   nlu-bench tune GRID                   5-fold CV on train.csv of a grid of candidates
//                                         (heads, features, round2, round3, ensemble, ensemble2, precision)
//   nlu-bench validate GRID               a grid on the fixed 15 % validation split (final, softmax, softmax2)
//   nlu-bench final [--report DIR]        defaults: train on train.csv, score test.csv ONCE,
//                                         training time, parse p50/p99, model size, baselines
//   nlu-bench oos                         pseudo out-of-scope: held-out intents, threshold curve
//   nlu-bench cv [--folds K] [--report D] the library's CrossValidation on train.csv
//   nlu-bench speed [--min-df N]          timing on the validation split (no test.csv)
//   nlu-bench folds                       CV fold of each train.csv row (for the sklearn reference)
//   nlu-bench parse-loop --model FILE     parse the validation texts repeatedly (for perf)
//
// Options: --data DIR (default ../shared/data/banking77, relative to the checkout).

let arguments = CommandLine.arguments
let command = arguments.count > 1 ? arguments[1] : "help"
let options = Options(arguments.dropFirst(2))
let usage = "usage: nlu-bench tune GRID|validate GRID|final|oos|cv|speed|folds|parse-loop [--data DIR] [--report DIR] [--folds K]"
guard ["tune", "validate", "final", "oos", "cv", "speed", "folds", "parse-loop"].contains(command) else {
    say(usage)
    exit(command == "help" ? 0 : 2)
}
/// Runs the command; every failure is a message on standard error and exit status 1.
func run() throws {
    let data = try BenchData(directory: URL(fileURLWithPath: options["data"] ?? "../shared/data/banking77"))

    switch command {
    case "tune":
        try Tune.run(data: data, grid: options.positional.first ?? "heads")
    case "validate":
        try Tune.validate(data: data, grid: options.positional.first ?? "final")
    case "final":
        try Final.run(data: data, report: options["report"].map { URL(fileURLWithPath: $0) })
    case "oos":
        try OutOfScopeBench.run(data: data, report: options["report"].map { URL(fileURLWithPath: $0) })
    case "speed":
        // Development timing without test.csv: train on the validation split's
        // training part, time parsing of the validation texts.
        let split = try data.validationSplit()
        var hyperParameters = ClassifierHyperParameters()
        if let minimum = options["min-df"].flatMap(Int.init) { hyperParameters.features.minDocumentFrequency = minimum }
        let start = now()
        let model = try NLUModel.train(on: NLUTrainingData(examples: split.training), hyperParameters: hyperParameters, validation: split.holdout, producer: "nlu-bench")
        say("training \(String(format: "%.2f", seconds(since: start))) s, validation accuracy \(pct(model.metadata.validationMetrics["accuracy"] ?? 0)), model \(try ModelFile.encode(model).count) bytes, features \(model.classifier.vectorizer.featureCount) of which all-zero weights \(model.classifier.zeroWeightFeatureCount)")
        ParseTiming.measure(model: model, texts: split.holdout.map(\.text)).print()
        if let path = options["save"] { try ModelFile.write(model, to: URL(fileURLWithPath: path)) }
    case "parse-loop":
        // For profilers: parse the validation texts many times with a saved model.
        let model = try ModelFile.read(from: URL(fileURLWithPath: options["model"] ?? "model.parleynlu"))
        let parser = try NLUParser(model: model)
        let texts = try data.validationSplit().holdout.map(\.text)
        var total = 0
        for _ in 0..<(Int(options["rounds"] ?? "50") ?? 50) {
            for text in texts { total &+= parser.parse(text).entities.count }
        }
        say("parsed; \(total) entities")
    case "folds":
        // For the offline scikit-learn reference: the fold of each train.csv row (CV seed 42).
        let assignment = try StratifiedSplit.foldAssignment(data.train, folds: 5, seed: 42)
        say(assignment.map(String.init).joined(separator: "\n"))
    case "cv":
        try Final.crossValidate(data: data, folds: Int(options["folds"] ?? "5") ?? 5, report: options["report"].map { URL(fileURLWithPath: $0) })
    default:
        say(usage)
    }
}

do {
    try run()
} catch {
    FileHandle.standardError.write(Data("nlu-bench: \(error)\n".utf8))
    FileHandle.standardError.write(Data("(run it from the checkout, or give --data DIR with train.csv and test.csv)\n".utf8))
    exit(1)
}
