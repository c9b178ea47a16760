/// Street addresses: a house number, one to four words and a street type
/// ("12 High Street", "221B Baker St", "1600 Pennsylvania Avenue"), the French
/// order ("12 rue de la Paix") and the German order ("Hauptstraße 5"). Lowercase
/// forms need a cue such as "I live at" or "my address is". Works on bytes; no
/// allocation unless a street type is found.
struct StreetAddressDetector: PIIDetector {
    let name = "street-address"
    let entityType = PIIEntityType.streetAddress
    static let capitalisedScore = 0.6
    static let lowercaseScore = 0.3
    static let maxWords = 4

    private let streetTypes = ByteWordSet([
        "street", "st", "road", "rd", "avenue", "ave", "av", "lane", "ln", "drive", "dr", "close", "way", "place",
        "pl", "court", "ct", "boulevard", "blvd", "terrace", "crescent", "cres", "gardens", "square", "sq", "row",
        "grove", "mews", "parkway", "pkwy", "highway", "hwy", "circle", "walk", "hill", "rise", "view", "parade",
        "embankment", "wharf", "quay", "broadway", "alley", "trail", "park", "green",
    ])
    private let frenchTypes = ByteWordSet([
        "rue", "avenue", "boulevard", "bd", "place", "allée", "chemin", "impasse", "quai", "cours", "route",
    ])
    private let frenchParticles = ByteWordSet(["de", "du", "des", "la", "le"])
    private static let germanSuffixes: [[UInt8]] = [
        "straße", "strasse", "str", "weg", "allee", "platz", "gasse", "ring", "damm", "ufer",
    ].map { Array($0.utf8) }

    func detect(in input: ScanInput, into candidates: inout [Candidate]) {
        for group in input.digitGroups where group.length <= 5 {
            if input.byte(at: group.start - 1) == 0x20, let end = germanOrder(group, in: input) {
                append(Self.germanStart(group, in: input), end, Self.capitalisedScore, &candidates)
                continue
            }
            guard !input.numberAttachedBefore(group.start), let (end, score) = numberFirst(group, in: input) else { continue }
            append(group.start, end, score, &candidates)
        }
    }

    private func append(_ start: Int, _ end: Int, _ score: Double, _ candidates: inout [Candidate]) {
        candidates.append(Candidate(type: entityType, start: start, end: end, score: score, detector: name, usesContext: true))
    }

    /// "12 High Street", "12a Rose Lane", "12 rue de la Paix".
    private func numberFirst(_ group: DigitGroup, in input: ScanInput) -> (Int, Double)? {
        var position = group.end
        if input.byte(at: position).isASCIILetter, !input.byte(at: position + 1).isASCIIAlnum { position += 1 }  // 221B
        if input.byte(at: position) == 0x2C { position += 1 }
        guard input.byte(at: position) == 0x20, let firstEnd = StreetWord.end(input, from: position + 1) else { return nil }
        if frenchTypes.contains(input, position + 1, firstEnd), input.byte(at: firstEnd) == 0x20 {
            return frenchRest(after: firstEnd + 1, in: input)
        }
        var allCapitalised = true
        var wordStart = position + 1
        for count in 0...Self.maxWords {
            guard let wordEnd = StreetWord.end(input, from: wordStart) else { return nil }
            let capitalised = StreetWord.isCapitalised(input, wordStart)
            if count > 0, streetTypes.contains(input, wordStart, wordEnd) {
                let end = extendOverStreetTypes(wordEnd, capitalised: capitalised, in: input)
                return (end, allCapitalised && capitalised ? Self.capitalisedScore : Self.lowercaseScore)
            }
            allCapitalised = allCapitalised && capitalised
            guard input.byte(at: wordEnd) == 0x20 else { return nil }
            wordStart = wordEnd + 1
        }
        return nil
    }

    /// "Meadow View Close": a street type may itself be followed by another one.
    private func extendOverStreetTypes(_ end: Int, capitalised: Bool, in input: ScanInput) -> Int {
        var end = end
        while input.byte(at: end) == 0x20, let next = StreetWord.end(input, from: end + 1),
              StreetWord.isCapitalised(input, end + 1) == capitalised, streetTypes.contains(input, end + 1, next)
        {
            end = next
        }
        return end
    }

    /// After "12 rue ": particles and at least one capitalised word.
    private func frenchRest(after start: Int, in input: ScanInput) -> (Int, Double)? {
        var position = start
        var end: Int?
        for _ in 0..<5 {
            guard let wordEnd = StreetWord.end(input, from: position) else { break }
            let elided = (input[position] | 0x20 == 0x6C || input[position] | 0x20 == 0x64) && input.byte(at: position + 1) == 0x27
            if StreetWord.isCapitalised(input, position) || elided {
                end = wordEnd
            } else if !frenchParticles.contains(input, position, wordEnd) {
                break
            }
            guard input.byte(at: wordEnd) == 0x20 else { break }
            position = wordEnd + 1
        }
        return end.map { ($0, Self.capitalisedScore) }
    }

    /// "Hauptstraße 5": the end of the number (with an optional letter) when the
    /// word before it is a capitalised German street name.
    private func germanOrder(_ group: DigitGroup, in input: ScanInput) -> Int? {
        guard group.length <= 4 else { return nil }
        let wordEnd = group.start - 1
        switch input.byte(at: wordEnd - 1) | 0x20 {
        case 0x65, 0x72, 0x67, 0x7A, 0x6D: break  // e r g z m: last letters of the suffixes
        default: return nil
        }
        let wordStart = Self.germanStart(group, in: input)
        guard wordEnd - wordStart > 4, StreetWord.isCapitalised(input, wordStart),
              StreetWord.end(input, from: wordStart) == wordEnd
        else { return nil }
        let hasSuffix = Self.germanSuffixes.contains { suffix in
            wordEnd - suffix.count > wordStart
                && input.matchesIgnoringCase(suffix, at: wordEnd - suffix.count)
        }
        guard hasSuffix else { return nil }
        var end = group.end
        if input.byte(at: end).isASCIILetter, !input.byte(at: end + 1).isASCIIAlnum { end += 1 }
        return input.byte(at: end).isASCIIAlnum ? nil : end
    }

    private static func germanStart(_ group: DigitGroup, in input: ScanInput) -> Int {
        let wordEnd = group.start - 1
        var wordStart = wordEnd
        while wordStart > 0, StreetWord.isLetterByte(input[wordStart - 1]) || input[wordStart - 1] == 0x2D,
              wordEnd - wordStart < 40
        {
            wordStart -= 1
        }
        return wordStart
    }
}
