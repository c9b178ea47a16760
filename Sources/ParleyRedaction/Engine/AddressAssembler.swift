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
        let anchors = candidates.filter {
            ($0.type == .streetAddress || ($0.type == .person && $0.detector != "ner"))
                && $0.score >= thresholds[$0.type.index]
        }
        guard !anchors.isEmpty else { return }
        candidates.removeAll { candidate in
            candidate.detector == "ner" && anchors.contains { $0.start < candidate.end && candidate.start < $0.end }
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
                  joinable(current.end, candidates[next].start, in: input)
            {
                current.end = candidates[next].end
                parts.append(candidates[next])
                hasStreetOrPostcode = hasStreetOrPostcode || candidates[next].type != .location
                next += 1
            }
            if parts.count > 1, hasStreetOrPostcode {
                var span = parts[0]
                span.end = current.end
                span.score = parts.map(\.score).max() ?? span.score
                span.type = parts.contains { $0.type == .streetAddress } ? .streetAddress
                    : parts.contains { $0.type == .location } ? .location : .postcode
                span.detector = "address"
                merged.append(span)
                index = next
            } else {
                merged.append(candidates[index])
                index += 1
            }
        }
        candidates = merged
    }

    /// True when only address glue stands between `end` and `start`: blanks,
    /// commas, a line break, a dash, a two-letter state code ("IL"), or a
    /// postcode-like number ("10115", "00-950", "1012 AB").
    private static func joinable(_ end: Int, _ start: Int, in input: ScanInput) -> Bool {
        guard start >= end, start - end <= 24 else { return false }
        var position = end
        var sawGlue = false
        while position < start {
            let byte = input[position]
            switch byte {
            case 0x20, 0x2C, 0x0A, 0x0D, 0x2D, 0x09:
                sawGlue = true
                position += 1
            default:
                if let wordEnd = postcodeLikeEnd(at: position, in: input), wordEnd <= start {
                    position = wordEnd
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
