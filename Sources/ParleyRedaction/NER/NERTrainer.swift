/// Trains the tagger's averaged perceptron on labelled sentences,
/// deterministically (a seeded shuffle, no clock, no randomness from outside).
struct NERTrainer {
    /// A training sentence with its entities in UTF-8 byte offsets.
    struct Sentence {
        var text: String
        var entities: [(type: PIIEntityType, start: Int, end: Int)]
    }

    let lexicons: NameLexicons
    var epochs = 6
    /// The share of capitalised tokens whose own lists are hidden in training.
    var listDropout = 0.3
    /// At most this many features are kept (the largest weights).
    var maximumFeatures = 45_000

    private struct Parameters {
        var index: [UInt32: Int] = [:]
        var weights: [Float] = []
        var totals: [Float] = []

        mutating func slot(_ key: UInt32) -> Int {
            if let found = index[key] { return found }
            let slot = weights.count / PerceptronWeights.tagCount
            index[key] = slot
            weights.append(contentsOf: repeatElement(0, count: PerceptronWeights.tagCount))
            totals.append(contentsOf: repeatElement(0, count: PerceptronWeights.tagCount))
            return slot
        }

        func scores(_ features: UnsafeBufferPointer<UInt64>) -> [Float] {
            var scores = [Float](repeating: 0, count: PerceptronWeights.tagCount)
            for feature in features {
                guard let slot = index[PerceptronWeights.key(feature)] else { continue }
                for tag in 0..<PerceptronWeights.tagCount { scores[tag] += weights[slot * PerceptronWeights.tagCount + tag] }
            }
            return scores
        }
    }

    func train(_ sentences: [Sentence], seed: UInt64) -> (table: [UInt32: [Float]], marginScale: Float) {
        var parameters = Parameters()
        var random = SeededRandom(seed: seed)
        var order = Array(sentences.indices)
        var step: Float = 1
        let featureStorage = UnsafeMutablePointer<UInt64>.allocate(capacity: NERFeatures.maximumCount)
        defer { featureStorage.deallocate() }
        var features = NERFeatureVector(base: featureStorage)
        for _ in 0..<epochs {
            random.shuffle(&order)
            for sentenceIndex in order {
                let sentence = sentences[sentenceIndex]
                var text = sentence.text
                text.withUTF8 { bytes in
                    let input = ScanInput(bytes: bytes)
                    NERTokenizer.withTokens(input) { tokens in
                        let gold = Self.goldTags(tokens, sentence.entities)
                        var predicted = [Int](repeating: 0, count: tokens.count)
                        for index in tokens.indices {
                            let previous = index > 0 ? predicted[index - 1] : 0
                            guard NERTagger.isCandidate(tokens[index], previousTag: previous) else { continue }
                            let drop = random.unit() < listDropout
                            NERFeatures.extract(
                                tokens, index, previousTag: previous, previousTag2: index > 1 ? predicted[index - 2] : 0,
                                input: input, lexicons: lexicons, dropLists: drop, into: &features)
                            let scores = parameters.scores(features.values)
                            let guess = Self.best(scores, previousTag: previous)
                            let truth = gold[index]
                            if guess != truth {
                                for feature in features.values {
                                    let slot = parameters.slot(PerceptronWeights.key(feature))
                                    let base = slot * PerceptronWeights.tagCount
                                    parameters.weights[base + truth] += 1
                                    parameters.totals[base + truth] += step
                                    parameters.weights[base + guess] -= 1
                                    parameters.totals[base + guess] -= step
                                }
                            }
                            predicted[index] = truth  // teacher forcing keeps tags consistent for the next token
                            step += 1
                        }
                    }
                }
            }
        }
        // Averaged weights: w - totals / step.
        var table: [UInt32: [Float]] = [:]
        for (key, slot) in parameters.index {
            var values = [Float](repeating: 0, count: PerceptronWeights.tagCount)
            for tag in 0..<PerceptronWeights.tagCount {
                let position = slot * PerceptronWeights.tagCount + tag
                values[tag] = parameters.weights[position] - parameters.totals[position] / step
            }
            table[key] = values
        }
        table = Self.pruned(table, keeping: maximumFeatures)
        let draft = PerceptronWeights(table: table, marginScale: 1)
        return (table, Self.medianMargin(draft, sentences, lexicons))
    }

