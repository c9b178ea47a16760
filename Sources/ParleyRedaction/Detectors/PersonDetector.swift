/// Personal names introduced by a cue: "my name is …", "I am called …",
/// "this is … speaking", "name: …", "I'm …", "signed, …".
struct PersonDetector: PIIDetector {
    let name = "person"
    let entityType = PIIEntityType.person

    private struct Cue {
        let phrase: String
        let score: Double
        /// Accept a name typed in lowercase.
        let allowLowercase: Bool
        /// Words, one of which must follow the name ("this is Anna speaking").
        let requiresFollower: Bool
        /// Sign-offs ("Regards,") put the name on the next line.
        var nameMayFollowNewline = false
    }

    private static let cues: [Cue] = [
        Cue(phrase: "my name is", score: 0.85, allowLowercase: true, requiresFollower: false),
        Cue(phrase: "my name's", score: 0.85, allowLowercase: true, requiresFollower: false),
        Cue(phrase: "my full name is", score: 0.85, allowLowercase: true, requiresFollower: false),
        Cue(phrase: "name is", score: 0.7, allowLowercase: false, requiresFollower: false),
        Cue(phrase: "name's", score: 0.7, allowLowercase: false, requiresFollower: false),
        Cue(phrase: "i am called", score: 0.85, allowLowercase: true, requiresFollower: false),
        Cue(phrase: "i'm called", score: 0.85, allowLowercase: true, requiresFollower: false),
        Cue(phrase: "people call me", score: 0.75, allowLowercase: false, requiresFollower: false),
        Cue(phrase: "name:", score: 0.85, allowLowercase: true, requiresFollower: false),
        Cue(phrase: "name -", score: 0.8, allowLowercase: false, requiresFollower: false),
        Cue(phrase: "this is", score: 0.8, allowLowercase: false, requiresFollower: true),
        Cue(phrase: "it's", score: 0.75, allowLowercase: false, requiresFollower: true),
        Cue(phrase: "i am", score: 0.6, allowLowercase: false, requiresFollower: false),
        Cue(phrase: "i'm", score: 0.6, allowLowercase: false, requiresFollower: false),
        Cue(phrase: "account holder is", score: 0.8, allowLowercase: false, requiresFollower: false),
        Cue(phrase: "account holder:", score: 0.8, allowLowercase: true, requiresFollower: false),
        Cue(phrase: "signed,", score: 0.75, allowLowercase: false, requiresFollower: false, nameMayFollowNewline: true),
        Cue(phrase: "regards,", score: 0.75, allowLowercase: false, requiresFollower: false, nameMayFollowNewline: true),
        Cue(phrase: "speaking with", score: 0.6, allowLowercase: false, requiresFollower: false),
        Cue(phrase: "on behalf of", score: 0.6, allowLowercase: false, requiresFollower: false),
    ]

    private let matcher = PhraseMatcher(PersonDetector.cues.map(\.phrase))
    private let followers = PhraseMatcher(["speaking", "here", "calling", "from", "again", "on the line"])
    private let scanner = NameScanner()

    func detect(in input: ScanInput, into candidates: inout [Candidate]) {
        matcher.forEachMatch(in: input) { match in
            let cue = Self.cues[match.phrase]
            var start = input.skipBlanks(from: match.end)
            if input.byte(at: start) == 0x0A {
                guard cue.nameMayFollowNewline else { return }
                start = input.skipBlanks(from: start + 1)
            }
            if start == match.end, input.byte(at: start).isASCIIAlnum { return }
            if input.byte(at: start) == 0x22 { start += 1 }  // name: "Anna"
            let first = input.byte(at: start)
            guard first.isASCIIUpper || first >= 0xC0 || (cue.allowLowercase && first.isASCIILower) else { return }
            guard let name = scanner.scan(input, at: start, allowLowercase: cue.allowLowercase) else { return }
            if cue.requiresFollower, !isFollowedByConfirmation(name.end, in: input) { return }
            candidates.append(
                Candidate(type: entityType, start: name.start, end: name.end, score: cue.score,
                          detector: self.name, usesContext: false))
        }
    }

    private func isFollowedByConfirmation(_ end: Int, in input: ScanInput) -> Bool {
        var position = end
        if input.byte(at: position) == 0x2C { position += 1 }
        position = input.skipBlanks(from: position)
        return input.byte(at: position).isASCIILetter && followers.longestMatch(at: position, in: input) != nil
    }
}
