/// URLs with a scheme (`https://…`, `ftp://…`) or starting with `www.`, up to the
/// next space or quote. Trailing sentence punctuation is not part of the URL, and
/// a closing bracket only when the URL opened one.
struct URLDetector: PIIDetector {
    let name = "url"
    let entityType = PIIEntityType.url
    static let score = 0.6
    static let maxLength = 2048

    private static let schemes: [[UInt8]] = ["https", "http", "ftp", "sftp", "ftps", "wss", "ws"].map { Array($0.utf8) }
    private static let www = Array("www.".utf8)

    func detect(in input: ScanInput, into candidates: inout [Candidate]) {
        var starts: [(start: Int, host: Int)] = []
        for colon in input.colons where input.byte(at: colon + 1) == 0x2F && input.byte(at: colon + 2) == 0x2F {
            if let schemeStart = schemeStart(endingAt: colon, in: input) { starts.append((schemeStart, colon + 3)) }
        }
        input.forEachWord { start, end in
            if end - start == 3, input.byte(at: end) == 0x2E, input.matchesIgnoringCase(Self.www, at: start),
               input.byte(at: start - 1) != 0x2F, input.byte(at: start - 1) != 0x2E
            {
                starts.append((start, end + 1))
            }
        }
        guard !starts.isEmpty else { return }
        starts.sort { $0.start < $1.start }
        var resumeAt = 0
        for (start, hostStart) in starts where start >= resumeAt {
            let end = urlEnd(from: hostStart, in: input)
            if hasPlausibleHost(hostStart, end, in: input) {
                candidates.append(
                    Candidate(type: entityType, start: start, end: end, score: Self.score, detector: name, usesContext: false))
            }
            resumeAt = max(end, start + 1)
        }
    }

    private func schemeStart(endingAt colon: Int, in input: ScanInput) -> Int? {
        for scheme in Self.schemes {
            let start = colon - scheme.count
            if input.matchesIgnoringCase(scheme, at: start), input.isWordStart(start) { return start }
        }
        return nil
    }

    private func urlEnd(from start: Int, in input: ScanInput) -> Int {
        var end = start
        let limit = min(input.count, start + Self.maxLength)
        var openParens = 0
        var closeParens = 0
        while end < limit {
            let byte = input[end]
            if byte <= 0x20 || byte == 0x22 || byte == 0x3C || byte == 0x3E || byte == 0x60 || byte == 0x27 || byte >= 0x80 {
                break
            }
            if byte == 0x28 { openParens += 1 }
            if byte == 0x29 { closeParens += 1 }
            end += 1
        }
        while end > start {
            let last = input[end - 1]
            if last == 0x29, closeParens > openParens {
                closeParens -= 1
                end -= 1
            } else if last == 0x2E || last == 0x2C || last == 0x3B || last == 0x3A || last == 0x21 || last == 0x3F
                || last == 0x5D || last == 0x7D
            {
                end -= 1
            } else {
                break
            }
        }
        return end
    }

    /// The host must contain a dot between letters/digits (or be `localhost`).
    private func hasPlausibleHost(_ start: Int, _ end: Int, in input: ScanInput) -> Bool {
        var index = start
        var sawDot = false
        var labelLength = 0
        while index < end {
            let byte = input[index]
            if byte == 0x2F || byte == 0x3F || byte == 0x23 || byte == 0x3A { break }
            if byte == 0x2E {
                if labelLength == 0 { return false }
                sawDot = true
                labelLength = 0
            } else if byte.isASCIIAlnum || byte == 0x2D || byte == 0x40 || byte == 0x5F {
                labelLength += 1
            } else {
                return false
            }
            index += 1
        }
        if input.matchesIgnoringCase(Array("localhost".utf8), at: start) { return true }
        return sawDot && labelLength >= 2
    }
}
