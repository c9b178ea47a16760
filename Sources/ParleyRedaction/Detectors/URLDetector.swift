/// URLs with a scheme (`https://…`, `ftp://…`) or starting with `www.`, up to the
/// next space or quote, and bare domains (`example.org`, `shop.example.co.uk/help`)
/// whose last label is a known top-level domain written in lowercase (so
/// `report.pdf`, `e.g.` and `ASP.NET` are not taken). Trailing sentence
/// punctuation is not part of the URL, and a closing bracket only when the URL
/// opened one.
struct URLDetector: PIIDetector {
    let name = "url"
    let entityType = PIIEntityType.url
    static let score = 0.6
    static let bareDomainScore = 0.55
    static let maxLength = 2048

    /// Generic and country-code top-level domains people write; file extensions
    /// that are also country codes (`md`, `py`, `rs`, `sh`) are left out.
    private let topLevelDomains = ByteWordSet(
        ("com org net edu gov mil int info biz name pro app dev io ai co me tv cc online site shop store tech cloud "
            + "xyz club blog news live link page web wiki health bank insurance law email travel museum "
            + "uk de fr es it nl be ch at se no dk fi pl pt ie eu us ca au nz in jp cn kr br mx ar cl ru ua cz sk "
            + "hu ro bg gr tr il za ng ke eg ma sa ae qa sg my id th vn ph hk tw lu li is ee lv lt si hr rs ba "
            + "pe ve uy ec bo cr pa gt do pr ng gh tz ug pk bd lk np ir iq jo lb kw om by kz uz ge am az cat gal "
            + "eus scot wales london berlin paris nyc tokyo amsterdam").split(separator: " ").map(String.init))

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
        let schemeStarts = starts.count
        for word in input.words where input.byte(at: word.end) == 0x2E && input.byte(at: word.end + 1).isASCIIAlnum {
            if let start = bareDomainStart(word, in: input) { starts.append((start, start)) }
        }
        guard !starts.isEmpty else { return }
        if starts.count > schemeStarts { starts.sort { $0.start < $1.start } }
        var resumeAt = 0
        for (start, hostStart) in starts where start >= resumeAt {
            let end = urlEnd(from: hostStart, in: input)
            let bare = start == hostStart
            if bare, !hasKnownTopLevelDomain(start, end, in: input) {
                continue
            }
            if hasPlausibleHost(hostStart, end, in: input) {
                candidates.append(
                    Candidate(type: entityType, start: start, end: end, score: bare ? Self.bareDomainScore : Self.score,
                              detector: name, usesContext: false))
            }
            resumeAt = max(end, start + 1)
        }
    }

    /// A word that may begin a bare domain: at a word start, not inside an email
    /// address, a path, a URL or a dotted number, and not "www" (found above).
    private func bareDomainStart(_ word: TextWord, in input: ScanInput) -> Int? {
        let before = input.byte(at: word.start - 1)
        guard before != 0x2E, before != 0x40, before != 0x2F, before != 0x2D, before != 0x5F, before != 0x3A,
              before < 0x80, !input[word.start].isASCIIDigit || input.byte(at: word.end + 1).isASCIILetter,
              !(word.end - word.start == 3 && input.matchesIgnoringCase(Self.www, at: word.start))
        else { return nil }
        return word.start
    }

    /// The host of a bare domain (up to the first "/", "?", "#" or ":") ends in
    /// a known top-level domain, all lowercase, after a label of two or more
    /// characters; nothing but a path may follow ("example.org@" is mail).
    private func hasKnownTopLevelDomain(_ start: Int, _ end: Int, in input: ScanInput) -> Bool {
        var hostEnd = start
        while hostEnd < end, input[hostEnd] != 0x2F, input[hostEnd] != 0x3F, input[hostEnd] != 0x23, input[hostEnd] != 0x3A {
            guard input[hostEnd].isASCIIAlnum || input[hostEnd] == 0x2E || input[hostEnd] == 0x2D else { return false }
            hostEnd += 1
        }
        guard hostEnd > start else { return false }
        var tldStart = hostEnd
        while tldStart > start, input[tldStart - 1] != 0x2E { tldStart -= 1 }
        guard tldStart > start + 2, tldStart < hostEnd else { return false }
        for position in tldStart..<hostEnd where !input[position].isASCIILower { return false }
        guard input[tldStart - 2] != 0x2E, topLevelDomains.contains(input, tldStart, hostEnd) else { return false }
        return input.byte(at: end) != 0x40
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
