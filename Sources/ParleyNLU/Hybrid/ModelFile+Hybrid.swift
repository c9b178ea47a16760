/// The hybrid stage's part of a version-3 model file (see ``ModelFile``).
struct HybridSection {
    let dimension: Int
    let embeddingScale: Float
    let temperature: Float
    let cascadeThreshold: Float
    let outOfScopeThreshold: Float
    let weights: WeightMatrix
    let bias: [Float]
    let centroids: [Float]

    static func append(_ stage: HybridStage, precision: WeightPrecision, to bytes: inout [UInt8]) {
        let classifier = stage.classifier
        ByteWriter.append(UInt32(classifier.dimension), to: &bytes)
        for value in [classifier.embeddingScale, classifier.temperature, stage.cascadeThreshold, stage.centroids.threshold] {
            ByteWriter.append(value.bitPattern, to: &bytes)
        }
        ByteWriter.appendWeights(classifier.matrix, precision: precision, to: &bytes)
        for value in classifier.bias { ByteWriter.append(value.bitPattern, to: &bytes) }
        for value in stage.centroids.rows { ByteWriter.append(value.bitPattern, to: &bytes) }
    }

    static func read(_ reader: inout ByteReader, featureCount: Int, classCount: Int, precision: WeightPrecision) -> HybridSection? {
        guard let dimension = reader.u32().map(Int.init), (1...8192).contains(dimension),
              let scale = reader.f32(), scale.isFinite, scale > 0,
              let temperature = reader.f32(), temperature.isFinite, temperature > 0,
              let cascade = reader.f32(), (0...1).contains(cascade),
              let outOfScope = reader.f32(), (-1...1).contains(outOfScope),
              let weights = reader.weights(featureCount + dimension, classCount, precision), weights.isFinite,
              let bias = reader.f32s(classCount), bias.allSatisfy(\.isFinite),
              let centroids = reader.f32s(classCount * dimension), centroids.allSatisfy(\.isFinite)
        else { return nil }
        return HybridSection(
            dimension: dimension, embeddingScale: scale, temperature: temperature, cascadeThreshold: cascade,
            outOfScopeThreshold: outOfScope, weights: weights, bias: bias, centroids: centroids
        )
    }

    func stage(vectorizer: Vectorizer, intents: [String]) -> HybridStage {
        HybridStage(
            classifier: HybridClassifier(
                intents: intents, vectorizer: vectorizer, matrix: weights, bias: bias, temperature: temperature,
                embeddingScale: embeddingScale, dimension: dimension
            ),
            centroids: IntentCentroids(rows: centroids, dimension: dimension, threshold: outOfScopeThreshold),
            cascadeThreshold: cascadeThreshold
        )
    }
}
