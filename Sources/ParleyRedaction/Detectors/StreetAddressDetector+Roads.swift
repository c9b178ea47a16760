/// Roads: a motorway or highway after a travel word ("on the M6", "sur l'A7",
/// "on I-95", "on Route 9"), read by ``StreetAddressDetector``.
extension StreetAddressDetector {
    /// Words of motorways and highways before their number ("Interstate 95", "Route 9").
    static let roadWords = ByteWordSet([
        "interstate", "route", "highway", "hwy", "autobahn", "autoroute", "autostrada", "carretera", "rodovia",
        "motorway",
    ])
    /// Words a road is travelled on after ("on the M6", "sur l'A7", "en la A-7", "auf der A3").
    static let roadPrepositions = ByteWordSet([
        "on", "off", "along", "onto", "down", "up", "via", "take", "took", "join", "joined", "leave", "left", "exit",
        "sur", "en", "auf", "sulla", "sull", "na", "op", "no", "nella", "por", "pela", "pelo", "w",
    ])
    static let roadArticles = ByteWordSet(["the", "la", "l", "der", "die", "de", "a", "el", "o"])
    /// Words that may follow a road ("… M6 near junction 19", "… A7 près de Valence").
    static let afterRoad = ByteWordSet([
        "near", "motorway", "junction", "jct", "northbound", "southbound", "eastbound", "westbound", "towards",
        "toward", "between", "exit", "heading", "past", "close", "près", "vers", "entre", "cerca", "hacia", "bei",
        "nahe", "zwischen", "richtung", "vicino", "verso", "tra", "perto", "sentido", "kierunku", "and", "or",
    ])

    /// A motorway or highway after a travel preposition, ending at `group`:
    /// "on the M6", "on I-95", "off the A1(M)", "sur l'A7", "en la AP-7", "on
    /// Route 9"; what follows must end the clause or be a road word ("near",
    /// "northbound"), so "the M1 chip" is no road. (start, end), or nil.
    func road(_ group: DigitGroup, in input: ScanInput) -> (Int, Int)? {
        guard group.length <= 4, !input.numberAttachedAfter(group.end) else { return nil }
        var start = group.start
        if input.byte(at: start - 1) == 0x2D { start -= 1 }  // "I-95", "A-7"
        var letters = start
        while letters > 0, input[letters - 1].isASCIIUpper, start - letters < 2 { letters -= 1 }
        let roadStart: Int
        if letters < start, !input.byte(at: letters - 1).isASCIILetter, Self.isRoadLetters(letters, start, dashed: start < group.start, in: input) {
            // "M6", "A40", "AP-7", "I-95", "US-1": a road class glued or dashed to the number.
            roadStart = letters
        } else if start == group.start, input.byte(at: start - 1) == 0x20,
                  let word = Self.letters(endingAt: start - 1, in: input), Self.roadWords.contains(input, word, start - 1)
        {
            roadStart = word  // "Route 9", "Interstate 95"
        } else if start == group.start, input.byte(at: start - 1) == 0x20,
                  let word = Self.letters(endingAt: start - 1, in: input), Self.isSpacedRoadPrefix(word, start - 1, in: input)
        {
            roadStart = word  // "I 95", "US 101", "SR 520"
        } else {
            return nil
        }
        var end = group.end
        if input.matches("(M)", at: end) { end += 3 }
        guard precededByTravelWord(roadStart, in: input), followedByRoadContext(end, in: input) else { return nil }
        return (roadStart, end)
    }

    /// The classes of roads: "M", "A", "B", "N", "E" and Spain's "AP" ("M6",
    /// "A40", "AP-7"), and with a dash "I", "US", "SR" ("I-95"); never "PS5".
    static func isRoadLetters(_ start: Int, _ end: Int, dashed: Bool, in input: ScanInput) -> Bool {
        switch end - start {
        case 1:
            switch input[start] {
            case 0x4D, 0x41, 0x42, 0x4E, 0x45: return true  // M A B N E
            case 0x49: return dashed  // I-95
            default: return false
            }
        case 2: return input.matches("AP", at: start) || (dashed && (input.matches("US", at: start) || input.matches("SR", at: start)))
        default: return false
        }
    }

    /// "I", "US" or "SR", in capitals, at `start..<end`.
    static func isSpacedRoadPrefix(_ start: Int, _ end: Int, in input: ScanInput) -> Bool {
        switch end - start {
        case 1: return input[start] == 0x49
        case 2: return input.matches("US", at: start) || input.matches("SR", at: start)
        default: return false
        }
    }

    /// The start of the ASCII letters ending at `end`, or nil.
    static func letters(endingAt end: Int, in input: ScanInput) -> Int? {
        var start = end
        while start > 0, input[start - 1].isASCIILetter { start -= 1 }
        return start < end ? start : nil
    }

    func precededByTravelWord(_ start: Int, in input: ScanInput) -> Bool {
        var end = start
        if input.byte(at: end - 1) == 0x27 { end -= 1 }  // "l'A7", "sull'A1"
        else if input.byte(at: end - 1) == 0x20 { end -= 1 } else { return false }
        guard let word = Self.letters(endingAt: end, in: input) else { return false }
        if Self.roadPrepositions.contains(input, word, end) { return true }
        guard Self.roadArticles.contains(input, word, end), input.byte(at: word - 1) == 0x20,
              let preposition = Self.letters(endingAt: word - 1, in: input)
        else { return false }
        return Self.roadPrepositions.contains(input, preposition, word - 1)
    }

    func followedByRoadContext(_ end: Int, in input: ScanInput) -> Bool {
        switch input.byte(at: end) {
        case 0, 0x2C, 0x2E, 0x21, 0x3F, 0x3B, 0x29, 0x0A, 0x0D: return true
        case 0x20:
            guard input.byte(at: end + 1).isASCIILetter || input.byte(at: end + 1) >= 0x80 else {
                return input.byte(at: end + 1) == 0x28 || input.byte(at: end + 1) == 0x2D  // "(J19)", "– near"
            }
            guard let wordEnd = StreetWord.end(input, from: end + 1) else { return false }
            return Self.afterRoad.contains(input, end + 1, wordEnd)
        default: return false
        }
    }
}
