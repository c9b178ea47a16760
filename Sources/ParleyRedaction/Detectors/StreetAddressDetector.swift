/// Street addresses: a house number, one to four words and a street type
/// ("12 High Street", "221B Baker St", "2291 W 23rd St", "1820 N Lincoln Park
/// W"), the French order ("12 rue de la Paix"), and the orders where the name
/// comes first and the number after it: one word with a street suffix
/// ("Hauptstraße 5", "Prinsengracht 718-2", "Drottninggatan 45"), a name and
/// a separate street word ("Schweizer Straße 41", "Bağdat Caddesi No: 123"),
/// or a street word, then the name ("Calle Mayor 5", "Via Roma 22", "Rua
/// Haddock Lobo, 595", "ul. Marszałkowska 10/12"). An ordinal and a street
/// word is a street without a number ("5th Avenue", "4th Cross"); a motorway
/// or highway after a travel word is a road ("on the M6", "on I-95", "sur
/// l'A7"). Lowercase
/// forms need a cue such as "I live at" or "my address is". Works on bytes; no
/// allocation unless a street type is found.
///
/// A final class of immutable tables, as `PersonDetector`: copying a struct of
/// nine word sets would cost nine retains on every call.
final class StreetAddressDetector: PIIDetector {
    let name = "street-address"
    let entityType = PIIEntityType.streetAddress
    static let capitalisedScore = 0.6
    static let lowercaseScore = 0.3
    static let maxWords = 4
    /// Words of a name written before its number ("Avenida de los Insurgentes 1602").
    static let maxNameWords = 5

    private let streetTypes = ByteWordSet([
        "street", "st", "road", "rd", "avenue", "ave", "av", "lane", "ln", "drive", "dr", "close", "way", "place",
        "pl", "court", "ct", "boulevard", "blvd", "terrace", "crescent", "cres", "gardens", "square", "sq", "row",
        "grove", "mews", "parkway", "pkwy", "highway", "hwy", "circle", "walk", "hill", "rise", "view", "parade",
        "embankment", "wharf", "quay", "broadway", "alley", "trail", "park", "green",
        // USPS suffixes and British street words that are not also everyday product words.
        "cir", "ter", "trl", "expressway", "expy", "freeway", "fwy", "turnpike", "tpke", "causeway", "cswy",
        "pike", "ridge", "valley", "vista", "heights", "hts", "plaza", "plz", "landing", "junction", "jct",
        "crossing", "xing", "commons", "estates", "meadows", "meadow", "creek", "glen", "harbor", "harbour",
        "orchard", "pines", "shores", "summit", "woods", "cove", "bluff", "brook", "canyon", "hollow", "loop",
        "chase", "drove", "vale", "wynd", "circus", "approach", "cottages", "mount", "mt", "crest", "knoll",
    ])
    /// Street words after an ordinal ("5th Avenue", "23rd St", "4th Cross", "2nd Main").
    private let ordinalStreetTypes = ByteWordSet([
        "street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "lane", "ln", "drive", "dr", "cross",
        "main", "terrace", "parkway",
    ])
    /// A compass point after a street ("Lincoln Park W", "Rue Sherbrooke O").
    private let directions = ByteWordSet(["n", "s", "e", "w", "ne", "nw", "se", "sw", "o"])
    private let frenchTypes = ByteWordSet([
        "rue", "avenue", "boulevard", "bd", "place", "allée", "chemin", "impasse", "quai", "cours", "route",
    ])
    private let frenchParticles = ByteWordSet(["de", "du", "des", "la", "le"])
    /// Street words written before the name, the number after it (Spanish,
    /// Catalan, Italian, Portuguese, French, Polish, Dutch-Belgian).
    private let typesBeforeName = ByteWordSet([
        "calle", "c", "avenida", "avda", "av", "avd", "paseo", "plaza", "pza", "carrer", "camino", "carretera",
        "ctra", "ronda", "rambla", "travesía", "calzada", "cerrada", "privada", "jirón", "via", "viale", "piazza",
        "piazzale", "corso", "largo", "vicolo", "strada", "rua", "travessa", "praça", "alameda", "estrada",
        "rodovia", "rue", "avenue", "boulevard", "bd", "chemin", "place", "quai", "allée", "impasse", "ul",
        "ulica", "al", "aleja", "os", "osiedle", "pl", "plac", "rynek",
    ])
    /// Street words written after the name as a word of their own ("Schweizer
    /// Straße", "Bağdat Caddesi", "Atatürk Bulvarı").
    private let typesAfterName = ByteWordSet([
        "straße", "strasse", "str", "allee", "weg", "gasse", "platz", "damm", "ufer", "chaussee", "caddesi", "cad",
        "sokak", "sok", "sokağı", "bulvarı", "blv",
    ])
    /// Particles inside a street's name ("Avenida de los Insurgentes", "Rua
    /// Voluntários da Pátria", "Via dei Mille").
    private let nameParticles = ByteWordSet([
        "de", "del", "la", "las", "los", "da", "do", "dos", "das", "di", "della", "delle", "dei", "degli", "e",
        "y", "van", "von", "der", "den", "des", "du", "le", "les", "i", "d", "l", "en",
    ])
    /// Endings of one-word street names (German, Dutch, Scandinavian, Finnish).
    private static let streetSuffixes: [[UInt8]] = [
        "straße", "strasse", "str", "weg", "allee", "platz", "gasse", "damm", "ufer", "steig", "markt",
        "straat", "gracht", "laan", "plein", "kade", "singel", "dijk", "dreef", "gatan", "vägen", "gränd", "torget",
        "gade", "vej", "veien", "vegen", "gata", "gaten", "katu", "tie",
    ].map { Array($0.utf8) }
    /// Last bytes of `streetSuffixes` (ä and å end in 0xA4/0xA5 after 0xC3), a cheap first test.
    private static let suffixLastBytes: Set<UInt8> = Set(streetSuffixes.map { $0[$0.count - 1] | 0x20 })

