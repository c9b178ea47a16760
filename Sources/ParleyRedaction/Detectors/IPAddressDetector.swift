/// IPv4 addresses (four dotted octets 0–255 without leading zeros, not part of a
/// longer dotted number such as `1.2.3.4.5`) and IPv6 addresses (eight groups,
/// `::` compression, embedded IPv4), with a CIDR prefix length (`10.0.0.0/8`) or
/// an IPv6 zone (`fe80::1%eth0/64`) inside the span; the unspecified addresses
/// `0.0.0.0` and `::` count too. A preceding "version"/"firmware" marks a
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
            // A CIDR suffix ("10.0.0.0/8") belongs to the span.
            var prefixEnd: Int?
            if chain.count == 5, lastGroup.gap == .slash, lastGroup.length <= 2 {
                octets = chain.lowerBound..<(chain.upperBound - 1)
                if input[lastGroup.start].digitValue * (lastGroup.length == 2 ? 10 : 1)
                    + (lastGroup.length == 2 ? input[lastGroup.start + 1].digitValue : 0) <= 32
                {
                    prefixEnd = lastGroup.end
                }
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
            // 0.x.x.x is "this network", never a host: a version number ("0.9.1.2");
            // but 0.0.0.0 is the unspecified address ("listening on 0.0.0.0").
            let end = groups[octets.upperBound - 1].end
            guard input[first] != 0x30 || (end - first == 7 && input[first + 2] == 0x30 && input[first + 4] == 0x30
                && input[first + 6] == 0x30)
            else { return }
            candidates.append(
                Candidate(type: entityType, start: groups[octets.lowerBound].start, end: prefixEnd ?? end,
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

    private static func isBlankOrEnd(_ byte: UInt8) -> Bool {
        byte == 0 || byte == 0x20 || byte == 0x0A || byte == 0x2C || byte == 0x2E || byte == 0x29
    }

    /// The end of an IPv6 zone ("%eth0", "%25en0") after `end`, or `end`.
    private static func zoneEnd(after end: Int, in input: ScanInput) -> Int {
        guard input.byte(at: end) == 0x25, input.byte(at: end + 1).isASCIIAlnum else { return end }
        var position = end + 1
        while position < input.count, position - end <= 16,
              input[position].isASCIIAlnum || input[position] == 0x5F || input[position] == 0x2D
        {
            position += 1
        }
        return position
    }

    /// The end of a "/64" prefix length (at most `maximum`) after `end`, or `end`.
    private static func prefixLengthEnd(after end: Int, maximum: Int, in input: ScanInput) -> Int {
        guard input.byte(at: end) == 0x2F, input.byte(at: end + 1).isASCIIDigit else { return end }
        var position = end + 1
        var value = 0
        while position < input.count, input[position].isASCIIDigit, position - end <= 3 {
            value = value * 10 + input[position].digitValue
            position += 1
        }
        guard value <= maximum, !input.byte(at: position).isASCIIAlnum else { return end }
        return position
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
                  !input.byte(at: start - 1).isASCIIAlnum, input.isWordEnd(end)
            else { continue }
            if end - start == 2 {
                // The unspecified address "::" alone, not "std::" or "a :: b" in code.
                guard input.byte(at: start - 1) == 0x20 || start == 0, Self.isBlankOrEnd(input.byte(at: end)) else { continue }
            } else if !IPv6Syntax.isValid(input, start, end) {
                continue
            }
            let fullEnd = Self.prefixLengthEnd(after: Self.zoneEnd(after: end, in: input), maximum: 128, in: input)
            resumeAt = max(resumeAt, fullEnd)
            candidates.append(
                Candidate(type: entityType, start: start, end: fullEnd, score: Self.ipv6Score, detector: name,
                          usesContext: false))
        }
    }
}
