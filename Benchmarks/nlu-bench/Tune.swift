import Foundation
import ParleyNLU

/// Model selection on training data only: 5-fold stratified CV on train.csv
/// (`tune`) and the fixed 15 % validation split (`validate`). Neither reads test.csv.
enum Tune {
    struct Candidate {
        let name: String
        let hyperParameters: ClassifierHyperParameters
    }

    static func candidate(_ name: String, _ edit: (inout ClassifierHyperParameters) -> Void) -> Candidate {
        var h = ClassifierHyperParameters()
        edit(&h)
        return Candidate(name: name, hyperParameters: h)
    }

    /// The grids as they were run, in order; each states its base (the
    /// library defaults changed between rounds as winners were adopted).
    static func grid(_ name: String) -> [Candidate] {
        // Rounds 1-2 ran on: Crammer-Singer, at most 40 epochs, word 1-2-grams, no markers.
        let round1: (inout ClassifierHyperParameters) -> Void = {
            $0.head = .crammerSinger; $0.epochs = 40; $0.features.wordNGramMax = 2; $0.features.boundaryMarkers = false
        }
        func candidate(_ name: String, _ edit: @escaping (inout ClassifierHyperParameters) -> Void) -> Candidate {
            Tune.candidate(name) { h in
                if !["final", "softmax", "softmax2", "ensemble", "ensemble2", "precision"].contains(gridName) { round1(&h) }
                edit(&h)
            }
        }
        let gridName = name
        switch name {
        case "heads":
            return [
                candidate("cs C=0.5") { _ in },
                candidate("cs C=0.7") { $0.regularization = 0.7 },
                candidate("cs C=0.5 tol0.01") { $0.tolerance = 0.01 },
                candidate("sq C=1") { $0.head = .squaredHinge; $0.regularization = 1 },
                candidate("softmax v1") { $0.head = .softmax; $0.epochs = 20; $0.learningRate = 0.5; $0.l2 = 1e-5 },
            ]
        case "features":
            return [
                candidate("cs C=0.5") { _ in },
                candidate("cs cw0.8") { $0.features.charBlockWeight = 0.8 },
                candidate("cs cw1.25") { $0.features.charBlockWeight = 1.25 },
                candidate("cs char1-5") { $0.features.charNGramMin = 1 },
                candidate("cs char2-6") { $0.features.charNGramMax = 6 },
                candidate("cs word1-3") { $0.features.wordNGramMax = 3 },
                candidate("cs mindf2") { $0.features.minDocumentFrequency = 2 },
            ]
        case "precision":
            return WeightPrecision.allCases.map { precision in candidate("defaults \(precision)") { $0.weightPrecision = precision } }
        case "final":
            let v1Features: (inout ClassifierHyperParameters) -> Void = {
                $0.features.wordNGramMax = 2; $0.features.boundaryMarkers = false
            }
            return [
                candidate("v1: softmax AdaGrad, 20 epochs, w1-2, f32") {
                    v1Features(&$0); $0.head = .softmax; $0.epochs = 20; $0.learningRate = 0.5; $0.l2 = 1e-5; $0.weightPrecision = .float32
                },
                candidate("squared-hinge OvR C=1, w1-2") { v1Features(&$0); $0.head = .squaredHinge; $0.regularization = 1; $0.epochs = 40 },
                candidate("Crammer-Singer C=0.5, w1-2") { v1Features(&$0); $0.head = .crammerSinger },
                candidate("softmax lr 0.05, l2 1e-6, 20 epochs, w1-2") { v1Features(&$0); $0.head = .softmax },
                candidate("Crammer-Singer C=0.5, w1-3 + markers") { $0.head = .crammerSinger },
                candidate("softmax lr 0.05, w1-3 + markers") { $0.head = .softmax },
                candidate("CS + softmax ensemble, w1-3 + markers (DEFAULTS)") { _ in },
                candidate("defaults, float32 weights") { $0.weightPrecision = .float32 },
                candidate("defaults, min_df 2 (smaller file)") { $0.features.minDocumentFrequency = 2 },
            ]
        case "softmax":
            let softmax: (inout ClassifierHyperParameters) -> Void = {
                $0.head = .softmax; $0.features.wordNGramMax = 2; $0.features.boundaryMarkers = false; $0.weightPrecision = .float32
            }
            return [
                candidate("softmax lr 0.5 l2 1e-5 40 epochs") { softmax(&$0); $0.epochs = 40 },
                candidate("softmax lr 1 l2 1e-6 30 epochs") { softmax(&$0); $0.epochs = 30; $0.learningRate = 1; $0.l2 = 1e-6 },
                candidate("softmax lr 0.2 l2 1e-6 30 epochs") { softmax(&$0); $0.epochs = 30; $0.learningRate = 0.2; $0.l2 = 1e-6 },
                candidate("softmax lr 1 l2 0 30 epochs") { softmax(&$0); $0.epochs = 30; $0.learningRate = 1; $0.l2 = 0 },
                candidate("softmax lr 1 l2 1e-4 30 epochs") { softmax(&$0); $0.epochs = 30; $0.learningRate = 1; $0.l2 = 1e-4 },
            ]
        case "softmax2":
            let softmax: (inout ClassifierHyperParameters) -> Void = {
                $0.head = .softmax; $0.features.wordNGramMax = 2; $0.features.boundaryMarkers = false; $0.weightPrecision = .float32
            }
            return [
                candidate("softmax lr 0.1 l2 1e-6 30 epochs") { softmax(&$0); $0.epochs = 30; $0.learningRate = 0.1; $0.l2 = 1e-6 },
                candidate("softmax lr 0.05 l2 1e-6 30 epochs") { softmax(&$0); $0.epochs = 30; $0.learningRate = 0.05; $0.l2 = 1e-6 },
                candidate("softmax lr 0.1 l2 0 30 epochs") { softmax(&$0); $0.epochs = 30; $0.learningRate = 0.1; $0.l2 = 0 },
                candidate("softmax lr 0.1 l2 1e-6 30 epochs w1-3 markers") { softmax(&$0); $0.epochs = 30; $0.learningRate = 0.1; $0.l2 = 1e-6; $0.features.wordNGramMax = 3; $0.features.boundaryMarkers = true },
            ]
        case "ensemble":
            return [
                candidate("defaults (cs)") { $0.head = .crammerSinger; $0.epochs = 40 },
                candidate("softmax lr 0.05 l2 1e-6 20 epochs") { $0.head = .softmax; $0.epochs = 20; $0.learningRate = 0.05; $0.l2 = 1e-6 },
            ]
        case "ensemble2":
            let ensemble: (inout ClassifierHyperParameters) -> Void = { $0.head = .ensemble; $0.learningRate = 0.05; $0.l2 = 1e-6 }
            return [
                candidate("defaults (cs)") { $0.head = .crammerSinger; $0.epochs = 40 },
                candidate("ensemble epochs 20") { ensemble(&$0); $0.epochs = 20 },
                candidate("ensemble epochs 12") { ensemble(&$0); $0.epochs = 12 },
                candidate("softmax lr 0.05 l2 1e-6 20 epochs (sparse)") { $0.head = .softmax; $0.epochs = 20; $0.learningRate = 0.05; $0.l2 = 1e-6 },
            ]
        case "round2":
            return [
                candidate("cs C=0.5") { _ in },
                candidate("cs markers") { $0.features.boundaryMarkers = true },
                candidate("cs word1-3") { $0.features.wordNGramMax = 3 },
                candidate("cs word1-3 markers") { $0.features.wordNGramMax = 3; $0.features.boundaryMarkers = true },
                candidate("cs balance0.5") { $0.classBalance = 0.5 },
                candidate("cs balance1") { $0.classBalance = 1 },
                candidate("cs word1-3 markers cw1.25 balance0.5") {
                    $0.features.wordNGramMax = 3; $0.features.boundaryMarkers = true; $0.features.charBlockWeight = 1.25; $0.classBalance = 0.5
                },
            ]
        case "round3":
            let base: (inout ClassifierHyperParameters) -> Void = { $0.features.wordNGramMax = 3; $0.features.boundaryMarkers = true }
            // Round 3 adds word 1-3-grams and markers to the round-1 base.
            return [
                candidate("w1-3 markers C=0.5", base),
                candidate("w1-3 markers C=0.35") { base(&$0); $0.regularization = 0.35 },
                candidate("w1-3 markers C=0.7") { base(&$0); $0.regularization = 0.7 },
                candidate("w1-3 markers cw1.25") { base(&$0); $0.features.charBlockWeight = 1.25 },
                candidate("w1-3 markers cw0.8") { base(&$0); $0.features.charBlockWeight = 0.8 },
                candidate("w1-3 markers char1-5") { base(&$0); $0.features.charNGramMin = 1 },
                candidate("w1-4 markers") { base(&$0); $0.features.wordNGramMax = 4 },
                candidate("w1-3 markers mindf2") { base(&$0); $0.features.minDocumentFrequency = 2 },
                candidate("w1-3 markers sq C=1") { base(&$0); $0.head = .squaredHinge; $0.regularization = 1 },
            ]
        default:
            return []
        }
    }

