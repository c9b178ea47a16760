/// Personal names, from two kinds of evidence.
///
/// Cues (`PersonCue`): a phrase before the name ("my name is", "the account
/// holder is", "this is … speaking", "cheers,"), each asking for as much evidence
/// from the name as it lacks itself. Patterns (`PersonDetector+Patterns`): a title
/// ("Mrs MacDonald"), a known given name with a surname ("Priya Fernández"), or a
/// name followed by "here" / "speaking". A given name alone, without a cue, is
/// never enough ("I spoke to Sarah yesterday" names a member of staff).
///
/// A final class of immutable tables rather than a struct: the detector is
/// passed and captured by value, and copying a struct of this many arrays costs
/// a retain per array on every call.
final class PersonDetector: PIIDetector {
    let name = "person"
    let entityType = PIIEntityType.person

    static let titleScore = 0.8
    static let fullNameScore = 0.6
    /// A capitalised pair that only its surname vouches for ("Grace Papadopoulos").
    static let surnameScore = 0.55
    static let followerScore = 0.75
    /// A role cue with no link after it ("patient Anna Smith") weighs this much less.
    static let unlinkedRolePenalty = 0.1

    private let rules = PersonCue.all.map(\.rule)
    private let matcher = PhraseMatcher(PersonCue.all.map(\.phrase))
    /// Words that confirm a name just read: "this is Anna speaking", "Anna here".
    let followers = PhraseMatcher(["speaking", "here", "calling", "from", "again", "on the line", "writing"])
    /// Links after a role cue: "the account holder is", "patient name:". After
    /// a possessive ("holder's") only the "name" links count.
    private let links = PhraseMatcher([
        "is", "was", "will be", "should be", "would be", "reads", "says", "shows", "is listed as", "is down as",
        "is called", "is named", "named", "called", "name is", "name:", "name -", "name's", "full name is",
        "full name:",
    ])
    let scanner = NameScanner()
    /// Whether LOCATION is on: only then is a place of origin cut off a name
    /// ("soy Jordi de Girona"); otherwise the name is kept whole, place and all.
    let placesEnabled: Bool

    init(placesEnabled: Bool = true) {
        self.placesEnabled = placesEnabled
    }

    /// One pass over the words, trying cues and patterns at each.
    func detect(in input: ScanInput, into candidates: inout [Candidate]) {
        var cueResume = 0
        var patternResume = 0
        for word in input.words {
            if word.start >= cueResume, let match = matcher.longestMatch(startingWith: word, in: input) {
                cueResume = match.end
                var rule: PersonCue.Rule? = rules[match.phrase]
                if rule?.relation == true {
                    if followsPossessive(match.start, in: input) {
                        rule = PersonCue.possessedRelation
                    } else if rule?.needsPossessive == true {
                        rule = nil
                    }
                }
                if let rule {
                    let found = rule.kind == .confirmation
                        ? nameBefore(confirmation: match.start, in: input) : nameAfter(rule, end: match.end, in: input)
                    if let (name, score) = found { append(name, score, to: &candidates) }
                }
            }
            if word.start >= patternResume, let (name, score) = patternName(startingWith: word, in: input) {
                append(name, score, to: &candidates)
                patternResume = name.end
            }
        }
    }

    private func append(_ name: NameScanner.Name, _ score: Double, to candidates: inout [Candidate]) {
        candidates.append(
            Candidate(type: entityType, start: name.start, end: name.end, score: score, detector: self.name,
                      usesContext: false))
        if let origin = name.origin {
            // As sure as the name it was cut from, so it is redacted whenever the name would have been.
            candidates.append(
                Candidate(type: .location, start: origin.lowerBound, end: origin.upperBound, score: score,
                          detector: self.name, usesContext: false))
        }
    }

