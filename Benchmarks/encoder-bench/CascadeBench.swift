import Foundation
import ParleyEncoder
import ParleyNLU

/// Accuracy and latency of linear only, hybrid only and the cascade.
enum CascadeBench {
    static let scales: [Float] = [0.5, 1, 1.5, 2, 3]

    /// Embedding scales on the validation split of train.csv (test.csv is not read).
    static func tune(data: BenchData, encoderURL: URL) throws {
        let encoder = try SentenceEncoder(contentsOf: encoderURL)
        var cache = BenchCache(encoder: encoder)
        let split = try data.validationSplit()
        let embeddings = try cache.embeddings(split.training.map(\.text), encoder: encoder, label: "validation-training")
        let holdoutEmbeddings = try cache.embeddings(split.holdout.map(\.text), encoder: encoder, label: "validation")
        let linear = try NLUModel.train(on: NLUTrainingData(examples: split.training), producer: "encoder-bench")
        say("validation split: \(split.training.count) training, \(split.holdout.count) validation examples")
        say("linear only: validation accuracy \(pct(accuracy(linear.classifier, split.holdout)))")
        let tolerances = options["tolerances"].map { $0.split(separator: ",").compactMap { Double($0) } } ?? [HybridHyperParameters().cascadeTolerance]
        let shares = options["shares"].map { $0.split(separator: ",").compactMap { Double($0) } } ?? [HybridHyperParameters().maxEncoderShare]
        for scale in (options["scale"].flatMap(Float.init).map { [$0] } ?? scales) {
          for tolerance in tolerances {
          for share in shares {
            let start = now()
            let model = try linear.withHybridStage(
                trainedOn: NLUTrainingData(examples: split.training), embeddings: embeddings, encoderName: encoder.configuration.name,
                encoderSHA256: encoder.fileSHA256,
                hyperParameters: HybridHyperParameters(embeddingScale: scale, cascadeTolerance: tolerance, maxEncoderShare: share)
            )
            let trainSeconds = seconds(since: start)
            let outcome = Outcome(model: model, examples: split.holdout, embeddings: holdoutEmbeddings)
            let metrics = model.metadata.hybrid?.validationMetrics ?? [:]
            if options["curve"] != nil {
                say("  threshold-vs-accuracy on the validation split (the model's own choice: \(String(format: "%.2f", model.hybrid?.cascadeThreshold ?? 0)))")
                for step in stride(from: 50, through: 100, by: 2) {
                    let threshold = Float(step) / 100
                    let point = Outcome(model: model, examples: split.holdout, embeddings: holdoutEmbeddings, threshold: threshold)
                    say("    threshold \(String(format: "%.2f", threshold)): cascade \(pct(point.cascadeAccuracy)) %, \(pct(point.encoderShare)) % reaching the encoder")
                }
            }
            say("scale \(scale), cascade tolerance \(tolerance), encoder budget \(share): linear \(pct(outcome.linearAccuracy)), hybrid only \(pct(outcome.hybridAccuracy)), cascade \(pct(outcome.cascadeAccuracy)) at threshold \(String(format: "%.2f", metrics["cascade_threshold"] ?? 0)) with \(pct(outcome.encoderShare)) % reaching the encoder; out-of-scope flags on in-scope validation \(pct(outcome.outOfScopeShare)) %; hybrid training \(String(format: "%.1f", trainSeconds)) s")
          }
          }
        }
    }

