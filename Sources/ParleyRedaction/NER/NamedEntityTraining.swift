/// Trains the shipped named-entity tagger from generated sentences (templates
/// and the shipped name and place lists), deterministically: the same code and
/// lists give the same bytes. `packaging/redaction/ner-train` writes them to
/// `Sources/CParleyLexicon/Data/ner-weights.bin`.
public enum NamedEntityTraining {
    public static let defaultSeed: UInt64 = 20_260_301
    public static let defaultSentences = 40_000

    /// The serialised weights of a tagger trained on `sentences` generated
    /// sentences, `hardNegativeShare` of them hard negatives
    /// (`NERTrainingCorpus+HardNegatives`; the shipped weights use none, see
    /// packaging/redaction/ner-train).
    public static func trainWeights(
        sentences: Int = defaultSentences, seed: UInt64 = defaultSeed, hardNegativeShare: Double = 0
    ) -> [UInt8] {
        var corpus = NERTrainingCorpus(seed: seed, hardNegativeShare: hardNegativeShare)
        let generated = corpus.generate(count: sentences)
        let trainer = NERTrainer(lexicons: .training)
        let weights = trainer.train(generated, seed: seed &+ 1)
        return PerceptronWeights.serialise(table: weights.table, marginScale: weights.marginScale)
    }
}
