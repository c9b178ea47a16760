/// Validates IPv6 text: 1–4 hex digits per group, eight groups or fewer with a
/// single `::`, an optional dotted IPv4 tail counting as two groups.
enum IPv6Syntax {
    static func isValid(_ input: ScanInput, _ start: Int, _ end: Int) -> Bool {
        var groups = 0
        var sawCompression = false
        var index = start
        if input[index] == 0x3A {
            guard input.byte(at: index + 1) == 0x3A else { return false }
            sawCompression = true
            index += 2
            if index == end { return false }  // a bare "::" is not worth flagging
        }
        while index < end {
            let groupStart = index
            while index < end, input[index].isHexDigit { index += 1 }
            let length = index - groupStart
            if index < end, input[index] == 0x2E {
                // Embedded IPv4 must be the last part.
                guard length > 0, isIPv4Tail(input, groupStart, end) else { return false }
                groups += 2
                index = end
                break
            }
            guard length >= 1, length <= 4 else { return false }
            groups += 1
            if index == end { break }
            // input[index] is ':'
            index += 1
            if index < end, input[index] == 0x3A {
                guard !sawCompression else { return false }
                sawCompression = true
                index += 1
                if index == end { break }
            } else if index == end {
                return false  // trailing single colon
            }
        }
        return sawCompression ? groups <= 7 && groups >= 1 : groups == 8
    }

    private static func isIPv4Tail(_ input: ScanInput, _ start: Int, _ end: Int) -> Bool {
        var octets = 0
        var index = start
        while index < end {
            let octetStart = index
            var value = 0
            // A digit run of any length: only its first four digits count (more is no octet), so the value cannot overflow.
            while index < end, input[index].isASCIIDigit {
                if index - octetStart < 4 { value = value * 10 + input[index].digitValue }
                index += 1
            }
            let length = index - octetStart
            guard length >= 1, length <= 3, value <= 255, !(length > 1 && input[octetStart] == 0x30) else { return false }
            octets += 1
            if index == end { break }
            guard input[index] == 0x2E else { return false }
            index += 1
            guard index < end else { return false }
        }
        return octets == 4
    }
}
