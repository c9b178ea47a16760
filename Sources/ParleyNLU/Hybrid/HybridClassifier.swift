/// The hybrid stage's classifier: one linear head over the linear model's
/// TF-IDF features followed by the sentence embedding (times
/// `embeddingScale`), trained with the same solvers. Its confidences are
/// `softmax(scores / temperature)`, calibrated on held-out data.
public struct HybridClassifier: Sendable {
    public let intents: [String]
    let vectorizer: Vectorizer
    /// `(vectorizer.featureCount + dimension) × intents.count`, feature-major.
    let matrix: WeightMatrix
    let bias: [Float]
    public let temperature: Float
    public let embeddingScale: Float
    public let dimension: Int

    init(intents: [String], vectorizer: Vectorizer, matrix: WeightMatrix, bias: [Float], temperature: Float, embeddingScale: Float, dimension: Int) {
        precondition(matrix.rowCount == vectorizer.featureCount + dimension && matrix.classCount == intents.count, "hybrid weight shape")
        precondition(bias.count == intents.count, "hybrid bias shape")
        self.intents = intents
        self.vectorizer = vectorizer
        self.matrix = matrix
        self.bias = bias
        self.temperature = temperature
        self.embeddingScale = embeddingScale
        self.dimension = dimension
    }

    func with(temperature: Float) -> HybridClassifier {
        HybridClassifier(intents: intents, vectorizer: vectorizer, matrix: matrix, bias: bias, temperature: temperature,
                         embeddingScale: embeddingScale, dimension: dimension)
    }

    /// The TF-IDF vector with the scaled embedding appended as dense columns.
    static func augmented(_ vector: SparseVector, embedding: [Float], featureCount: Int, scale: Float) -> SparseVector {
        var out = vector
        out.indices.reserveCapacity(vector.count + embedding.count)
        out.values.reserveCapacity(vector.count + embedding.count)
        for (offset, value) in embedding.enumerated() {
            out.indices.append(Int32(featureCount + offset))
            out.values.append(value * scale)
        }
        return out
    }

    /// Raw scores of a text's TF-IDF vector and embedding.
    func scores(for vector: SparseVector, embedding: [Float]) -> [Float] {
        let row = Self.augmented(vector, embedding: embedding, featureCount: vectorizer.featureCount, scale: embeddingScale)
        var logits = bias
        row.indices.withUnsafeBufferPointer { columns in
            row.values.withUnsafeBufferPointer { values in
                logits.withUnsafeMutableBufferPointer { out in matrix.accumulate(columns: columns, values: values, into: out.baseAddress!) }
            }
        }
        return logits
    }

    public func scores(for text: String, embedding: [Float]) -> [Float] {
        scores(for: vectorizer.vector(for: text), embedding: embedding)
    }

    func probabilities(for vector: SparseVector, embedding: [Float]) -> [Float] {
        var logits = scores(for: vector, embedding: embedding)
        IntentClassifier.softmax(&logits, temperature: temperature)
        return logits
    }

    public func probabilities(for text: String, embedding: [Float]) -> [Float] {
        probabilities(for: vectorizer.vector(for: text), embedding: embedding)
    }
}