    private func nameAfter(_ cue: PersonCue.Rule, end cueEnd: Int, in input: ScanInput) -> (NameScanner.Name, Double)? {
        var start = cueEnd
        var linked = false
        switch cue.kind {
        case .signOff:
            guard let nameStart = startAfterSignOff(cueEnd, in: input) else { return nil }
            start = nameStart
        case .role:
            if let linkEnd = linkEnd(after: cueEnd, bridge: cue.bridge, in: input) {
                start = linkEnd
                linked = true
            } else if cue.bridge {
                return nil
            }
            start = input.skipBlanks(from: start)
        case .explicit, .weak, .confirmation:
            start = input.skipBlanks(from: start)
            if cue.kind == .weak, input.byte(at: start) == 0x2C { start = input.skipBlanks(from: start + 1) }
        }
        if start == cueEnd, input.byte(at: start).isASCIIAlnum { return nil }
        if input.byte(at: start) == 0x22 { start += 1 }  // name: "Anna"
        let strong = cue.kind == .explicit || linked
        guard let name = scanName(at: start, lowercase: cue.lowercase, allCapitals: strong, in: input) else { return nil }
        if strong { return (name, cue.score) }
        guard let score = evidenceScore(for: name, after: cue, in: input) else { return nil }
        // Introductions ("soy Jordi de Girona"); "my name is …" gives the name whole.
        // Trimmed only once the whole name passed, so a cut never leaves it unredacted.
        var accepted = name
        if placesEnabled { trimOrigin(&accepted, in: input) }
        return (accepted, score)
    }

    /// The score of a name read after a cue that is not explicit, or nil when
    /// nothing but the cue speaks for it.
    private func evidenceScore(for name: NameScanner.Name, after cue: PersonCue.Rule, in input: ScanInput) -> Double? {
        let ambiguousAlone = name.firstKind == .ambiguous && name.words == 1 && !name.hasTitle
        let confirmed = isFollowedByConfirmation(name.end, in: input)
        switch cue.kind {
        case .signOff:
            let evidence = name.hasTitle || name.words >= 2 || name.firstKind == .known || endsClause(name.end, in: input)
            guard evidence, !ambiguousAlone || endsClause(name.end, in: input) else { return nil }
            return cue.score
        default:
            if ambiguousAlone, !cue.ambiguousAlone, !confirmed, !endsClause(name.end, in: input) { return nil }
            let evidence = name.hasTitle || confirmed || name.firstKind == .known || cue.singleUnknownWord
                || (cue.twoWords && name.words >= 2) || hasKnownSurname(name, in: input)
            guard evidence else { return nil }
            let score = cue.kind == .role ? cue.score - Self.unlinkedRolePenalty : cue.score
            return confirmed ? max(score, Self.followerScore) : score
        }
    }

    /// Reads a name, allowing lowercase as `lowercase` says and capitals after
    /// explicit cues.
    func scanName(at start: Int, lowercase: PersonCue.Lowercase, allCapitals: Bool, in input: ScanInput)
        -> NameScanner.Name?
    {
        let first = input.byte(at: start)
        guard first.isASCIILetter || first >= 0xC0 else { return nil }
        var allowLowercase = false
        if first.isASCIILower {
            switch lowercase {
            case .never: return nil
            case .any: allowLowercase = true
            case .known:
                guard let word = scanner.word(input, at: start),
                      scanner.lexicon.kind(input, start, word.end) == .known
                else { return nil }
                allowLowercase = true
            }
        } else if allCapitals {
            allowLowercase = true
        }
        return scanner.scan(input, at: start, allowLowercase: allowLowercase)
    }

    /// After "cheers" / "Kind regards": a comma, a dash or a line break, then the
    /// name on the same line or the next.
    private func startAfterSignOff(_ end: Int, in input: ScanInput) -> Int? {
        var position = input.skipBlanks(from: end)
        var separated = false
        switch input.byte(at: position) {
        case 0x2C, 0x2D:
            position += 1
            separated = true
        case 0xE2 where input.byte(at: position + 1) == 0x80 && (input.byte(at: position + 2) == 0x93
            || input.byte(at: position + 2) == 0x94):  // – —
            position += 3
            separated = true
        case 0x21, 0x2E:  // "Thanks!\nAnna"
            position += 1
        default:
            break
        }
        position = input.skipBlanks(from: position)
        if input.byte(at: position) == 0x0D { position += 1 }
        if input.byte(at: position) == 0x0A {
            return input.skipBlanks(from: position + 1)
        }
        return separated ? position : nil
    }

