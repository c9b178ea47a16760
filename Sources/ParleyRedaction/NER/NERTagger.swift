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

    /// At most this score, so that checksum and pattern detectors (dates, cards,
    /// postcodes) and cue phrases win an overlap against the tagger.
    static let maximumScore = 0.75
    /// Longer runs are split ("Anna Anna Anna …" is not one name).
    static let maximumTokens = 4

    func entities(in input: ScanInput) -> [Entity] {
        // One allocation per text for the tokens, tags, scores and features
        // (room for a token per byte): no array per token.
        let capacity = input.count + 1
        let tokenBytes = capacity * MemoryLayout<NERToken>.stride
        let block = UnsafeMutableRawPointer.allocate(
            byteCount: tokenBytes + TagScratch.byteCount(tokenCount: capacity), alignment: 16)
        defer { block.deallocate() }
        let storage = block.bindMemory(to: NERToken.self, capacity: capacity)
        let tokens = UnsafeBufferPointer(start: storage, count: NERTokenizer.tokens(input, into: storage))
        let scratch = TagScratch(tokenCount: tokens.count, block: block + tokenBytes)
        return entities(tokens, scratch, in: input)
    }

    private func entities(_ tokens: UnsafeBufferPointer<NERToken>, _ scratch: TagScratch, in input: ScanInput) -> [Entity] {
        var features = NERFeatureVector(base: scratch.features)
        let kinds = TokenKinds(lexicons: lexicons, tokens: tokens, cache: scratch.kinds)
        var any = false
        for index in tokens.indices {
            let token = tokens[index]
            let previousTag = index > 0 ? Int(scratch.tags[index - 1]) : 0
            guard Self.isCandidate(token, previousTag: previousTag) else { continue }
            // Starts no entity that would survive `isPlausible`: a stop word, or an
            // ordinary word with no capitalised word after it ("Please", "Thanks").
            if previousTag == 0, Self.isStopWord(token.hash)
                || (!(index + 1 < tokens.count && tokens[index + 1].shape.contains(.capitalised))
                    && kinds(index).contains(.common))
            {
                continue
            }
            NERFeatures.extract(
                tokens, index, previousTag: previousTag, previousTag2: index > 1 ? Int(scratch.tags[index - 2]) : 0,
                input: input, lexicons: lexicons, kindCache: scratch.kinds, into: &features)
            let (tag, margin) = decide(features.values, previousTag: previousTag)
            scratch.tags[index] = UInt8(tag)
            if tag != 0 {
                any = true
                scratch.confidences[index] = 1 / (1 + exp(-Double(margin / max(weights.marginScale, 1e-6))))
            }
        }
        let tagged = any ? spans(tokens, scratch, input: input) : []
        return Self.preferringPlaces(placeEntities(tokens, in: input), over: tagged)
    }

    /// Per-token tags and confidences (zeroed), lexicon kinds (not looked up
    /// yet) and room for one token's features, in memory its caller owns
    /// (`byteCount`, 8-byte aligned).
    private struct TagScratch {
        let confidences: UnsafeMutablePointer<Double>
        let features: UnsafeMutablePointer<UInt64>
        let tags: UnsafeMutablePointer<UInt8>
        let kinds: UnsafeMutablePointer<UInt8>

        static func byteCount(tokenCount: Int) -> Int {
            tokenCount * MemoryLayout<Double>.stride + NERFeatures.maximumCount * MemoryLayout<UInt64>.stride + 2 * tokenCount
        }

        init(tokenCount: Int, block: UnsafeMutableRawPointer) {
            let featureOffset = tokenCount * MemoryLayout<Double>.stride
            let tagOffset = featureOffset + NERFeatures.maximumCount * MemoryLayout<UInt64>.stride
            confidences = block.initializeMemory(as: Double.self, repeating: 0, count: tokenCount)
            features = (block + featureOffset).bindMemory(to: UInt64.self, capacity: NERFeatures.maximumCount)
            tags = (block + tagOffset).initializeMemory(as: UInt8.self, repeating: 0, count: tokenCount)
            kinds = (block + tagOffset + tokenCount).initializeMemory(as: UInt8.self, repeating: TokenKinds.unknown, count: tokenCount)
        }
    }

    @inline(__always) static func isCandidate(_ token: NERToken, previousTag: Int) -> Bool {
        guard token.kind == .word else { return false }
        if token.shape.contains(.capitalised) { return true }
        return previousTag != 0 && token.length <= 5 && words.flags(of: token.hash) & Word.particle != 0
    }

    /// The best tag allowed after `previousTag`, and its margin over O.
    func decide(_ features: UnsafeBufferPointer<UInt64>, previousTag: Int) -> (Int, Float) {
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

    /// True for a run of capitalised words that starts with a given name, ends
    /// with a surname and has no place word in it.
    static func readsAsFullName(_ run: Slice<UnsafeBufferPointer<NERToken>>, lexicons: NameLexicons) -> Bool {
        guard let first = run.first, let last = run.last,
              lexicons.kind(of: first.hash).contains(.givenName), lexicons.kind(of: last.hash).contains(.surname)
        else { return false }
        return run.allSatisfy { token in
            token.shape.contains(.capitalised) && !lexicons.kind(of: token.hash).contains(.place)
        }
    }

    /// False for runs made only of ordinary words ("Customer Service", "Thank
    /// You", "Apple Pay", "Grace Church": each word is in the common-word list,
    /// a stop word or an acronym), for words with a capital inside ("WhatsApp"),
    /// and for "people" with an organisation or street word ("Anna Smith
    /// Holdings", "Victoria Road").
    private func isPlausible(_ type: PIIEntityType, _ run: Slice<UnsafeBufferPointer<NERToken>>) -> Bool {
        var allOrdinary = true
        for token in run where token.shape.contains(.capitalised) {
            if token.shape.contains(.innerCapital) { return false }  // "WhatsApp", "iPhone"
            let flags = Self.words.flags(of: token.hash)
            if type == .person, flags & Word.organisation != 0 { return false }
            if flags & Word.event != 0 { return false }
            if Self.isStopWord(token.hash) || token.shape.contains(.allCapitals) { continue }  // "SSN", "IBAN"
            if !lexicons.kind(of: token.hash).contains(.common) { allOrdinary = false }
        }
        return !allOrdinary
    }


    private func spans(_ tokens: UnsafeBufferPointer<NERToken>, _ scratch: TagScratch, input: ScanInput) -> [Entity] {
        let tags = scratch.tags
        let confidences = scratch.confidences
        var result: [Entity] = []
        var german: Bool?
        var index = 0
        while index < tokens.count {
            let tag = Int(tags[index])
            guard tag == 1 || tag == 3 else {
                index += 1
                continue
            }
            let inside = tag + 1
            var last = index
            var total = confidences[index]
            var next = index + 1
            while next < tokens.count, Int(tags[next]) == inside, next - index < Self.maximumTokens {
                last = next
                total += confidences[next]
                next += 1
            }
            // A trailing particle is not part of the name ("Anna de"), nor is a
            // title before or after it ("Domnul Ion Crăciun", "Umut Bey").
            var first = index
            var titled = false
            while last > first, !tokens[last].shape.contains(.capitalised)
                || Self.words.flags(of: tokens[last].hash) & Word.title != 0
            {
                titled = titled || Self.words.flags(of: tokens[last].hash) & Word.title != 0
                last -= 1
            }
            while first < last, Self.words.flags(of: tokens[first].hash) & Word.title != 0 {
                titled = true
                first += 1
            }
            var type: PIIEntityType = tag == 1 ? .person : .location
            if titled {
                type = .person  // a title says whose name it is: "Ahmet Bey" is no place
            } else if first == last {
                let lists = lexicons.kind(of: tokens[first].hash)
                // One word in no list at a sentence's start is more often an
                // ordinary word of another language ("Überweisung", "Merci").
                if tokens[first].shape.contains(.sentenceStart), lists.intersection([.givenName, .surname, .place]).isEmpty {
                    index = next
                    continue
                }
                // A long word in no list with an abstract noun's ending is a noun
                // of another language ("Reiseversicherung", "Versicherungsbestätigung").
                if lists.intersection([.givenName, .surname, .place]).isEmpty,
                   Self.hasNounEnding(tokens[first].start, tokens[first].end, in: input)
                {
                    index = next
                    continue
                }
                // In German every noun is capitalised: a lone word that no given-name
                // or place list knows is a noun there ("Anwalt", "Gepäck", "Grund").
                // After "in", "nach", "aus" it is a place all the same ("in Stuttgart-Vaihingen").
                // A surname stays a name ("Müller", "Nowak"), unless it is an ordinary word as well.
                if lists.intersection([.givenName, .place]).isEmpty,
                   !(lists.contains(.surname) && !lists.contains(.common)),
                   !(type == .location && first > 0 && Self.isLocative(tokens[first - 1].hash))
                {
                    if german == nil { german = Self.isGerman(tokens) }
                    if german == true {
                        index = next
                        continue
                    }
                }
                // A lone word the place list knows ("London", "Leeds") is a place;
                // one that only the given-name list knows is a person ("thanks
                // Lewis", "The engineer, Marcus").
                if lists.contains(.place) {
                    type = .location
                } else if lists.contains(.givenName) {
                    type = .person
                }
            } else if type == .location, Self.readsAsFullName(tokens[first...last], lexicons: lexicons) {
                type = .person  // "Rose Hadley", "Aïcha Benali"
            }
            // "Hurricane Milton", "Storm Éowyn", "my dog Charlie": no person.
            if type == .person, Self.words.flags(of: tokens[first].hash) & Word.notPersonAfter != 0
                || (first > 0 && Self.words.flags(of: tokens[first - 1].hash) & Word.notPersonAfter != 0)
            {
                index = next
                continue
            }
            if isPlausible(type, tokens[first...last]) {
                // "Marcus Whitaker Jr.": the suffix's dot belongs to the name.
                var end = tokens[last].end
                if last > first, input.byte(at: end) == 0x2E, NameScanner.isSuffix(input, tokens[last].start..<end) {
                    end += 1
                }
                result.append(Entity(
                    type: type, start: tokens[first].start, end: end,
                    score: min(Self.maximumScore, total / Double(next - index))))
            }
            index = next
        }
        return result
    }
}
