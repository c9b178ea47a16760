import Foundation
import ParleyEncoder
import ParleyNLU

/// Out-of-scope detection on the blind set (Benchmarks/blind/nlu): 500
/// non-banking queries and 300 unlabelled banking ones, written by hand by
/// someone who never saw this code or its tuning. Scored only; never tune on it.
enum BlindBench {
    static func run(data: BenchData, encoderURL: URL, blindDirectory: URL) throws {
        func lines(_ name: String) throws -> [String] {
            try String(contentsOf: blindDirectory.appendingPathComponent(name), encoding: .utf8)
                .split(separator: "\n").map { String($0) }.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        }
        let outside = try lines("oos.txt")
        let inside = try lines("in_scope.txt")
        let encoder = try SentenceEncoder(contentsOf: encoderURL)
        var cache = BenchCache(encoder: encoder)
        let linear = try NLUModel.train(on: NLUTrainingData(examples: data.train), producer: "encoder-bench")
        let model = try linear.withHybridStage(
            trainedOn: NLUTrainingData(examples: data.train), embeddings: try cache.embeddings(data.train.map(\.text), encoder: encoder, label: "train"),
            encoderName: encoder.configuration.name, encoderSHA256: encoder.fileSHA256, hyperParameters: HybridHyperParameters()
        )
        guard let stage = model.hybrid else { return }
        let parser = try NLUParser(model: model) { encoder.embed($0) }
        let linearParser = try NLUParser(model: linear)
        func share(_ texts: [String], _ flagged: (String) -> Bool) -> Double {
            Double(texts.filter(flagged).count) / Double(max(texts.count, 1))
        }
        say("== blind out-of-scope set (\(blindDirectory.path)): \(outside.count) out-of-scope, \(inside.count) in-scope (unlabelled); model trained on all of train.csv")
        for threshold in [0.0, 0.4] {
            let flag: (String) -> Bool = { let parse = parser.parse($0); return parse.outOfScope || parse.intent.confidence < threshold }
            say("  cascade + confidence < \(threshold): out-of-scope flagged \(pct(share(outside, flag))) %, in-scope flagged \(pct(share(inside, flag))) %")
        }
        let always: (String) -> Bool = { stage.centroids.isOutOfScope(encoder.embed($0)) }
        say("  centroid rule on every query (encoder always run): out-of-scope flagged \(pct(share(outside, always))) %, in-scope flagged \(pct(share(inside, always))) %")
        let baseline: (String) -> Bool = { linearParser.parse($0).intent.confidence < 0.4 }
        say("  baseline, linear confidence < 0.4: out-of-scope flagged \(pct(share(outside, baseline))) %, in-scope flagged \(pct(share(inside, baseline))) %")
    }
}
