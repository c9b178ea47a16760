/// Software versions written like IPv4 addresses ("7.3.2.45"). A version marker
/// ("version", "updated", "app", "release") next to the number (bridging words
/// aside) makes it a version; so does one anywhere in the context window when
/// the number is shaped like a version. An IP keyword right before the number
/// ("my IP is 7.3.2.45") settles it the other way.
extension ContextScorer {
    /// Words examined on each side when the number is shaped like a version.
    static let versionWindow = 4
    private static let ipBit: UInt32 = 1 << UInt32(PIIEntityType.ipAddress.index)

    func hasVersionMarker(_ candidate: Candidate, in input: ScanInput) -> Bool {
        let shaped = Self.isVersionShaped(candidate, in: input)
        let limit = max(0, candidate.start - Self.byteWindow)
        var wordEnd = candidate.start
        var adjacent = true
        for _ in 0..<Self.versionWindow {
            guard let (start, end, boundary) = previousWord(before: wordEnd, limit: limit, in: input), !boundary
            else { break }
            wordEnd = start
            let entry = lookup(start, end, in: input)
            if let entry, entry.flags.contains(.version), adjacent || shaped { return true }
            if let entry, adjacent, entry.types & Self.ipBit != 0 { return false }
            if entry?.flags.contains(.bridge) != true { adjacent = false }
            if !adjacent, !shaped { break }
        }
        var wordStart = candidate.end
        let suffixLimit = min(input.count, candidate.end + Self.byteWindow)
        for position in 0..<Self.versionWindow {
            guard let (start, end) = nextWord(from: wordStart, limit: suffixLimit, in: input) else { break }
            wordStart = end
            if let entry = lookup(start, end, in: input), entry.flags.contains(.version), position == 0 || shaped {
                return true
            }
            if !shaped { break }
        }
        return false
    }

    /// Four dotted numbers whose second and third are single digits ("7.3.2.45",
    /// "4.1.0.12"): how versions are numbered, and rare among host addresses.
    /// Addresses in 10.0.0.0/8 ("10.0.0.1") are common enough to be exempt.
    static func isVersionShaped(_ candidate: Candidate, in input: ScanInput) -> Bool {
        var component = 0
        var current = 0
        var firstLength = 0
        for position in candidate.start..<candidate.end {
            let byte = input[position]
            if byte.isASCIIDigit {
                current += 1
            } else if byte == 0x2E {
                switch component {
                case 0: firstLength = current
                case 1, 2: guard current == 1 else { return false }
                default: return false
                }
                component += 1
                current = 0
            } else {
                return false
            }
        }
        guard component == 3 else { return false }
        let tenNet = firstLength == 2 && input[candidate.start] == 0x31 && input[candidate.start + 1] == 0x30
        return !tenNet
    }
}
