/// Email addresses: a dot-atom local part, `@`, and a domain of at least two
/// labels (punycode ones included: `xn--bcher-kva.example`) ending in an
/// alphabetic or punycode top-level domain. Scans outward from each `@`
/// with bounded look-around, so runs of `@` or `a@a.a@` stay linear.
struct EmailDetector: PIIDetector {
    let name = "email"
    let entityType = PIIEntityType.email
    static let score = 0.95
    static let maxLocalLength = 64
    static let maxDomainLength = 253
    private static let punycodePrefix = Array("xn--".utf8)

    func detect(in input: ScanInput, into candidates: inout [Candidate]) {
        var searchFrom = 0
        for at in input.atSigns where at >= searchFrom {
            searchFrom = at + 1
            guard let start = localPartStart(at: at, in: input),
                  let end = domainEnd(at: at, in: input)
            else { continue }
            candidates.append(
                Candidate(type: entityType, start: start, end: end, score: Self.score, detector: name, usesContext: false))
            searchFrom = max(searchFrom, end)
        }
    }

    @inline(__always) private static func isLocalByte(_ byte: UInt8) -> Bool {
        if byte.isASCIIAlnum { return true }
        switch byte {
        case 0x2E, 0x5F, 0x25, 0x2B, 0x2D, 0x27: return true  // . _ % + - '
        default: return false
        }
    }

    private func localPartStart(at: Int, in input: ScanInput) -> Int? {
        var start = at
        while start > 0, at - start <= Self.maxLocalLength, Self.isLocalByte(input[start - 1]) { start -= 1 }
        if start > 0, Self.isLocalByte(input[start - 1]) { return nil }  // longer than allowed
        // Quotes and dots may wrap the address rather than belong to it.
        while start < at, input[start] == 0x27 || input[start] == 0x2E { start += 1 }
        guard start < at, input[at - 1] != 0x2E else { return nil }
        if input.byte(at: start - 1) == 0x40 { return nil }
        // "https://user@host" is a URL's user info, not an address.
        if input.byte(at: start - 1) == 0x2F, input.byte(at: start - 2) == 0x2F { return nil }
        var previousDot = false
        for index in start..<at {
            let isDot = input[index] == 0x2E
            if isDot, previousDot { return nil }
            previousDot = isDot
        }
        return start
    }

    private func domainEnd(at: Int, in input: ScanInput) -> Int? {
        var end = at + 1
        let limit = min(input.count, at + 1 + Self.maxDomainLength)
        while end < limit, input[end].isASCIIAlnum || input[end] == 0x2E || input[end] == 0x2D { end += 1 }
        while end > at + 1, input[end - 1] == 0x2E || input[end - 1] == 0x2D { end -= 1 }
        guard end > at + 1, input.byte(at: end) != 0x40, !input.byte(at: end).isASCIIAlnum else { return nil }
        // Validate labels: non-empty, no leading/trailing hyphen, alphabetic TLD.
        var labelStart = at + 1
        var labels = 0
        var index = at + 1
        while index <= end {
            if index == end || input[index] == 0x2E {
                let length = index - labelStart
                guard length > 0, length <= 63, input[labelStart] != 0x2D, input[index - 1] != 0x2D else { return nil }
                labels += 1
                if index == end {
                    guard length >= 2 else { return nil }
                    // Alphabetic, or an internationalised TLD in punycode ("xn--p1ai").
                    let punycode = length > 4 && input.matchesIgnoringCase(Self.punycodePrefix, at: labelStart)
                    if !punycode {
                        for tld in labelStart..<end where !input[tld].isASCIILetter { return nil }
                    }
                }
                labelStart = index + 1
            }
            index += 1
        }
        return labels >= 2 ? end : nil
    }
}
