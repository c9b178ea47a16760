/// Makes a postal address one span: a street address, postcode and places
/// written one after another ("221B Baker Street, London NW1 6XE, UK",
/// "Lindenstraße 5, 10115 Berlin", "12 rue de la Paix, 75002 Paris") become one
/// `STREET_ADDRESS` span (or `LOCATION` when no street is in it). A postcode-like
/// number right before a place that follows a street ("10115 Berlin") joins it.
/// Places alone in a list ("Paris, London and Rome") stay apart.
enum AddressAssembler {
    private static func isAddressPart(_ type: PIIEntityType) -> Bool {
        type == .streetAddress || type == .postcode || type == .location
    }

    /// Before overlap resolution, drops tagger spans that overlap a street
    /// address the patterns found ("Baker Street" inside "12 Baker Street") or
    /// a name a cue or pattern found ("From: Anna Smith" is a person, whatever
    /// the tagger reads): those detectors know the type better.
    static func preferStreetAddresses(_ candidates: inout [Candidate], thresholds: [Double]) {
        let anchors = AnchorIndex(candidates.filter {
            ($0.type == .streetAddress || ($0.type == .person && $0.detector != "ner"))
                && $0.score >= thresholds[$0.type.index]
        })
        guard !anchors.isEmpty else { return }
        candidates.removeAll { candidate in
            candidate.detector == "ner" && anchors.overlaps(candidate.start, candidate.end)
        }
    }

    /// Spans sorted by start with the running maximum of their ends: whether
    /// any overlaps a range is one binary search (a document with thousands of
    /// addresses and tagger spans checked every pair before).
    private struct AnchorIndex {
        private let starts: [Int]
        private let maximumEnds: [Int]

        init(_ spans: [Candidate]) {
            let sorted = spans.sorted { $0.start < $1.start }
            starts = sorted.map(\.start)
            var maximum = Int.min
            maximumEnds = sorted.map { span in
                maximum = max(maximum, span.end)
                return maximum
            }
        }

        var isEmpty: Bool { starts.isEmpty }

        /// True when a span starting before `end` ends after `start`.
        func overlaps(_ start: Int, _ end: Int) -> Bool {
            var low = 0
            var high = starts.count
            while low < high {
                let middle = (low + high) / 2
                if starts[middle] < end { low = middle + 1 } else { high = middle }
            }
            return low > 0 && maximumEnds[low - 1] > start
        }
    }

    /// Merges runs of address parts in resolved, sorted candidates.
    static func merge(_ candidates: inout [Candidate], in input: ScanInput) {
        guard candidates.count > 1 || candidates.first.map({ isAddressPart($0.type) }) == true else { return }
        var merged: [Candidate] = []
        merged.reserveCapacity(candidates.count)
        var index = 0
        while index < candidates.count {
            var current = candidates[index]
            guard isAddressPart(current.type) else {
                merged.append(current)
                index += 1
                continue
            }
            var hasStreetOrPostcode = current.type != .location
            var parts = [current]
            var next = index + 1
            while next < candidates.count, isAddressPart(candidates[next].type),
                  joinable(current.end, candidates[next].start, bridgingTown: hasStreetOrPostcode
                      && candidates[next].type == .postcode, afterStreet: parts.last?.type == .streetAddress, in: input)
            {
                current.end = candidates[next].end
                parts.append(candidates[next])
                hasStreetOrPostcode = hasStreetOrPostcode || candidates[next].type != .location
                next += 1
            }
            if parts.count > 1, hasStreetOrPostcode {
                var span = parts[0]
                span.end = current.end
                span.start = leadingPartsStart(before: span.start, in: input, after: merged.last?.end ?? 0)
                span.score = parts.map(\.score).max() ?? span.score
                span.type = parts.contains { $0.type == .streetAddress } ? .streetAddress
                    : parts.contains { $0.type == .location } ? .location : .postcode
                if span.type == .streetAddress {
                    span.end = trailingPartsEnd(after: span.end, in: input, before: next < candidates.count ? candidates[next].start : input.count)
                }
                span.detector = "address"
                merged.append(span)
                index = next
            } else {
                var single = candidates[index]
                if single.type == .streetAddress {
                    single.start = leadingPartsStart(before: single.start, in: input, after: merged.last?.end ?? 0)
                    single.end = trailingPartsEnd(
                        after: single.end, in: input, before: index + 1 < candidates.count ? candidates[index + 1].start : input.count)
                }
                merged.append(single)
                index += 1
            }
        }
        candidates = merged
    }

