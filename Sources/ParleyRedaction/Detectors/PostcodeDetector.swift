/// UK postcodes (`SW1A 1AA`, `M1 1AE`, `B33 8TH`; unspaced forms need context),
/// US ZIP codes (`94105`, `94105-1234`) when they follow a state abbreviation
/// (`San Francisco, CA 94105`) or a context word such as "zip", Canadian
/// postal codes (`H3G 1L3`), Irish Eircodes (`D02 X285`, with context), and
/// the numeric postcodes of other countries right after the word that names
/// them ("my postcode is 2000", "PIN code 400076", "CEP 01310-100", "PLZ
/// 10115", "kod pocztowy 31-624", "postnummer 411 05").
struct PostcodeDetector: PIIDetector {
    let name = "postcode"
    let entityType = PIIEntityType.postcode

    static let ukSpacedScore = 0.6
    static let ukCompactScore = 0.35
    static let zipAfterStateScore = 0.75
    static let bareZipScore = 0.2
    static let canadianScore = 0.6
    static let eircodeScore = 0.45
    static let afterCueScore = 0.75

    /// Words that name a postcode, lowercase, each with the number of digits it
    /// allows when that is fixed ("PIN" is also a card's PIN: only India's six).
    private static let cues: [(word: [UInt8], digits: Int?)] = [
        ("postcode", nil), ("post code", nil), ("postal code", nil), ("zip", nil), ("zip code", nil),
        ("zipcode", nil), ("pin code", 6), ("pincode", 6), ("pin", 6), ("cep", nil), ("plz", nil),
        ("postleitzahl", nil), ("código postal", nil), ("codigo postal", nil), ("code postal", nil),
        ("cp", 5), ("c.p.", 5), ("kod pocztowy", nil), ("postnummer", nil), ("postnr", nil), ("eircode", nil),
        ("posta kodu", nil),
    ].map { (Array($0.0.utf8), $0.1) }
    /// The last two bytes of every cue, lowercased ("de" of "postcode", "lz" of "plz").
    private static let cueEndings: Set<UInt16> = {
        var endings = Set<UInt16>()
        for word in cues.map(\.word) + [Array("cap".utf8)] {
            let last = UInt16(word[word.count - 1])
            let previous = UInt16(word[word.count - 2])
            endings.insert(previous << 8 | last)
        }
        return endings
    }()

    private static let linkEndings: Set<UInt16> = {
        var endings = Set<UInt16>()
        for word in links {
            endings.insert(UInt16(word[word.count - 2]) << 8 | UInt16(word[word.count - 1]))
        }
        return endings
    }()

    @inline(__always) private static func lastTwo(_ end: Int, in input: ScanInput) -> UInt16 {
        UInt16(input.byte(at: end - 2).asciiLowercased) << 8 | UInt16(input.byte(at: end - 1).asciiLowercased)
    }

    /// Words that may stand between the cue and the number ("postcode is", "PIN code: ").
    private static let links: [[UInt8]] = ["is", "es", "est", "ist", "é", "är", "to", "number", "no", "nr"]
        .map { Array($0.utf8) }

    private static let states: Set<UInt16> = Set(
        ("AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH "
            + "OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR").split(separator: " ").map { code in
                let bytes = Array(code.utf8)
                return UInt16(bytes[0]) << 8 | UInt16(bytes[1])
            })

    func detect(in input: ScanInput, into candidates: inout [Candidate]) {
        guard !input.digitGroups.isEmpty else { return }  // every postcode and ZIP has a digit
        detectUK(in: input, into: &candidates)
        detectZIP(in: input, into: &candidates)
        detectCanadianAndIrish(in: input, into: &candidates)
        detectAfterCue(in: input, into: &candidates)
    }

    /// "H3G 1L3" (letters never D F I O Q U; W and Z never first) and, with
    /// context, the Eircode "D02 X285" (a routing key, then four letters and digits).
    private func detectCanadianAndIrish(in input: ScanInput, into candidates: inout [Candidate]) {
        input.forEachWord { start, end in
            guard end - start == 3, input[start].isASCIIUpper, input[start + 1].isASCIIDigit, input.byte(at: end) == 0x20
            else { return }
            let rest = end + 1
            if input.isWordEnd(rest + 3), Self.isCanadianLetter(input[start], first: true),
               Self.isCanadianLetter(input[start + 2], first: false),
               input.byte(at: rest).isASCIIDigit, Self.isCanadianLetter(input.byte(at: rest + 1), first: false),
               input.byte(at: rest + 2).isASCIIDigit
            {
                candidates.append(Candidate(type: entityType, start: start, end: rest + 3, score: Self.canadianScore,
                                            detector: name, usesContext: false))
            } else if input.isWordEnd(rest + 4), Self.isEircodeLetter(input[start]) || input[start] == 0x44,
                      input[start + 2].isASCIIDigit || (input[start] == 0x44 && input[start + 1] == 0x36 && input[start + 2] == 0x57)
            {
                // Eircode: A99 or D6W, then four of 0-9 A C-F H K N P R T V-Y, letters and digits mixed.
                var letters = 0
                var digits = 0
                for offset in 0..<4 {
                    let byte = input.byte(at: rest + offset)
                    if byte.isASCIIDigit { digits += 1 } else if Self.isEircodeLetter(byte) { letters += 1 } else { return }
                }
                guard letters > 0, digits > 0 else { return }
                let named = cueBefore(start, in: input) != nil  // "my Eircode is D02 X285"
                candidates.append(Candidate(type: entityType, start: start, end: rest + 4,
                                            score: named ? Self.afterCueScore : Self.eircodeScore,
                                            detector: name, usesContext: !named))
            }
        }
    }