    func detect(in input: ScanInput, into candidates: inout [Candidate]) {
        for group in input.digitGroups where group.length <= 5 {
            if input.byte(at: group.start - 1) == 0x20, let start = nameFirstStart(group, in: input),
               let end = houseNumberEnd(group, in: input)
            {
                append(start, end, Self.capitalisedScore, &candidates)
                continue
            }
            if let (start, end) = road(group, in: input) {
                append(start, end, Self.capitalisedScore, &candidates)
                continue
            }
            if let end = ordinalStreetEnd(group, in: input) {
                append(group.start, end, Self.capitalisedScore, &candidates)
                continue
            }
            guard !input.numberAttachedBefore(group.start), let (end, score) = numberFirst(group, in: input) else { continue }
            append(group.start, end, score, &candidates)
        }
    }

    private func append(_ start: Int, _ end: Int, _ score: Double, _ candidates: inout [Candidate]) {
        candidates.append(Candidate(type: entityType, start: start, end: end, score: score, detector: name, usesContext: true))
    }

    /// "12 High Street", "12a Rose Lane", "2291 W 23rd St", "12 rue de la Paix".
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
            guard let wordEnd = StreetWord.end(input, from: wordStart) ?? Self.ordinalEnd(input, from: wordStart)
            else { return nil }
            let capitalised = StreetWord.isCapitalised(input, wordStart) || input.byte(at: wordStart).isASCIIDigit
            if count > 0, streetTypes.contains(input, wordStart, wordEnd) {
                let end = directionEnd(after: extendOverStreetTypes(wordEnd, capitalised: capitalised, in: input), in: input)
                return (end, allCapitalised && capitalised ? Self.capitalisedScore : Self.lowercaseScore)
            }
            allCapitalised = allCapitalised && capitalised
            guard input.byte(at: wordEnd) == 0x20 else { return nil }
            wordStart = wordEnd + 1
        }
        return nil
    }

    /// "23rd", "5th", "1st": the end of an ordinal written in digits, or nil.
    private static func ordinalEnd(_ input: ScanInput, from start: Int) -> Int? {
        var position = start
        while input.byte(at: position).isASCIIDigit, position - start < 3 { position += 1 }
        guard position > start, !input.byte(at: position).isASCIIDigit else { return nil }
        let first = input.byte(at: position) | 0x20
        let second = input.byte(at: position + 1) | 0x20
        switch (first, second) {
        case (0x73, 0x74), (0x6E, 0x64), (0x72, 0x64), (0x74, 0x68): break  // st nd rd th
        default: return nil
        }
        return input.byte(at: position + 2).isASCIIAlnum ? nil : position + 2
    }

    /// "5th Avenue", "23rd Street", "4th Cross": an ordinal and a capitalised
    /// street word, a street without a house number; the end, or nil.
    private func ordinalStreetEnd(_ group: DigitGroup, in input: ScanInput) -> Int? {
        guard group.length <= 3, input.isWordStart(group.start), let ordinal = Self.ordinalEnd(input, from: group.start),
              input.byte(at: ordinal) == 0x20, StreetWord.isCapitalised(input, ordinal + 1),
              let typeEnd = StreetWord.end(input, from: ordinal + 1),
              ordinalStreetTypes.contains(input, ordinal + 1, typeEnd)
        else { return nil }
        return directionEnd(after: typeEnd, in: input)
    }

    /// `end` moved over a compass point written after a street ("… Park W", "… Sherbrooke O").
    private func directionEnd(after end: Int, in input: ScanInput) -> Int {
        guard input.byte(at: end) == 0x20, input.byte(at: end + 1).isASCIIUpper else { return end }
        let wordEnd = input.letterRunEnd(from: end + 1)
        guard wordEnd - end - 1 <= 2, input.byte(at: wordEnd - 1).isASCIIUpper, directions.contains(input, end + 1, wordEnd),
              !input.byte(at: wordEnd).isASCIIAlnum, input.byte(at: wordEnd) != 0x2E || input.byte(at: wordEnd + 1) == 0x20
        else { return end }
        // "W" then a capital word is more likely the start of a name ("… St W Smith").
        if input.byte(at: wordEnd) == 0x20, input.byte(at: wordEnd + 1).isASCIIUpper { return end }
        return wordEnd
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

    /// The start of a street whose name comes before its house number at
    /// `group` (the byte before it a blank), or nil: "Hauptstraße 5",
    /// "Schweizer Straße 41", "Bağdat Caddesi No: 123", "Calle Mayor 5",
    /// "Av. Insurgentes Sur 1602", "Rua Voluntários da Pátria, 1200".
    private func nameFirstStart(_ group: DigitGroup, in input: ScanInput) -> Int? {
        guard group.length <= 4, !Self.isRecentYear(group, in: input) else { return nil }
        var cursor = group.start - 1  // the blank
        if input.byte(at: cursor - 1) == 0x2C { cursor -= 1 }  // "Lobo, 595"
        guard var word = Self.word(endingAt: cursor, abbreviated: true, in: input) else { return nil }
        if word.end - word.start == 2, input.byte(at: word.start) | 0x20 == 0x6E, input.byte(at: word.start + 1) | 0x20 == 0x6F,
           input.byte(at: word.end) == 0x3A || input.byte(at: word.end) == 0x2E
        {
            // Turkish "No: 123" / "No. 5" after the street.
            guard let before = Self.word(endingAt: word.start - 1, abbreviated: false, in: input) else { return nil }
            word = before
        }
        let first = word
        // In every order the word before the number is capitalised: "Lindenstraße",
        // "Straße", "Mayor", "Sur" ("order 12345" costs one byte's test).
        guard StreetWord.isCapitalised(input, first.start) else { return nil }
        // One word with a street suffix: "Lindenstraße", "Prinsengracht".
        if hasStreetSuffix(first, in: input) { return first.start }
        var start: Int?
        var capitalisedWords = 0
        if typesAfterName.contains(input, first.start, first.end) {
            // "Schweizer Straße": capitalised words before the street word.
            var current = first
            while capitalisedWords < 3, let previous = Self.word(endingAt: current.start - 1, abbreviated: false, in: input),
                  StreetWord.isCapitalised(input, previous.start), !typesBeforeName.contains(input, previous.start, previous.end)
            {
                start = previous.start
                capitalisedWords += 1
                current = previous
            }
            return start
        }
        // A street word, then the name: walk back over the name to the street word.
        var current = first
        for _ in 0..<Self.maxNameWords {
            if StreetWord.isCapitalised(input, current.start) {
                capitalisedWords += 1
            } else if !nameParticles.contains(input, current.start, current.end) {
                return nil
            }
            guard let previous = Self.word(endingAt: current.start - 1, abbreviated: true, in: input) else { return nil }
            if typesBeforeName.contains(input, previous.start, previous.end) {
                return capitalisedWords > 0 && isStreetWordBeforeName(previous, in: input) ? previous.start : nil
            }
            current = previous
        }
        return nil
    }

    /// A word of a street's name ending right before the blank or comma at
    /// `blank` (letters, inner hyphens and apostrophes; with `abbreviated`, a
    /// final dot, slash or colon: "Av.", "C/", "No:"): its letters' range, or nil.
    private static func word(endingAt blank: Int, abbreviated: Bool, in input: ScanInput) -> (start: Int, end: Int)? {
        guard input.byte(at: blank) == 0x20 || input.byte(at: blank) == 0x2C else { return nil }
        var end = blank
        if abbreviated, [0x2E, 0x2F, 0x3A].contains(input.byte(at: end - 1)) { end -= 1 }
        var start = end
        while start > 0, StreetWord.isLetterByte(input[start - 1])
            || ((input[start - 1] == 0x2D || input[start - 1] == 0x27) && StreetWord.isLetterByte(input.byte(at: start - 2))),
            end - start < 40
        {
            start -= 1
        }
        // A word longer than 40 bytes is no street's (and its tail must not pass for one).
        guard start < end, !input.byte(at: start - 1).isASCIIDigit, !StreetWord.isLetterByte(input.byte(at: start - 1))
        else { return nil }
        return (start, end)
    }

    /// A street word before a name is capitalised ("Via Roma", "Calle Mayor")
    /// or abbreviated ("ul.", "av.", "C/"): lowercase "via" is English too
    /// ("paid via PayPal 3 times"). One letter needs its slash or dot.
    private func isStreetWordBeforeName(_ word: (start: Int, end: Int), in input: ScanInput) -> Bool {
        guard input.isWordStart(word.start), !input.byte(at: word.start - 1).isASCIIDigit else { return false }
        let abbreviated = input.byte(at: word.end) == 0x2E || input.byte(at: word.end) == 0x2F
        if word.end - word.start == 1 { return abbreviated }
        return abbreviated || StreetWord.isCapitalised(input, word.start)
    }

    /// "… 1999", "… 2024": a four-digit year, not a house number after a name.
    private static func isRecentYear(_ group: DigitGroup, in input: ScanInput) -> Bool {
        guard group.length == 4 else { return false }
        let century = Int(input[group.start] - 0x30) * 10 + Int(input[group.start + 1] - 0x30)
        let year = century * 100 + Int(input[group.start + 2] - 0x30) * 10 + Int(input[group.start + 3] - 0x30)
        return (1950...2039).contains(year)
    }

    private func hasStreetSuffix(_ word: (start: Int, end: Int), in input: ScanInput) -> Bool {
        guard word.end - word.start > 4, Self.suffixLastBytes.contains(input[word.end - 1] | 0x20) else { return false }
        return Self.streetSuffixes.contains { suffix in
            word.end - suffix.count > word.start + 1 && input.matchesIgnoringCase(suffix, at: word.end - suffix.count)
        }
    }

    /// The end of a house number starting at `group`: "5", "8B", "88/3/14",
    /// "10/12", "718-2", "45 bis"; nil when the number runs on into a word.
    private func houseNumberEnd(_ group: DigitGroup, in input: ScanInput) -> Int? {
        var end = group.end
        while input.byte(at: end) == 0x2F || input.byte(at: end) == 0x2D, input.byte(at: end + 1).isASCIIDigit {
            var next = end + 1
            while input.byte(at: next).isASCIIDigit, next - end <= 4 { next += 1 }
            end = next
        }
        if input.byte(at: end).isASCIILetter, !input.byte(at: end + 1).isASCIIAlnum { end += 1 }
        guard !input.byte(at: end).isASCIIAlnum else { return nil }
        if input.byte(at: end) == 0x20, input.matches("bis", at: end + 1) || input.matches("ter", at: end + 1),
           !input.byte(at: end + 4).isASCIIAlnum
        {
            end += 4
        }
        return end
    }
}
