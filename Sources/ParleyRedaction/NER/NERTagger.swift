import Foundation

/// A greedy left-to-right averaged-perceptron tagger for personal names and
/// places (tags O, B/I-PERSON, B/I-LOCATION), trained here from generated
/// sentences (`NERTrainer`). Only capitalised words, and short particles right
/// after a tagged word ("de", "van"), are scored: every other token is O, which
/// keeps the stage at a small cost per byte.
struct NERTagger: Sendable {
    struct Entity {
        let type: PIIEntityType
        let start: Int
        let end: Int
        let score: Double
    }

    let weights: PerceptronWeights
    let lexicons: NameLexicons

    /// Tokens whose lowercase form may continue a name or place ("Rio de Janeiro").
    private static let particles: Set<UInt64> = Set(
        ["de", "da", "do", "dos", "das", "di", "del", "della", "van", "von", "der", "den", "ter", "ten", "du", "la",
         "le", "bin", "bint", "al", "el", "ibn", "y", "e", "upon", "on", "sur", "am", "im"].map(WordHash.of))

    func entities(in input: ScanInput) -> [Entity] {
        var tokens: [NERToken] = []
        tokens.reserveCapacity(input.count / 5 + 4)
        NERTokenizer.tokens(input, into: &tokens)
        var tags = [Int](repeating: 0, count: tokens.count)
        var confidences = [Double](repeating: 0, count: tokens.count)
        var features: [UInt64] = []
        features.reserveCapacity(NERFeatures.maximumCount)
        var any = false
        for index in tokens.indices {
            let token = tokens[index]
            let previousTag = index > 0 ? tags[index - 1] : 0
            guard Self.isCandidate(token, previousTag: previousTag) else { continue }
            NERFeatures.extract(
                tokens, index, previousTag: previousTag, previousTag2: index > 1 ? tags[index - 2] : 0, input: input,
                lexicons: lexicons, into: &features)
            let (tag, margin) = decide(features, previousTag: previousTag)
            tags[index] = tag
            if tag != 0 {
                any = true
                confidences[index] = 1 / (1 + exp(-2 * Double(margin / max(weights.marginScale, 1e-6))))
            }
        }
        guard any else { return [] }
        return spans(tokens, tags, confidences, input: input)
    }

    @inline(__always) static func isCandidate(_ token: NERToken, previousTag: Int) -> Bool {
        guard token.kind == .word else { return false }
        if token.shape.contains(.capitalised) { return true }
        return previousTag != 0 && token.length <= 5 && particles.contains(token.hash)
    }

    /// The best tag allowed after `previousTag`, and its margin over O.
    func decide(_ features: [UInt64], previousTag: Int) -> (Int, Float) {
        var scores: (Float, Float, Float, Float, Float) = (0, 0, 0, 0, 0)
        weights.accumulate(features, into: &scores)
        var best = 0
        var bestScore = scores.0
        if scores.1 > bestScore { best = 1; bestScore = scores.1 }
        if scores.2 > bestScore, previousTag == 1 || previousTag == 2 { best = 2; bestScore = scores.2 }
        if scores.3 > bestScore { best = 3; bestScore = scores.3 }
        if scores.4 > bestScore, previousTag == 3 || previousTag == 4 { best = 4; bestScore = scores.4 }
        return (best, bestScore - scores.0)
    }

    private func spans(_ tokens: [NERToken], _ tags: [Int], _ confidences: [Double], input: ScanInput) -> [Entity] {
        var result: [Entity] = []
        var index = 0
        while index < tokens.count {
            let tag = tags[index]
            guard tag == 1 || tag == 3 else {
                index += 1
                continue
            }
            let inside = tag + 1
            var last = index
            var total = confidences[index]
            var next = index + 1
            while next < tokens.count, tags[next] == inside {
                last = next
                total += confidences[next]
                next += 1
            }
            // A trailing particle is not part of the name ("Anna de").
            while last > index, !tokens[last].shape.contains(.capitalised) { last -= 1 }
            result.append(Entity(
                type: tag == 1 ? .person : .location, start: tokens[index].start, end: tokens[last].end,
                score: total / Double(next - index)))
            index = next
        }
        return result
    }
}
