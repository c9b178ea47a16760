/// IPv4 addresses (four dotted octets 0–255 without leading zeros, not part of a
/// longer dotted number such as `1.2.3.4.5`) and IPv6 addresses (eight groups,
/// `::` compression, embedded IPv4). A preceding "version"/"firmware" marks a
/// dotted version number rather than an address, and so do a version suffix
/// (`-beta`) and a first octet of 0; `ContextScorer` weighs version markers
/// around the number ("updated to", "release").
struct IPAddressDetector: PIIDetector {
    let name = "ip-address"
    let entityType = PIIEntityType.ipAddress
    static let ipv4Score = 0.6
    static let ipv6Score = 0.65

    func detect(in input: ScanInput, into candidates: inout [Candidate]) {
        detectIPv4(in: input, into: &candidates)
        detectIPv6(in: input, into: &candidates)
    }

    private func detectIPv4(in input: ScanInput, into candidates: inout [Candidate]) {
        let groups = input.digitGroups
        input.forEachDigitChain { chain in
            var octets = chain
            let lastGroup = groups[chain.upperBound - 1]
            // Allow a CIDR suffix ("10.0.0.0/8"); the span is the address alone.
            if chain.count == 5, lastGroup.gap == .slash, lastGroup.length <= 2 {
                octets = chain.lowerBound..<(chain.upperBound - 1)
            }
            guard !input.numberAttachedAfter(lastGroup.end), !Self.hasVersionSuffix(after: lastGroup.end, in: input)
            else { return }
            let first = groups[octets.lowerBound].start
            // After ":" it is the tail of an IPv6 address, which the IPv6 scan reports.
            guard octets.count == 4, !input.numberAttachedBefore(first), input.byte(at: first - 1) != 0x3A else { return }
            for index in octets {
                let group = groups[index]
                if index != octets.lowerBound, group.gap != .dot { return }
                guard Self.isOctet(input, group) else { return }
            }
            // 0.x.x.x is "this network", never a host: a version number ("0.9.1.2").
            guard input[first] != 0x30 else { return }
            candidates.append(
                Candidate(type: entityType, start: groups[octets.lowerBound].start, end: groups[octets.upperBound - 1].end,
                          score: Self.ipv4Score, detector: name, usesContext: true))
        }
    }

    /// "7.3.2.45-beta", "7.3.2.45+build": a pre-release or build suffix.
    private static func hasVersionSuffix(after end: Int, in input: ScanInput) -> Bool {
        let next = input.byte(at: end)
        return (next == 0x2D || next == 0x2B) && input.byte(at: end + 1).isASCIILetter
    }

    static func isOctet(_ input: ScanInput, _ group: DigitGroup) -> Bool {
        guard group.length <= 3 else { return false }
        if group.length > 1, input[group.start] == 0x30 { return false }
        var value = 0
        for index in group.start..<group.end { value = value * 10 + input[index].digitValue }
        return value <= 255
    }

    @inline(__always) private static func isIPv6Byte(_ byte: UInt8) -> Bool {
        byte.isHexDigit || byte == 0x3A || byte == 0x2E
    }

    private func detectIPv6(in input: ScanInput, into candidates: inout [Candidate]) {
        var resumeAt = 0
        for index in input.colons where index >= resumeAt {
            var start = index
            while start > 0, Self.isIPv6Byte(input[start - 1]) { start -= 1 }
            var end = index
            while end < input.count, Self.isIPv6Byte(input[end]) { end += 1 }
            resumeAt = end
            // Sentence punctuation after the address is not part of it.
            while end > start, input[end - 1] == 0x2E || (input[end - 1] == 0x3A && input.byte(at: end - 2) != 0x3A) {
                end -= 1
            }
            guard end - start >= 2, end - start <= 45,
                  !input.byte(at: start - 1).isASCIIAlnum, input.isWordEnd(end),
                  IPv6Syntax.isValid(input, start, end)
            else { continue }
            candidates.append(
                Candidate(type: entityType, start: start, end: end, score: Self.ipv6Score, detector: name, usesContext: false))
        }
    }
}