    /// 5-fold CV accuracy of each candidate, and of pairwise logit ensembles.
    static func run(data: BenchData, grid name: String) throws {
        let candidates = grid(name)
        let folds = 5
        let assignment = try StratifiedSplit.foldAssignment(data.train, folds: folds, seed: 42)
        var accuracies = [[Double]](repeating: [], count: candidates.count)
        var balanced = [[Double]](repeating: [], count: candidates.count)
        var scores = [[[Float]]](repeating: [], count: candidates.count)
        var gold: [Int] = []
        for fold in 0..<folds {
            let training = zip(data.train, assignment).filter { $1 != fold }.map(\.0)
            let held = zip(data.train, assignment).filter { $1 == fold }.map(\.0)
            for (k, candidate) in candidates.enumerated() {
                var h = candidate.hyperParameters
                h.calibrationFraction = 0  // accuracy does not depend on the temperature
                let start = now()
                let classifier = try ClassifierTrainer(hyperParameters: h).train(training)
                let index = Dictionary(uniqueKeysWithValues: classifier.intents.enumerated().map { ($1, $0) })
                let labels = held.map { index[$0.intent] ?? -1 }
                let heldScores = held.map { classifier.scores(for: $0.text) }
                if k == 0 { gold += labels }
                scores[k] += heldScores
                let hits = zip(heldScores, labels).filter { argmax($0.0) == $0.1 }.count
                accuracies[k].append(Double(hits) / Double(held.count))
                balanced[k].append(macroRecall(heldScores, labels))
                say("fold \(fold + 1) \(candidate.name): \(pct(accuracies[k].last ?? 0)) (\(String(format: "%.1f", seconds(since: start))) s)")
            }
        }
        say("== 5-fold CV on train.csv (grid \(name))")
        for (k, candidate) in candidates.enumerated() {
            let summary = MeanDeviation(accuracies[k])
            let recall = MeanDeviation(balanced[k])
            say("\(candidate.name.padding(toLength: 44, withPad: " ", startingAt: 0)) accuracy \(pct(summary.mean)) ± \(pct(summary.std))  macro-recall \(pct(recall.mean))")
        }
        guard candidates.count > 1 else { return }
        let standardized = scores.map(standardize)
        for a in 0..<candidates.count {
            for b in (a + 1)..<candidates.count {
                var hits = 0
                for i in gold.indices where argmax(zip(standardized[a][i], standardized[b][i]).map(+)) == gold[i] { hits += 1 }
                say("ensemble \(candidates[a].name) + \(candidates[b].name): \(pct(Double(hits) / Double(gold.count)))")
            }
        }
    }

