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
                      && candidates[next].type == .postcode, in: input)
            {
                current.end = candidates[next].end
                parts.append(candidates[next])
                hasStreetOrPostcode = hasStreetOrPostcode || candidates[next].type != .location
                next += 1
            }
            if parts.count > 1, hasStreetOrPostcode {
                var span = parts[0]
                span.end = current.end
                if parts.contains(where: { $0.type == .streetAddress }) {
                    span.start = unitPrefixStart(before: span.start, in: input)
                }
                span.score = parts.map(\.score).max() ?? span.score
                span.type = parts.contains { $0.type == .streetAddress } ? .streetAddress
                    : parts.contains { $0.type == .location } ? .location : .postcode
                span.detector = "address"
                merged.append(span)
                index = next
            } else {
                var single = candidates[index]
                if single.type == .streetAddress { single.start = unitPrefixStart(before: single.start, in: input) }
                merged.append(single)
                index += 1
            }
        }
        candidates = merged
    }

    /// Words that name a flat, unit or floor inside an address ("Apt 2B", "Suite 400").
    private static let unitWords = ByteWordSet([
        "apt", "apartment", "unit", "flat", "suite", "ste", "floor", "fl", "room", "rm", "bldg", "block", "piso",
        "dpto", "depto", "lok", "wohnung", "whg", "etage", "appartement", "apto", "lgh",
    ])

    /// The end of a unit designator and its number at `position` ("Apt 2B",
    /// "Suite 400", "Flat 3", "Unit #5"), or nil.
    private static func unitDesignatorEnd(at position: Int, in input: ScanInput) -> Int? {
        guard input.byte(at: position).isASCIILetter, input.isWordStart(position) else { return nil }
        let wordEnd = input.letterRunEnd(from: position)
        guard unitWords.contains(input, position, wordEnd) else { return nil }
        var cursor = wordEnd
        if input.byte(at: cursor) == 0x2E { cursor += 1 }
        guard input.byte(at: cursor) == 0x20 else { return nil }
        cursor += 1
        if input.byte(at: cursor) == 0x23 { cursor += 1 }  // #
        let numberStart = cursor
        while input.byte(at: cursor).isASCIIAlnum, cursor - numberStart < 6 { cursor += 1 }
        guard cursor > numberStart, input.byte(at: numberStart).isASCIIDigit || cursor - numberStart <= 2,
              !input.byte(at: cursor).isASCIIAlnum
        else { return nil }
        return cursor
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
    private static func joinable(_ end: Int, _ start: Int, bridgingTown: Bool, in input: ScanInput) -> Bool {
        guard start >= end, start - end <= (bridgingTown ? 40 : 24) else { return false }
        var position = end
        var sawGlue = false
        var townWords = 0
        while position < start {
            let byte = input[position]
            switch byte {
            case 0x20, 0x2C, 0x0A, 0x0D, 0x2D, 0x09:
                sawGlue = true
                position += 1
            default:
                if let wordEnd = postcodeLikeEnd(at: position, in: input), wordEnd <= start {
                    position = wordEnd
                } else if let unitEnd = unitDesignatorEnd(at: position, in: input), unitEnd <= start {
                    position = unitEnd
                } else if bridgingTown, townWords < 3, byte.isASCIIUpper, input.isWordStart(position),
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

    /// "10115", "00-950", "1000-001", "01310-100", "1012 AB": the end of a postcode-like number.
    private static func postcodeLikeEnd(at position: Int, in input: ScanInput) -> Int? {
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
        } else {
            guard (4...5).contains(digits) else { return nil }
        }
        return input.byte(at: end).isASCIIAlnum ? nil : end
    }
}
