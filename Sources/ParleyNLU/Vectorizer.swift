import Foundation

/// A fitted TF-IDF vectoriser: the vocabulary of hashed features kept at
/// training time, their inverse document frequencies, and the block split
/// (word features first, then character features).
public struct Vectorizer: Sendable {
    let configuration: FeatureConfiguration
    /// Hash of each column; word columns are `0..<wordFeatureCount`, character columns follow.
    let hashes: [UInt64]
    let idf: [Float]
    let wordFeatureCount: Int
    private let index: FeatureIndex
    private let extractor: FeatureExtractor

    public var featureCount: Int { idf.count }

    init(configuration: FeatureConfiguration, hashes: [UInt64], idf: [Float], wordFeatureCount: Int) {
        precondition(hashes.count == idf.count, "one idf per column")
        self.configuration = configuration
        self.hashes = hashes
        self.idf = idf
        self.wordFeatureCount = wordFeatureCount
        self.index = FeatureIndex(hashes: hashes)
        self.extractor = FeatureExtractor(configuration: configuration)
    }

    /// Fits vocabulary and smoothed idf (`ln((1 + n) / (1 + df)) + 1`, as scikit-learn).
    static func fit(_ texts: [String], configuration: FeatureConfiguration) throws(NLUError) -> Vectorizer {
        let extractor = FeatureExtractor(configuration: configuration)
        var wordFrequency: [UInt64: Int] = [:]
        var charFrequency: [UInt64: Int] = [:]
        var scratch = FeatureScratch()
        func count(_ hashes: inout [UInt64], into frequency: inout [UInt64: Int]) {
            hashes.sort()
            var previous: UInt64?
            for hash in hashes where hash != previous {
                frequency[hash, default: 0] += 1
                previous = hash
            }
        }
        for text in texts {
            extractor.features(of: text, into: &scratch)
            count(&scratch.words, into: &wordFrequency)
            count(&scratch.chars, into: &charFrequency)
        }
        // Sorted by hash so that the column order, and so training, is deterministic.
        let keptWords = wordFrequency.filter { $0.value >= configuration.minDocumentFrequency }.sorted { $0.key < $1.key }
        let keptChars = charFrequency.filter { $0.value >= configuration.minDocumentFrequency }.sorted { $0.key < $1.key }
        let documents = Float(texts.count)
        let kept = keptWords + keptChars
        guard kept.count <= FeatureIndex.maximumColumns else {
            throw .invalidHyperParameter("more than \(FeatureIndex.maximumColumns) features; raise the minimum document frequency")
        }
        return Vectorizer(
            configuration: configuration,
            hashes: kept.map(\.key),
            idf: kept.map { logf((1 + documents) / (1 + Float($0.value))) + 1 },
            wordFeatureCount: keptWords.count
        )
    }

    public func vector(for text: String) -> SparseVector {
        var scratch = FeatureScratch()
        return vector(for: text, scratch: &scratch)
    }

    /// The TF-IDF vector of `text`; each block L2-normalised, the character
    /// block then scaled by its weight. Word columns precede character columns;
    /// within a block, columns come in the order their n-grams first occur.
    func vector(for text: String, scratch: inout FeatureScratch) -> SparseVector {
        extractor.features(of: text, into: &scratch)
        var vector = SparseVector()
        vector.indices.reserveCapacity(scratch.words.count + scratch.chars.count)
        vector.values.reserveCapacity(scratch.words.count + scratch.chars.count)
        appendBlock(scratch.words, weight: 1, counter: &scratch.counter, to: &vector)
        appendBlock(scratch.chars, weight: configuration.charBlockWeight, counter: &scratch.counter, to: &vector)
        return vector
    }

    private func appendBlock(_ hashes: [UInt64], weight: Float, counter: inout ColumnCounter, to vector: inout SparseVector) {
        counter.reset(expected: hashes.count)
        for hash in hashes {
            if let column = index.column(of: hash) { counter.add(column) }
        }
        counter.finish()
        let first = vector.values.count
        var squaredNorm: Float = 0
        for (column, count) in zip(counter.columns, counter.counts) {
            let tf = configuration.sublinearTermFrequency ? 1 + logf(Float(count)) : Float(count)
            let value = tf * idf[Int(column)]
            vector.indices.append(column)
            vector.values.append(value)
            squaredNorm += value * value
        }
        guard squaredNorm > 0 else { return }
        let scale = weight / squaredNorm.squareRoot()
        for index in first..<vector.values.count { vector.values[index] *= scale }
    }
}