    static func goldTags(_ tokens: UnsafeBufferPointer<NERToken>, _ entities: [(type: PIIEntityType, start: Int, end: Int)]) -> [Int] {
        var tags = [Int](repeating: 0, count: tokens.count)
        for entity in entities {
            let begin = entity.type == .person ? 1 : 3
            for (index, token) in tokens.enumerated() where token.start >= entity.start && token.end <= entity.end {
                tags[index] = token.start == entity.start ? begin : begin + 1
            }
        }
        return tags
    }

    private static func best(_ scores: [Float], previousTag: Int) -> Int {
        var best = 0
        for tag in 1..<PerceptronWeights.tagCount where scores[tag] > scores[best] {
            if tag == 2, previousTag != 1, previousTag != 2 { continue }
            if tag == 4, previousTag != 3, previousTag != 4 { continue }
            best = tag
        }
        return best
    }

    private static func pruned(_ table: [UInt32: [Float]], keeping limit: Int) -> [UInt32: [Float]] {
        guard table.count > limit else { return table }
        let ranked = table.map { ($0.key, $0.value.map(abs).max() ?? 0) }.sorted {
            $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0
        }
        var kept: [UInt32: [Float]] = [:]
        for (key, _) in ranked.prefix(limit) { kept[key] = table[key] }
        return kept
    }

    /// The median margin over O of correctly tagged entity tokens (a scale for scores).
    private static func medianMargin(_ weights: PerceptronWeights, _ sentences: [Sentence], _ lexicons: NameLexicons) -> Float {
        let tagger = NERTagger(weights: weights, lexicons: lexicons)
        var margins: [Float] = []
        let featureStorage = UnsafeMutablePointer<UInt64>.allocate(capacity: NERFeatures.maximumCount)
        defer { featureStorage.deallocate() }
        var features = NERFeatureVector(base: featureStorage)
        for sentence in sentences.prefix(4000) {
            var text = sentence.text
            text.withUTF8 { bytes in
                let input = ScanInput(bytes: bytes)
                NERTokenizer.withTokens(input) { tokens in
                    let gold = goldTags(tokens, sentence.entities)
                    for index in tokens.indices where gold[index] != 0 {
                        let previous = index > 0 ? gold[index - 1] : 0
                        guard NERTagger.isCandidate(tokens[index], previousTag: previous) else { continue }
                        NERFeatures.extract(
                            tokens, index, previousTag: previous, previousTag2: index > 1 ? gold[index - 2] : 0,
                            input: input, lexicons: lexicons, into: &features)
                        let (tag, margin) = tagger.decide(features.values, previousTag: previous)
                        if tag == gold[index] { margins.append(margin) }
                    }
                }
            }
        }
        guard !margins.isEmpty else { return 1 }
        margins.sort()
        return margins[margins.count / 2]
    }
}

/// SplitMix64: a small, seeded, platform-independent generator for training
/// and for the generated training sentences.
struct SeededRandom {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }

    /// A value in 0..<1.
    mutating func unit() -> Double {
        Double(next() >> 11) / Double(1 << 53)
    }

    mutating func below(_ bound: Int) -> Int {
        Int(next() % UInt64(max(bound, 1)))
    }

    mutating func pick<T>(_ values: [T]) -> T {
        values[below(values.count)]
    }

    mutating func shuffle<T>(_ values: inout [T]) {
        guard values.count > 1 else { return }
        for index in stride(from: values.count - 1, to: 0, by: -1) {
            values.swapAt(index, below(index + 1))
        }
    }
}
