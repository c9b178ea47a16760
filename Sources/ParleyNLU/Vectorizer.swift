import Foundation

/// A fitted TF-IDF vectoriser: the vocabulary of hashed features kept at
/// training time, their inverse document frequencies, and the block split
/// (word features first, then character features).
public struct Vectorizer: Sendable {
    let configuration: FeatureConfiguration
    /// Hash → column. Word columns are `0..<wordFeatureCount`, character columns follow.
    let vocabulary: [UInt64: Int32]
    let idf: [Float]
    let wordFeatureCount: Int
    private let extractor: FeatureExtractor

    public var featureCount: Int { idf.count }

    init(configuration: FeatureConfiguration, vocabulary: [UInt64: Int32], idf: [Float], wordFeatureCount: Int) {
        self.configuration = configuration
        self.vocabulary = vocabulary
        self.idf = idf
        self.wordFeatureCount = wordFeatureCount
        self.extractor = FeatureExtractor(configuration: configuration)
    }

    /// Fits vocabulary and smoothed idf (`ln((1 + n) / (1 + df)) + 1`, as scikit-learn).
    static func fit(_ texts: [String], configuration: FeatureConfiguration) -> Vectorizer {
        let extractor = FeatureExtractor(configuration: configuration)
        var wordFrequency: [UInt64: Int] = [:]
        var charFrequency: [UInt64: Int] = [:]
        for text in texts {
            let (words, chars) = extractor.features(of: text)
            for hash in Set(words) { wordFrequency[hash, default: 0] += 1 }
            for hash in Set(chars) { charFrequency[hash, default: 0] += 1 }
        }
        // Sorted by hash so that the column order, and so training, is deterministic.
        let keptWords = wordFrequency.filter { $0.value >= configuration.minDocumentFrequency }.sorted { $0.key < $1.key }
        let keptChars = charFrequency.filter { $0.value >= configuration.minDocumentFrequency }.sorted { $0.key < $1.key }
        var vocabulary: [UInt64: Int32] = [:]
        vocabulary.reserveCapacity(keptWords.count + keptChars.count)
        var idf: [Float] = []
        idf.reserveCapacity(keptWords.count + keptChars.count)
        let documents = Float(texts.count)
        for (hash, frequency) in keptWords + keptChars {
            vocabulary[hash] = Int32(idf.count)
            idf.append(logf((1 + documents) / (1 + Float(frequency))) + 1)
        }
        return Vectorizer(configuration: configuration, vocabulary: vocabulary, idf: idf, wordFeatureCount: keptWords.count)
    }

    public func vector(for text: String) -> SparseVector {
        let (words, chars) = extractor.features(of: text)
        var wordPart = block(words)
        var charPart = block(chars)
        normalize(&wordPart, weight: 1)
        normalize(&charPart, weight: configuration.charBlockWeight)
        // Word columns all precede character columns, so concatenation stays sorted.
        return SparseVector(indices: wordPart.indices + charPart.indices, values: wordPart.values + charPart.values)
    }

    private func block(_ hashes: [UInt64]) -> SparseVector {
        var columns: [Int32] = []
        columns.reserveCapacity(hashes.count)
        for hash in hashes {
            if let column = vocabulary[hash] { columns.append(column) }
        }
        columns.sort()
        var indices: [Int32] = []
        var values: [Float] = []
        var position = 0
        while position < columns.count {
            let column = columns[position]
            var count = 1
            while position + count < columns.count, columns[position + count] == column { count += 1 }
            let tf = configuration.sublinearTermFrequency ? 1 + logf(Float(count)) : Float(count)
            indices.append(column)
            values.append(tf * idf[Int(column)])
            position += count
        }
        return SparseVector(indices: indices, values: values)
    }

    private func normalize(_ vector: inout SparseVector, weight: Float) {
        let norm = vector.squaredNorm.squareRoot()
        guard norm > 0 else { return }
        let scale = weight / norm
        for index in vector.values.indices { vector.values[index] *= scale }
    }
}