    static func final(data: BenchData, encoderURL: URL) throws {
        let encoder = try SentenceEncoder(contentsOf: encoderURL)
        var cache = BenchCache(encoder: encoder)
        let defaults = HybridHyperParameters()
        let hyper = HybridHyperParameters(
            embeddingScale: options["scale"].flatMap(Float.init) ?? defaults.embeddingScale,
            cascadeTolerance: options["tolerance"].flatMap(Double.init) ?? defaults.cascadeTolerance
        )
        say("== final: train on train.csv (\(data.train.count)), score test.csv once; embedding scale \(hyper.embeddingScale), cascade tolerance \(hyper.cascadeTolerance), kernel \(encoder.kernel.rawValue)")
        let linearStart = now()
        let linear = try NLUModel.train(on: NLUTrainingData(examples: data.train), producer: "encoder-bench")
        let linearSeconds = seconds(since: linearStart)
        let embeddings = try cache.embeddings(data.train.map(\.text), encoder: encoder, label: "train")
        let hybridStart = now()
        let model = try linear.withHybridStage(
            trainedOn: NLUTrainingData(examples: data.train), embeddings: embeddings, encoderName: encoder.configuration.name,
            encoderSHA256: encoder.fileSHA256, hyperParameters: hyper
        )
        let hybridSeconds = seconds(since: hybridStart)
        let metrics = model.metadata.hybrid?.validationMetrics ?? [:]
        say("training: linear \(String(format: "%.1f", linearSeconds)) s; hybrid stage with cached embeddings \(String(format: "%.1f", hybridSeconds)) s (auxiliary linear + auxiliary hybrid on 90 %, final hybrid on 100 %)")
        say("chosen on the calibration split of train: cascade threshold \(String(format: "%.2f", metrics["cascade_threshold"] ?? 0)), out-of-scope cosine \(String(format: "%.3f", metrics["out_of_scope_threshold"] ?? 0)), temperature \(String(format: "%.3f", metrics["temperature"] ?? 0)); holdout linear \(pct(metrics["holdout_linear_accuracy"] ?? 0)), hybrid \(pct(metrics["holdout_hybrid_accuracy"] ?? 0)), cascade \(pct(metrics["holdout_cascade_accuracy"] ?? 0)), encoder share \(pct(metrics["holdout_encoder_share"] ?? 0)) %")
        let linearBytes = try ModelFile.encode(linear).count
        let hybridBytes = try ModelFile.encode(model).count
        let encoderBytes = (try? FileManager.default.attributesOfItem(atPath: encoderURL.resolvingSymlinksInPath().path)[.size] as? Int) ?? 0
        say("sizes: linear model file \(linearBytes) bytes; with the hybrid stage \(hybridBytes) bytes; encoder file \(encoderBytes) bytes (\(encoder.configuration.precision)); encoder weights in memory \(encoder.memoryBytes) bytes")

        let test = try data.test()
        let testEmbeddings = try cache.embeddings(test.map(\.text), encoder: encoder, label: "test")
        let outcome = Outcome(model: model, examples: test, embeddings: testEmbeddings)
        say("")
        say("TEST (scored once, n \(test.count)): linear only \(pct(outcome.linearAccuracy)) %, hybrid only \(pct(outcome.hybridAccuracy)) %, cascade \(pct(outcome.cascadeAccuracy)) % with \(pct(outcome.encoderShare)) % of queries reaching the encoder; in-scope test queries flagged out of scope by the cascade \(pct(outcome.outOfScopeShare)) %")

        // Latency with the live encoder, every test text, each parse timed; the encoder one thread
        // (whose CPU time is then its latency) and pooled (wall time), query by query in turn.
        let live = encoder.with(threads: .count(1))
        let pooledLive = encoder.with(threads: ThreadBench.threads())
        let linearParser = try NLUParser(model: model)
        let cascadeParser = try NLUParser(model: model) { live.embed($0) }
        let pooledParser = try NLUParser(model: model) { pooledLive.embed($0) }
        var linearTimes: [Double] = [], cascadeTimes: [Double] = [], encoderPathTimes: [Double] = [], hybridTimes: [Double] = []
        var cascadeWall: [Double] = [], encoderPathWall: [Double] = [], pooledEncoderWall: [Double] = [], pooledEncoderCPU: [Double] = []
        var right = 0, pooledRight = 0
        for example in test {
            var start = cpuNow()
            _ = linearParser.parse(example.text)
            linearTimes.append(cpuSeconds(since: start))
            var wall = now()
            start = cpuNow()
            let parsed = cascadeParser.parse(example.text)
            let elapsed = cpuSeconds(since: start)
            let elapsedWall = seconds(since: wall)
            cascadeWall.append(elapsedWall)
            cascadeTimes.append(elapsed)
            if parsed.stage == .hybrid {
                encoderPathTimes.append(elapsed)
                encoderPathWall.append(elapsedWall)
            }
            if parsed.intent.name == example.intent { right += 1 }
            wall = now()
            let processStart = processCPUNow()
            let pooledParsed = pooledParser.parse(example.text)
            if pooledParsed.stage == .hybrid {
                pooledEncoderWall.append(seconds(since: wall))
                pooledEncoderCPU.append(Double(processCPUNow() - processStart) / 1e9)
            }
            if pooledParsed.intent.name == example.intent { pooledRight += 1 }
        }
        for example in test.prefix(1000) {
            let start = cpuNow()
            if let stage = model.hybrid { _ = stage.classifier.probabilities(for: example.text, embedding: live.embed(example.text)) }
            hybridTimes.append(cpuSeconds(since: start))
        }
        say("latency per query (CPU time; parse with entities; encoder on one thread), test.csv: linear only p50 \(ms(percentile(linearTimes, 50))) ms p99 \(ms(percentile(linearTimes, 99))) ms; hybrid only (first 1000) p50 \(ms(percentile(hybridTimes, 50))) ms p99 \(ms(percentile(hybridTimes, 99))) ms; cascade p50 \(ms(percentile(cascadeTimes, 50))) ms p99 \(ms(percentile(cascadeTimes, 99))) ms (wall p50 \(ms(percentile(cascadeWall, 50))) ms p99 \(ms(percentile(cascadeWall, 99))) ms); queries reaching the encoder (\(encoderPathTimes.count)) p50 \(ms(percentile(encoderPathTimes, 50))) ms p99 \(ms(percentile(encoderPathTimes, 99))) ms")
        say("encoder queries, one thread vs pooled (\(EncoderThreads.available) workers, encoder_threads \(pooledLive.threads)), same run, query by query in turn: one thread wall p50 \(ms(percentile(encoderPathWall, 50))) ms p99 \(ms(percentile(encoderPathWall, 99))) ms (CPU p50 \(ms(percentile(encoderPathTimes, 50))) ms); pooled (\(pooledEncoderWall.count)) wall p50 \(ms(percentile(pooledEncoderWall, 50))) ms p99 \(ms(percentile(pooledEncoderWall, 99))) ms, process CPU p50 \(ms(percentile(pooledEncoderCPU, 50))) ms")
        say("cascade accuracy with the live encoder: one thread \(pct(Double(right) / Double(test.count))) %, pooled \(pct(Double(pooledRight) / Double(test.count))) % (same model; cached embeddings gave \(pct(outcome.cascadeAccuracy)) %)")

        // Retraining as after feedback: the cache already holds every text.
        let retrainStart = now()
        let (again, computed) = try cache.cache.embeddings(of: data.train.map(\.text), encoder: encoder)
        let relinear = try NLUModel.train(on: NLUTrainingData(examples: data.train), producer: "encoder-bench")
        _ = try relinear.withHybridStage(trainedOn: NLUTrainingData(examples: data.train), embeddings: again, encoderName: encoder.configuration.name, encoderSHA256: encoder.fileSHA256, hyperParameters: hyper)
        say("retraining with a warm embedding cache (\(computed) texts embedded): \(String(format: "%.1f", seconds(since: retrainStart))) s in all (linear alone: \(String(format: "%.1f", linearSeconds)) s)")

        try precisions(model: model, test: test, reference: testEmbeddings, encoderURL: encoderURL)
        try outOfScope(data: data, test: test, encoder: encoder, cache: &cache, hyper: hyper)
    }

