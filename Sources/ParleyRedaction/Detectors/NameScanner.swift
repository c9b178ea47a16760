/// Reads a personal name at a position: one to four name words (`Zoë`,
/// `O'Brien`, `Jean-Luc`, `José` with a combining accent), optionally joined by
/// lowercase particles (`van`, `de`, `bin`). Works on Unicode scalars so accented
/// and non-Latin letters count as letters.
struct NameScanner: Sendable {
    static let maxWords = 4

    private let particles: Set<String> = [
        "van", "von", "de", "der", "den", "da", "di", "del", "della", "du", "la", "le", "bin", "al", "el", "ter", "ten",
    ]
    /// Capitalised words that follow cues but are not names.
    private let stopWords: Set<String> = [
        "not", "sorry", "happy", "very", "so", "still", "trying", "calling", "writing", "looking", "here", "back",
        "going", "the", "a", "an", "in", "at", "on", "from", "with", "unable", "afraid", "interested", "just",
        "really", "also", "now", "new", "and", "but", "or", "about", "your", "my", "our", "their", "his", "her",
        "mr", "mrs", "ms", "miss", "dr", "sir", "madam", "customer", "client", "member", "patient", "please",
        "hello", "hi", "thanks", "thank", "okay", "ok", "yes", "no", "fine", "good", "well", "sure", "confused",
        "frustrated", "worried", "concerned", "glad", "pleased", "available", "unhappy", "done", "ready",
        "away", "abroad", "travelling", "traveling", "locked", "stuck", "is", "was", "this", "that", "it",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "tomorrow",
        "speaking", "there", "what", "why", "how", "when", "who", "which", "regarding", "re", "i", "we", "you",
    ]
    private let titles: Set<String> = ["mr", "mrs", "ms", "miss", "dr", "prof", "sir"]

    /// The end of the name starting at `start`, or nil. With `allowLowercase` a
    /// name written in lowercase is accepted (after strong cues like "my name is").
    func scan(_ input: ScanInput, at start: Int, allowLowercase: Bool) -> (start: Int, end: Int)? {
        var position = start
        // An optional title ("Mr", "Dr.") before the name is kept with it.
        if let (titleEnd, word) = word(input, at: position), titles.contains(word.lowercased()) {
            var next = titleEnd
            if input.byte(at: next) == 0x2E { next += 1 }
            if input.byte(at: next) == 0x20 { position = next + 1 }
        }
        var end: Int?
        var words = 0
        var pendingParticles = 0
        var sawCapitalised = false
        while words < Self.maxWords, let (wordEnd, word) = word(input, at: position) {
            let lower = word.lowercased()
            let capitalised = word.unicodeScalars.first.map { $0.properties.isUppercase } ?? false
            if !capitalised, particles.contains(lower), end != nil, pendingParticles < 3 {
                pendingParticles += 1
            } else if capitalised || (allowLowercase && !sawCapitalised), !stopWords.contains(lower),
                      !particles.contains(lower) || capitalised
            {
                sawCapitalised = sawCapitalised || capitalised
                end = wordEnd
                words += 1
                pendingParticles = 0
            } else {
                break
            }
            guard input.byte(at: wordEnd) == 0x20 else { break }
            position = wordEnd + 1
        }
        guard let nameEnd = end else { return nil }
        return (start, nameEnd)
    }

    /// A word of letters (any script), combining marks, inner apostrophes and
    /// hyphens, starting at `start`.
    func word(_ input: ScanInput, at start: Int) -> (end: Int, text: String)? {
        guard let (first, firstLength) = input.scalar(at: start), Self.isLetter(first) else { return nil }
        var position = start + firstLength
        while let (scalar, length) = input.scalar(at: position) {
            if Self.isLetter(scalar) || (!scalar.isASCII && Self.isCombiningMark(scalar)) {
                position += length
            } else if scalar == "'" || scalar == "\u{2019}" || scalar == "-",
                      let (next, _) = input.scalar(at: position + length), Self.isLetter(next)
            {
                position += length
            } else {
                break
            }
        }
        guard position - start <= 40 else { return nil }
        return (position, String(decoding: UnsafeBufferPointer(rebasing: input.bytes[start..<position]), as: UTF8.self))
    }

    @inline(__always) static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return UInt8(scalar.value).isASCIILetter }
        return scalar.properties.isAlphabetic
    }

    private static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}