    /// The end of "is" / ":" / "name is" after a role cue, allowing up to three
    /// words before it when `bridge` ("name on the joint account is").
    private func linkEnd(after end: Int, bridge: Bool, in input: ScanInput) -> Int? {
        var position = end
        for _ in 0...(bridge ? 3 : 0) {
            var next = input.skipBlanks(from: position)
            switch input.byte(at: next) {
            case 0x3A, 0x3D: return next + 1  // : =
            case 0x2D where input.byte(at: next + 1) == 0x20: return next + 1
            default: break
            }
            if next == position, let afterPossessive = Self.possessiveEnd(at: next, in: input) {
                next = input.skipBlanks(from: afterPossessive)  // "the account holder's name is"
            }
            if input.byte(at: next).isASCIILetter, let link = links.longestMatch(at: next, in: input) {
                return input.byte(at: link.end) == 0x3A ? link.end + 1 : link.end
            }
            guard bridge, next > position, input.byte(at: next).isASCIILower else { return nil }
            position = input.letterRunEnd(from: next)
        }
        return nil
    }

    /// The end of `'s` or `’s` at `position`, or nil.
    private static func possessiveEnd(at position: Int, in input: ScanInput) -> Int? {
        var index = position
        if input.byte(at: index) == 0x27 {
            index += 1
        } else if input.byte(at: index) == 0xE2, input.byte(at: index + 1) == 0x80, input.byte(at: index + 2) == 0x99 {
            index += 3
        } else {
            return nil
        }
        guard input.byte(at: index) | 0x20 == 0x73, !input.byte(at: index + 1).isASCIIAlnum else { return nil }
        return index + 1
    }

    /// True when a possessive stands right before `start`, perhaps with an
    /// adjective between ("my husband", "my late husband", "meine Tochter").
    private func followsPossessive(_ start: Int, in input: ScanInput) -> Bool {
        var end = start
        for attempt in 0..<2 {
            guard input.byte(at: end - 1) == 0x20 else { return false }
            end -= 1
            var wordStart = end
            while wordStart > 0, StreetWord.isLetterByte(input[wordStart - 1]), end - wordStart < 12 { wordStart -= 1 }
            guard wordStart < end, !StreetWord.isLetterByte(input.byte(at: wordStart - 1)) else { return false }
            if PersonCue.possessives.contains(input, wordStart, end) { return true }
            guard attempt == 0, PersonCue.relationAdjectives.contains(input, wordStart, end) else { return false }
            end = wordStart
        }
        return false
    }

    /// "soy Jordi de Girona", "c'est Geneviève de Trois-Rivières": a last word
    /// after "de" / "da" / "do" / "di" / "du" that is no known surname, closing the
    /// clause, is where the writer is from: the name ends before the particle
    /// and the place becomes a LOCATION of its own, with the name's score, so
    /// it stays redacted ("Maria da Silva" keeps its surname). Only after weak
    /// cues, and only when LOCATION is on.
    private func trimOrigin(_ name: inout NameScanner.Name, in input: ScanInput) {
        guard let particleStart = name.particlesBeforeLastWord, name.words >= 2,
              input.byte(at: particleStart) | 0x20 == 0x64, input.byte(at: particleStart + 2) == 0x20,  // d?
              !scanner.lexicon.isSurname(input, name.lastWord.lowerBound, name.lastWord.upperBound),
              endsClause(name.end, in: input)
        else { return }
        var end = particleStart - 1
        while end > name.start, input.byte(at: end - 1) == 0x20 { end -= 1 }
        guard end > name.start else { return }
        name.origin = name.lastWord
        name.end = end
        name.words -= 1
    }

    /// Two or more name words ending in a common surname ("Grace Papadopoulos").
    func hasKnownSurname(_ name: NameScanner.Name, in input: ScanInput) -> Bool {
        name.words >= 2 && scanner.lexicon.isSurname(input, name.lastWord.lowerBound, name.lastWord.upperBound)
    }

    func isFollowedByConfirmation(_ end: Int, in input: ScanInput) -> Bool {
        var position = end
        if input.byte(at: position) == 0x2C { position += 1 }
        position = input.skipBlanks(from: position)
        return input.byte(at: position).isASCIILetter && followers.longestMatch(at: position, in: input) != nil
    }

    /// True when nothing but punctuation, symbols or the end of the line follows
    /// (`Thanks, Will.`), so the name closes its clause.
    func endsClause(_ end: Int, in input: ScanInput) -> Bool {
        let position = input.skipBlanks(from: end)
        let byte = input.byte(at: position)
        switch byte {
        case 0, 0x0A, 0x0D, 0x2E, 0x21, 0x3F, 0x2C, 0x3B, 0x29, 0x22: return true
        default:
            guard byte >= 0x80, let (scalar, _) = input.scalar(at: position) else { return false }
            return !NameScanner.isLetter(scalar)
        }
    }
}