    /// fp16 and int8 encoder files against fp32, at inference time, with the model trained on this run's encoder.
    static func precisions(model: NLUModel, test: [LabeledUtterance], reference: [[Float]], encoderURL: URL) throws {
        let directory = encoderURL.deletingLastPathComponent()
        var rows: [(String, [[Float]])] = []
        for precision in ["f32", "f16", "i8"] {
            let url = precisionFile(precision, in: directory)
            guard let other = try? SentenceEncoder(contentsOf: url) else {
                say("precision \(precision): no file at \(url.path) (python3 packaging/encoder/convert.py --precision \(precision))")
                continue
            }
            var cache = BenchCache(encoder: other)
            rows.append((precision, try cache.embeddings(test.map(\.text), encoder: other, label: "test (\(precision))")))
        }
        guard let f32 = rows.first(where: { $0.0 == "f32" })?.1 else { return }
        for (precision, embeddings) in rows {
            let cosines = zip(embeddings, f32).map { pair in zip(pair.0, pair.1).reduce(Float(0)) { $0 + $1.0 * $1.1 } }
            let outcome = Outcome(model: model, examples: test, embeddings: embeddings)
            say("precision \(precision): embedding cosine to f32 mean \(String(format: "%.6f", Double(cosines.reduce(0, +)) / Double(cosines.count))) min \(String(format: "%.6f", Double(cosines.min() ?? 0))); test hybrid only \(pct(outcome.hybridAccuracy)) %, cascade \(pct(outcome.cascadeAccuracy)) %")
        }
    }