    /// Each candidate trained on the validation split's training part and
    /// scored on its held-out part, as `NLUModel.train(validation:)` does.
    static func validate(data: BenchData, grid name: String) throws {
        let split = try data.validationSplit()
        say("validation split: \(split.training.count) training, \(split.holdout.count) validation examples (stratified \(Int(BenchData.validationFraction * 100)) %, seed \(BenchData.validationSeed))")
        say("| configuration | val accuracy | val macro-F1 | val ECE | temperature | training s |")
        say("|---|---|---|---|---|---|")
        for candidate in grid(name) {
            let start = now()
            let model = try NLUModel.train(
                on: NLUTrainingData(examples: split.training), hyperParameters: candidate.hyperParameters,
                validation: split.holdout, producer: "nlu-bench"
            )
            let elapsed = seconds(since: start)
            let m = model.metadata.validationMetrics
            say("| \(candidate.name) | \(pct(m["accuracy"] ?? 0)) | \(pct(m["macro_f1"] ?? 0)) | \(pct(m["ece"] ?? 0)) | \(String(format: "%.3f", m["temperature"] ?? 0)) | \(String(format: "%.1f", elapsed)) |")
        }
    }

    /// Mean per-class recall (balanced accuracy).
    static func macroRecall(_ scores: [[Float]], _ labels: [Int]) -> Double {
        var hits: [Int: Int] = [:]
        var totals: [Int: Int] = [:]
        for (row, label) in zip(scores, labels) {
            totals[label, default: 0] += 1
            if argmax(row) == label { hits[label, default: 0] += 1 }
        }
        return totals.reduce(0) { $0 + Double(hits[$1.key] ?? 0) / Double($1.value) } / Double(max(totals.count, 1))
    }

    static func standardize(_ rows: [[Float]]) -> [[Float]] {
        let flat = rows.flatMap { $0 }
        let mean = flat.reduce(0, +) / Float(max(flat.count, 1))
        let deviation = (flat.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Float(max(flat.count, 1))).squareRoot()
        return rows.map { $0.map { ($0 - mean) / max(deviation, 1e-9) } }
    }
}
