import Foundation
import ParleyEncoder
import ParleyNLU

/// What int8 and binary16 weights cost in accuracy against f32: cosine to the
/// reference embeddings (sentence-transformers, the known-answer fixture) and to
/// the f32 file's, and the hybrid stage's accuracy on the validation split of
/// train.csv with each file's own embeddings (test.csv is not read).
enum PrecisionBench {
    static func run(data: BenchData, encoderDirectory: URL, fixture: URL) throws {
        struct Reference: Decodable {
            struct Embedded: Decodable { let text: String; let embedding: [Float] }
            let embedded: [Embedded]
        }
        let reference = try JSONDecoder().decode(Reference.self, from: Data(contentsOf: fixture)).embedded
        let split = try data.validationSplit()
        let linear = try NLUModel.train(on: NLUTrainingData(examples: split.training), producer: "encoder-bench")
        if options["reference-only"] == nil { say("validation split: \(split.training.count) training, \(split.holdout.count) validation; linear only \(pct(CascadeBench.accuracy(linear.classifier, split.holdout))) %") }
        var f32Holdout: [[Float]]?
        for precision in ["f32", "f16", "i8"] {
            let url = precisionFile(precision, in: encoderDirectory)
            for kernel in EncoderKernel.allCases where kernel.isSupported {
                // The reference read 256 word pieces (sentence-transformers' max_seq_length, as the
                // known-answer test); the shipped window is shorter and would cut the long fixture sentence.
                let encoder = try SentenceEncoder(contentsOf: url, kernel: kernel, window: 256)
                let cosines = reference.map { cosine(encoder.embed($0.text), $0.embedding) }
                say("\(precision) \(kernel.rawValue): cosine to reference (\(cosines.count) fixture sentences) min \(String(format: "%.6f", cosines.min() ?? 0)) mean \(String(format: "%.6f", cosines.reduce(0, +) / Float(cosines.count)))")
            }
            if options["reference-only"] != nil { continue }
            let encoder = try SentenceEncoder(contentsOf: url)
            var cache = BenchCache(encoder: encoder)
            let training = try cache.embeddings(split.training.map(\.text), encoder: encoder, label: "validation-training (\(precision))")
            let holdout = try cache.embeddings(split.holdout.map(\.text), encoder: encoder, label: "validation (\(precision))")
            if precision == "f32" { f32Holdout = holdout }
            if let f32Holdout {
                let cosines = zip(holdout, f32Holdout).map { cosine($0, $1) }
                say("\(precision): cosine to f32 over the validation texts min \(String(format: "%.6f", cosines.min() ?? 0)) mean \(String(format: "%.6f", cosines.reduce(0, +) / Float(cosines.count)))")
            }
            let model = try linear.withHybridStage(
                trainedOn: NLUTrainingData(examples: split.training), embeddings: training, encoderName: encoder.configuration.name,
                encoderSHA256: encoder.fileSHA256
            )
            let outcome = Outcome(model: model, examples: split.holdout, embeddings: holdout)
            say("\(precision): validation hybrid only \(pct(outcome.hybridAccuracy)) %, cascade \(pct(outcome.cascadeAccuracy)) % with \(pct(outcome.encoderShare)) % reaching the encoder")
        }
    }

    static func cosine(_ a: [Float], _ b: [Float]) -> Float {
        var dot: Float = 0, na: Float = 0, nb: Float = 0
        for i in a.indices {
            dot += a[i] * b[i]
            na += a[i] * a[i]
            nb += b[i] * b[i]
        }
        return dot / (na.squareRoot() * nb.squareRoot())
    }
}