    private static func isCanadianLetter(_ byte: UInt8, first: Bool) -> Bool {
        guard byte.isASCIIUpper else { return false }
        switch byte {
        case 0x44, 0x46, 0x49, 0x4F, 0x51, 0x55: return false  // D F I O Q U
        case 0x57, 0x5A: return !first  // W Z
        default: return true
        }
    }

    private static func isEircodeLetter(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x41, 0x43, 0x44, 0x45, 0x46, 0x48, 0x4B, 0x4E, 0x50, 0x52, 0x54, 0x56, 0x57, 0x58, 0x59: return true
        default: return false
        }
    }

    /// A postcode right after the word that names it: the number's shapes are
    /// those of the world's postcodes (3 to 6 digits, "01310-100", "1100-053",
    /// "31-624", "411 05", "1012 AB"); after "PIN" only India's six digits.
    private func detectAfterCue(in input: ScanInput, into candidates: inout [Candidate]) {
        let groups = input.digitGroups
        input.forEachDigitChain { chain in
            let first = groups[chain.lowerBound]
            guard (2...6).contains(first.length), !input.numberAttachedBefore(first.start),
                  let cueDigits = cueBefore(first.start, in: input)
            else { return }
            var end = first.end
            if chain.count == 2 {
                let second = groups[chain.lowerBound + 1]
                switch (first.length, second.gap, second.length) {
                case (5, .dash, 3), (4, .dash, 3), (2, .dash, 3), (3, .space, 2), (5, .dash, 4): end = second.end
                default: return
                }
            } else if chain.count > 2 {
                return
            } else if first.length == 4, input.byte(at: end) == 0x20, input.byte(at: end + 1).isASCIIUpper,
                      input.byte(at: end + 2).isASCIIUpper, !input.byte(at: end + 3).isASCIIAlnum
            {
                end += 3  // "1012 AB"
            } else if first.length < 3 {
                return
            }
            if let digits = cueDigits, !(chain.count == 1 && first.length == digits && end == first.end) { return }
            guard !input.numberAttachedAfter(end), !input.byte(at: end).isASCIILetter else { return }
            candidates.append(Candidate(type: entityType, start: first.start, end: end, score: Self.afterCueScore,
                                        detector: name, usesContext: false))
        }
    }

    /// Whether a postcode cue ends right before `start` (blanks, a colon or a
    /// dash, or a link word such as "is" between): nil when none does, else the digits the
    /// cue allows (`.some(nil)`: any shape).
    private func cueBefore(_ start: Int, in input: ScanInput) -> Int?? {
        var end = start
        while input.byte(at: end - 1) == 0x20 { end -= 1 }
        guard end < start || input.byte(at: end - 1) == 0x3A else { return nil }  // "PLZ 10115", "PLZ:10115"
        if input.byte(at: end - 1) == 0x3A || input.byte(at: end - 1) == 0x2D {
            end -= 1
            while input.byte(at: end - 1) == 0x20 { end -= 1 }
        }
        for attempt in 0..<2 {
            // Most numbers follow no cue: two bytes rule out every cue at once.
            if Self.cueEndings.contains(Self.lastTwo(end, in: input)) {
                for cue in Self.cues where cue.word.count <= end && Self.endsWith(cue.word, at: end, in: input) {
                    return .some(cue.digits)
                }
            }
            // Italy's "CAP", in capitals only ("the cap is 10000" is a limit).
            if end >= 3, input.matches("CAP", at: end - 3), Self.endsWith(Array("cap".utf8), at: end, in: input) { return .some(5) }
            guard attempt == 0, Self.linkEndings.contains(Self.lastTwo(end, in: input)),
                  let link = Self.links.first(where: { Self.endsWith($0, at: end, in: input) })
            else { break }
            end -= link.count
            guard input.byte(at: end - 1) == 0x20 else { break }
            while input.byte(at: end - 1) == 0x20 { end -= 1 }
            if input.byte(at: end - 1) == 0x3A { end -= 1 }
        }
        return nil
    }

    /// True when `word` (lowercase) ends at `end`, starting at a word boundary.
    private static func endsWith(_ word: [UInt8], at end: Int, in input: ScanInput) -> Bool {
        let start = end - word.count
        guard start >= 0, input.matchesIgnoringCase(word, at: start) else { return false }
        let before = input.byte(at: start - 1)
        return !before.isASCIIAlnum && before < 0x80
    }

    private func detectUK(in input: ScanInput, into candidates: inout [Candidate]) {
        var resumeAt = 0
        input.forEachWord { start, end in
            guard start >= resumeAt, input[start].isASCIIUpper, end - start >= 2, end - start <= 7,
                  let (matchEnd, score) = matchUK(start: start, tokenEnd: end, in: input)
            else { return }
            // The spaced form is distinctive enough that words around it neither
            // make nor break it; the compact one needs a context word.
            candidates.append(
                Candidate(type: entityType, start: start, end: matchEnd, score: score, detector: name,
                          usesContext: score < Self.ukSpacedScore))
            resumeAt = matchEnd
        }
    }

    private func matchUK(start: Int, tokenEnd: Int, in input: ScanInput) -> (Int, Double)? {
        let length = tokenEnd - start
        if (2...4).contains(length), isOutward(start, tokenEnd, input), input.byte(at: tokenEnd) == 0x20 {
            let inwardEnd = tokenEnd + 4
            if isInward(tokenEnd + 1, input), input.isWordEnd(inwardEnd) { return (inwardEnd, Self.ukSpacedScore) }
        }
        if (5...7).contains(length), isOutward(start, tokenEnd - 3, input), isInward(tokenEnd - 3, input) {
            return (tokenEnd, Self.ukCompactScore)
        }
        return nil
    }

    /// Outward code: A9, A99, AA9, AA99, A9A, AA9A (uppercase).
    private func isOutward(_ start: Int, _ end: Int, _ input: ScanInput) -> Bool {
        let length = end - start
        guard length >= 2, length <= 4, input[start].isASCIIUpper else { return false }
        let first = input[start]
        if first == 0x51 || first == 0x56 || first == 0x58 { return false }  // Q V X
        var index = start + 1
        if input[index].isASCIIUpper {
            let second = input[index]
            if second == 0x49 || second == 0x4A || second == 0x5A { return false }  // I J Z
            index += 1
        }
        guard index < end, input[index].isASCIIDigit else { return false }
        index += 1
        if index < end {
            guard input[index].isASCIIDigit || input[index].isASCIIUpper else { return false }
            index += 1
        }
        return index == end
    }

    /// Inward code: digit then two letters, none of C I K M O V.
    private func isInward(_ start: Int, _ input: ScanInput) -> Bool {
        guard input.byte(at: start).isASCIIDigit else { return false }
        for offset in 1...2 {
            let letter = input.byte(at: start + offset)
            guard letter.isASCIIUpper else { return false }
            switch letter {
            case 0x43, 0x49, 0x4B, 0x4D, 0x4F, 0x56: return false
            default: continue
            }
        }
        return true
    }

    private func detectZIP(in input: ScanInput, into candidates: inout [Candidate]) {
        let groups = input.digitGroups
        input.forEachDigitChain { chain in
            let first = groups[chain.lowerBound]
            guard first.length == 5 else { return }
            var end = first.end
            if chain.count == 2, groups[chain.lowerBound + 1].gap == .dash, groups[chain.lowerBound + 1].length == 4 {
                end = groups[chain.lowerBound + 1].end
            } else if chain.count != 1 {
                return
            }
            guard !input.numberAttachedBefore(first.start), !input.numberAttachedAfter(end) else { return }
            let afterState = followsStateCode(first.start, in: input)
            candidates.append(
                Candidate(type: entityType, start: first.start, end: end,
                          score: afterState ? Self.zipAfterStateScore : Self.bareZipScore,
                          detector: name, usesContext: !afterState))
        }
    }

    /// True for "…, CA 94105" or "… CA 94105": a state code right before the ZIP.
    private func followsStateCode(_ start: Int, in input: ScanInput) -> Bool {
        guard input.byte(at: start - 1) == 0x20 else { return false }
        let second = input.byte(at: start - 2)
        let first = input.byte(at: start - 3)
        guard first.isASCIIUpper, second.isASCIIUpper, !input.byte(at: start - 4).isASCIIAlnum else { return false }
        return Self.states.contains(UInt16(first) << 8 | UInt16(second))
    }
}