    /// `start` moved back over the parts an address may begin with, up to
    /// three: unit designators ("Flat 3B, ", "Apartment 1402, "), a building's
    /// name ("Vista Tower, ", "The Old Vicarage, ") and a post-office box
    /// ("PO Box 1180, ", "Postfach 12 34 56, ").
    private static func leadingPartsStart(before start: Int, in input: ScanInput, after limit: Int) -> Int {
        let current = leadingPartsStart(before: start, in: input)
        return current >= limit ? current : start  // never into the span before
    }

    private static func leadingPartsStart(before start: Int, in input: ScanInput) -> Int {
        var current = start
        for _ in 0..<3 {
            var moved = unitPrefixStart(before: current, in: input)
            if moved == current { moved = buildingOrBoxStart(before: current, in: input) }
            guard moved < current else { break }
            current = moved
        }
        return current
    }

    /// `end` moved over what may close a street's address when no detector
    /// found it: a unit ("… bus 4"), a province code ("… (MI)"), a postcode and
    /// its town ("…, 9000 Gent"), or a town and its postcode ("…, Cape Town,
    /// 8001"), up to three of them. The next span, if any,
    /// starts after the returned end (only glue and these words are crossed).
    private static func trailingPartsEnd(after end: Int, in input: ScanInput, before limit: Int) -> Int {
        let current = trailingPartsEnd(after: end, in: input)
        return current <= limit ? current : end  // never into the next span
    }

    private static func trailingPartsEnd(after end: Int, in input: ScanInput) -> Int {
        var current = end
        for _ in 0..<3 {
            var position = current
            if input.byte(at: position) == 0x2C { position += 1 }
            guard input.byte(at: position) == 0x20 else { break }
            position += 1
            if let codeEnd = bracketedCodeEnd(at: position, in: input) {
                current = codeEnd  // "… Milano (MI)"
            } else if let unitEnd = unitDesignatorEnd(at: position, in: input) {
                current = unitEnd  // "Veldstraat 12 bus 4"
            } else if let postcodeEnd = postcodeLikeEnd(at: position, in: input) {
                // "9000 Gent": a town may follow; a lowercase word means the number was no postcode.
                if input.byte(at: postcodeEnd) == 0x20, input.byte(at: postcodeEnd + 1).isASCIILower { break }
                current = capitalisedRunEnd(from: postcodeEnd, in: input) ?? postcodeEnd
            } else if let townEnd = capitalisedRunEnd(from: position - 1, in: input) {
                var next = townEnd
                if input.byte(at: next) == 0x2C { next += 1 }
                guard input.byte(at: next) == 0x20, let postcodeEnd = postcodeLikeEnd(at: next + 1, in: input) else { break }
                current = postcodeEnd
            } else {
                break
            }
        }
        return current
    }

    /// After the blank at `blank`, one to three capitalised words ("Cape Town",
    /// "Gent"): the end of the last, or nil.
    private static func capitalisedRunEnd(from blank: Int, in input: ScanInput) -> Int? {
        var cursor = blank
        var end: Int?
        for _ in 0..<3 {
            guard input.byte(at: cursor) == 0x20, StreetWord.isCapitalised(input, cursor + 1),
                  let wordEnd = StreetWord.end(input, from: cursor + 1)
            else { break }
            cursor = wordEnd
            end = wordEnd
        }
        return end
    }

    /// Words that end a building's name ("Vista Tower", "Sai Residency").
    private static let buildingWords = ByteWordSet([
        "tower", "towers", "house", "residency", "residences", "residence", "court", "building", "plaza", "centre",
        "center", "apartments", "mansions", "heights", "cottage", "cottages", "farm", "lodge", "manor", "vicarage",
        "rectory", "hall", "villa", "villas", "complex", "enclave", "arcade", "chambers", "estate", "barn", "mill",
        "annexe", "annex", "block", "wing", "park", "gardens", "terrace", "square", "point", "quarter", "wharf",
    ])
    private static let boxWords: [[UInt8]] = ["po box ", "p.o. box ", "p o box ", "postfach ", "apartado ",
                                               "caixa postal ", "cp ", "bp ", "private bag "].map { Array($0.utf8) }

