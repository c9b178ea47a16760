/// UK postcodes (`SW1A 1AA`, `M1 1AE`, `B33 8TH`; unspaced forms need context) and
/// US ZIP codes (`94105`, `94105-1234`) when they follow a state abbreviation
/// (`San Francisco, CA 94105`) or a context word such as "zip".
struct PostcodeDetector: PIIDetector {
    let name = "postcode"
    let entityType = PIIEntityType.postcode

    static let ukSpacedScore = 0.6
    static let ukCompactScore = 0.35
    static let zipAfterStateScore = 0.75
    static let bareZipScore = 0.2

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