    /// Pseudo out-of-scope as nlu-bench oos: 10 intents (seed 11) are never trained on and play out-of-scope messages.
    static func outOfScope(data: BenchData, test: [LabeledUtterance], encoder: SentenceEncoder, cache: inout BenchCache, hyper: HybridHyperParameters) throws {
        var intents = Array(Set(data.train.map(\.intent))).sorted()
        var generator = SeededGenerator(seed: 11)
        intents.shuffle(using: &generator)
        let heldOut = Set(intents.prefix(10))
        let train = data.train.filter { !heldOut.contains($0.intent) }
        let linear = try NLUModel.train(on: NLUTrainingData(examples: train), producer: "encoder-bench")
        let model = try linear.withHybridStage(
            trainedOn: NLUTrainingData(examples: train), embeddings: try cache.embeddings(train.map(\.text), encoder: encoder, label: "in-scope train"),
            encoderName: encoder.configuration.name, encoderSHA256: encoder.fileSHA256, hyperParameters: hyper
        )
        guard let stage = model.hybrid else { return }
        let inScope = test.filter { !heldOut.contains($0.intent) }
        let outside = test.filter { heldOut.contains($0.intent) }
        let parser = try NLUParser(model: model) { encoder.embed($0) }
        func flagged(_ parse: ParseResult, threshold: Double) -> Bool { parse.outOfScope || parse.intent.confidence < threshold }
        let inParses = inScope.map { parser.parse($0.text) }
        let outParses = outside.map { parser.parse($0.text) }
        let inEmbeddings = try cache.embeddings(inScope.map(\.text), encoder: encoder, label: "in-scope test")
        let outEmbeddings = try cache.embeddings(outside.map(\.text), encoder: encoder, label: "pseudo out-of-scope test")
        say("")
        say("pseudo out-of-scope (held-out intents \(heldOut.sorted().joined(separator: ", "))): \(inScope.count) in-scope + \(outside.count) out-of-scope test queries; out-of-scope threshold \(String(format: "%.3f", stage.centroids.threshold)) chosen on in-scope calibration data only")
        for threshold in [0.0, 0.4] {
            let recall = Double(outParses.filter { flagged($0, threshold: threshold) }.count) / Double(outside.count)
            let rejected = Double(inParses.filter { flagged($0, threshold: threshold) }.count) / Double(inScope.count)
            let accuracy = Double(zip(inParses, inScope).filter { !flagged($0, threshold: threshold) && $0.intent.name == $1.intent }.count) / Double(inScope.count)
            say("  cascade (centroid rule on queries reaching the encoder) + confidence < \(threshold): out-of-scope recall \(pct(recall)) %, in-scope rejected \(pct(rejected)) %, in-scope answered correctly \(pct(accuracy)) %")
        }
        let allRecall = Double(outEmbeddings.filter { stage.centroids.isOutOfScope($0) }.count) / Double(outside.count)
        let allRejected = Double(inEmbeddings.filter { stage.centroids.isOutOfScope($0) }.count) / Double(inScope.count)
        say("  centroid rule on every query (encoder always run): out-of-scope recall \(pct(allRecall)) %, in-scope rejected \(pct(allRejected)) %")
        let linearParser = try NLUParser(model: linear)
        let linearRecall = Double(outside.filter { linearParser.parse($0.text).intent.confidence < 0.4 }.count) / Double(outside.count)
        let linearRejected = Double(inScope.filter { linearParser.parse($0.text).intent.confidence < 0.4 }.count) / Double(inScope.count)
        say("  baseline, linear confidence < 0.4 (the starter bot's fallback threshold): out-of-scope recall \(pct(linearRecall)) %, in-scope rejected \(pct(linearRejected)) %")
    }

    static func accuracy(_ classifier: IntentClassifier, _ examples: [LabeledUtterance]) -> Double {
        Double(examples.filter { classifier.rank($0.text).top?.name == $0.intent }.count) / Double(max(examples.count, 1))
    }
}

/// Scores of a model with precomputed embeddings of `examples`.
struct Outcome {
    var linearAccuracy = 0.0
    var hybridAccuracy = 0.0
    var cascadeAccuracy = 0.0
    var encoderShare = 0.0
    var outOfScopeShare = 0.0

    /// Scores with the model's cascade threshold, or with `threshold` when given.
    init(model: NLUModel, examples: [LabeledUtterance], embeddings: [[Float]], threshold: Float? = nil) {
        guard let stage = model.hybrid else { return }
        let cascadeThreshold = threshold ?? stage.cascadeThreshold
        var linear = 0, hybrid = 0, cascade = 0, encoder = 0, outOfScope = 0
        for (example, embedding) in zip(examples, embeddings) {
            let p = model.classifier.probabilities(for: example.text)
            let best = p.indices.max { p[$0] < p[$1] } ?? 0
            let h = stage.classifier.probabilities(for: example.text, embedding: embedding)
            let hybridBest = h.indices.max { h[$0] < h[$1] } ?? 0
            let linearRight = model.classifier.intents[best] == example.intent
            let hybridRight = stage.classifier.intents[hybridBest] == example.intent
            if linearRight { linear += 1 }
            if hybridRight { hybrid += 1 }
            if p[best] >= cascadeThreshold {
                if linearRight { cascade += 1 }
            } else {
                encoder += 1
                if hybridRight { cascade += 1 }
                if stage.centroids.isOutOfScope(embedding) { outOfScope += 1 }
            }
        }
        let n = Double(max(examples.count, 1))
        linearAccuracy = Double(linear) / n
        hybridAccuracy = Double(hybrid) / n
        cascadeAccuracy = Double(cascade) / n
        encoderShare = Double(encoder) / n
        outOfScopeShare = Double(outOfScope) / n
    }
}