    /// The start of a building name or post-office box written right before
    /// `start` and joined to it by a comma, or `start`.
    private static func buildingOrBoxStart(before start: Int, in input: ScanInput) -> Int {
        guard input.byte(at: start - 1) == 0x20 || input.byte(at: start - 1) == 0x0A else { return start }
        var end = start - 1
        guard input.byte(at: end - 1) == 0x2C else { return start }
        end -= 1
        // A box: "PO Box 1180" (the number may be spaced: "Postfach 12 34 56").
        var numberStart = end
        while numberStart > 0, input[numberStart - 1].isASCIIDigit || input[numberStart - 1] == 0x20 { numberStart -= 1 }
        while numberStart < end, input[numberStart] == 0x20 { numberStart += 1 }
        if numberStart < end, input[numberStart].isASCIIDigit {
            for word in boxWords where numberStart - word.count >= 0
                && input.matchesIgnoringCase(word, at: numberStart - word.count) && input.isWordStart(numberStart - word.count)
            {
                return numberStart - word.count
            }
        }
        // A building: one to four capitalised words, the last a building word.
        var wordEnd = end
        var wordStart = wordEnd
        while wordStart > 0, StreetWord.isLetterByte(input[wordStart - 1]) { wordStart -= 1 }
        guard wordStart < wordEnd, StreetWord.isCapitalised(input, wordStart),
              buildingWords.contains(input, wordStart, wordEnd)
        else { return start }
        let buildingWordStart = wordStart
        var buildingStart = wordStart
        for _ in 0..<3 {
            guard input.byte(at: buildingStart - 1) == 0x20 else { break }
            wordEnd = buildingStart - 1
            wordStart = wordEnd
            while wordStart > 0, StreetWord.isLetterByte(input[wordStart - 1]) || input[wordStart - 1] == 0x2D {
                wordStart -= 1
            }
            guard wordStart < wordEnd, StreetWord.isCapitalised(input, wordStart) else { break }
            buildingStart = wordStart
        }
        // A building word alone ("House, 12 …") names nothing.
        return buildingStart < buildingWordStart ? buildingStart : start
    }

    /// `start` moved back over a unit designator right before it ("Flat 3B, "
    /// before "22 Hope Street", "Unit " before "7, Riverside Park").
    private static func unitPrefixStart(before start: Int, in input: ScanInput) -> Int {
        var cursor = start
        if input.byte(at: cursor - 1) == 0x20 { cursor -= 1 }
        if input.byte(at: cursor - 1) == 0x2C { cursor -= 1 }
        if cursor < start {
            for begin in stride(from: cursor - 3, through: max(0, cursor - 20), by: -1) {
                if let end = unitDesignatorEnd(at: begin, in: input), end == cursor { return begin }
            }
        }
        // "Unit 4/" right before the span ("Unit 4/27 Smith St").
        if input.byte(at: start - 1) == 0x2F, input.byte(at: start - 2).isASCIIDigit {
            var numberStart = start - 2
            while numberStart > 0, input[numberStart - 1].isASCIIAlnum, start - numberStart < 6 { numberStart -= 1 }
            if input.byte(at: numberStart - 1) == 0x20 {
                var begin = numberStart - 1
                while begin > 0, input.byte(at: begin - 1).isASCIILetter { begin -= 1 }
                if begin < numberStart - 1, input.isWordStart(begin), unitWords.contains(input, begin, numberStart - 1) {
                    return begin
                }
            }
        }
        // "Unit " right before the span, its number inside it ("Unit 7, Riverside Park").
        if input.byte(at: start - 1) == 0x20, input.byte(at: start).isASCIIDigit {
            var begin = start - 1
            while begin > 0, input.byte(at: begin - 1).isASCIILetter { begin -= 1 }
            if begin < start - 1, input.isWordStart(begin), unitWords.contains(input, begin, start - 1) { return begin }
        }
        return start
    }

    /// True when only address glue stands between `end` and `start`: blanks,
    /// commas, a line break, a dash, a two-letter state code ("IL"), or a
    /// postcode-like number ("10115", "00-950", "1012 AB").
    ///
    /// With `bridgingTown` (a street or postcode before, a postcode after) up to
    /// three capitalised words stand between too: the town the tagger did not
    /// read ("Cavendish Road, Reading RG1 5PQ"). A unit designator may be glue
    /// anywhere ("Maple Ave, Apt 2B, Columbus").
    private static func joinable(_ end: Int, _ start: Int, bridgingTown: Bool, afterStreet: Bool, in input: ScanInput) -> Bool {
        guard start >= end, start - end <= (afterStreet ? 64 : bridgingTown ? 40 : 24) else { return false }
        var position = end
        var sawGlue = false
        var townWords = 0
        var sawPostcode = false
        while position < start {
            let byte = input[position]
            switch byte {
            case 0x20, 0x2C, 0x0A, 0x0D, 0x2D, 0x09, 0x2F:
                sawGlue = true
                position += 1
            default:
                if let wordEnd = postcodeLikeEnd(at: position, in: input), wordEnd <= start {
                    position = wordEnd
                    sawPostcode = true
                } else if sawPostcode, let particleEnd = townParticleEnd(at: position, in: input), particleEnd < start {
                    position = particleEnd  // "03940 Ciudad de México", "60594 Frankfurt am Main"
                } else if let unitEnd = unitDesignatorEnd(at: position, in: input), unitEnd <= start {
                    position = unitEnd
                } else if let floorEnd = floorDesignatorEnd(at: position, limit: start, in: input), floorEnd <= start {
                    position = floorEnd
                } else if afterStreet, let districtEnd = districtEnd(at: position, in: input), districtEnd <= start {
                    position = districtEnd
                } else if let codeEnd = bracketedCodeEnd(at: position, in: input), codeEnd <= start {
                    position = codeEnd
                } else if afterStreet, let numberEnd = houseNumberEnd(at: position, in: input), numberEnd <= start {
                    position = numberEnd
                } else if bridgingTown || (sawPostcode && afterStreet), townWords < 3, byte.isASCIIUpper,
                          input.isWordStart(position),
                          input.letterRunEnd(from: position) <= start,
                          input.letterRunEnd(from: position) - position >= 3,
                          !input.byte(at: input.letterRunEnd(from: position)).isASCIIDigit
                {
                    position = input.letterRunEnd(from: position)
                    townWords += 1
                } else if byte.isASCIIUpper, input.byte(at: position + 1).isASCIIUpper,
                          !input.byte(at: position + 2).isASCIIAlnum, position + 2 <= start
                {
                    position += 2  // a state or province code
                } else {
                    return false
                }
            }
        }
        return sawGlue || start == end
    }

    /// Particles inside a town's name ("Ciudad de México", "Frankfurt am Main").
    private static let townParticles = ByteWordSet(["de", "del", "la", "am", "an", "der", "im", "sur", "upon", "on"])

    /// The end of a lowercase town particle at `position`, or nil.
    private static func townParticleEnd(at position: Int, in input: ScanInput) -> Int? {
        guard input.byte(at: position).isASCIILower, input.isWordStart(position) else { return nil }
        let end = input.letterRunEnd(from: position)
        return townParticles.contains(input, position, end) && input.byte(at: end) == 0x20 ? end : nil
    }

    /// "10115", "00-950", "1000-001", "01310-100", "1012 AB", "111 21", "560038",
    /// "C1043": the end of a postcode-like number.
    private static func postcodeLikeEnd(at position: Int, in input: ScanInput) -> Int? {
        if input.byte(at: position).isASCIIUpper, input.isWordStart(position) {
            // Argentine "C1043" (and "C1043AAB").
            var end = position + 1
            while input.byte(at: end).isASCIIDigit { end += 1 }
            guard end - position == 5 else { return nil }
            if input.byte(at: end).isASCIIUpper, input.byte(at: end + 1).isASCIIUpper, input.byte(at: end + 2).isASCIIUpper {
                end += 3
            }
            return input.byte(at: end).isASCIIAlnum ? nil : end
        }
        guard input.byte(at: position).isASCIIDigit, input.isWordStart(position) else { return nil }
        var end = position
        while input.byte(at: end).isASCIIDigit { end += 1 }
        let digits = end - position
        if input.byte(at: end) == 0x2D, input.byte(at: end + 1).isASCIIDigit {
            var tail = end + 1
            while input.byte(at: tail).isASCIIDigit { tail += 1 }
            guard (2...5).contains(digits), (3...4).contains(tail - end - 1) else { return nil }
            end = tail
        } else if digits == 4, input.byte(at: end) == 0x20, input.byte(at: end + 1).isASCIIUpper,
                  input.byte(at: end + 2).isASCIIUpper, !input.byte(at: end + 3).isASCIIAlnum
        {
            end += 3  // Dutch "1012 AB"
        } else if digits == 3, input.byte(at: end) == 0x20, input.byte(at: end + 1).isASCIIDigit,
                  input.byte(at: end + 2).isASCIIDigit, !input.byte(at: end + 3).isASCIIAlnum
        {
            end += 3  // Swedish "111 21"
        } else {
            guard (4...6).contains(digits) else { return nil }  // six: India's PIN, Singapore
        }
        return input.byte(at: end).isASCIIAlnum ? nil : end
    }
}
