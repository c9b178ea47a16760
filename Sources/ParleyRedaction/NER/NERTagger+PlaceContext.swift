/// Places read from the words around them rather than from a locative before
/// them: a place before a premises word ("your Leicester store"), a place
/// before a joiner that joins a second one ("Melbourne to Darwin"), and
/// Polish and Czech places in their case forms ("w Krakowie").
extension NERTagger {
    /// Polish and Czech prepositions before a place in the locative, genitive
    /// or instrumental ("w Krakowie", "z Gdańska", "v Brně", "do Prahy").
    static let slavicPrepositions: WordHashTable = {
        let words = ["w", "we", "z", "ze", "do", "na", "v", "ve", "u", "przy", "pod", "koło", "od", "ku", "k"]
        var table = WordHashTable(capacityFor: words.count)
        for word in words { table.insert(WordHash.of(word), 1) }
        return table
    }()

    /// Case endings of Polish and Czech place names, longest first.
    private static let caseEndings: [[UInt8]] = ["ach", "iem", "owi", "ie", "iu", "ii", "em", "ě", "u", "a", "y", "i", "e", "ą"]
        .map { Array($0.utf8) }

    /// "w Krakowie", "z Gdańska", "v Brně", "w Katowicach": a capitalised word no
    /// list knows after a Polish or Czech preposition, whose form without its
    /// case ending (then with -a, -o, -e, -ia, or -ów / -ń restored) is a listed
    /// place: Kraków, Gdańsk, Brno, Katowice, Poznań.
    func inflectedPlace(_ tokens: UnsafeBufferPointer<NERToken>, after index: Int, in input: ScanInput)
        -> (start: Int, end: Int, next: Int)?
    {
        let position = index + 1
        guard Self.followsAfterSpace(tokens, position, in: input) else { return nil }
        let word = tokens[position]
        guard word.kind == .word, word.length >= 4, word.shape.contains(.capitalised), !word.shape.contains(.allCapitals),
              !word.shape.contains(.innerCapital), lexicons.kind(of: word.hash).isEmpty, !Self.isStopWord(word.hash)
        else { return nil }
        for ending in Self.caseEndings where word.length - ending.count >= 3 {
            let stemEnd = word.end - ending.count
            guard input.matchesIgnoringCase(ending, at: stemEnd) else { continue }
            let stem = WordHash.lowercased(input.bytes, word.start, stemEnd)
            var forms = [stem, Self.appending("a", to: stem), Self.appending("o", to: stem), Self.appending("e", to: stem),
                         Self.appending("ia", to: stem)]
            if input[stemEnd - 1] == 0x77, input[stemEnd - 2] == 0x6F {  // "Krakow-ie" -> "Kraków"
                forms.append(Self.appending("ów", to: WordHash.lowercased(input.bytes, word.start, stemEnd - 2)))
            }
            if input[stemEnd - 1] == 0x6E, ending.first == 0x69 {  // "Poznan-iu" -> "Poznań"
                forms.append(Self.appending("ń", to: WordHash.lowercased(input.bytes, word.start, stemEnd - 1)))
            }
            for form in forms where lexicons.isPlaceEntry(form) && !lexicons.kind(of: form).contains(.givenName) {
                return (word.start, word.end, position + 1)
            }
        }
        return nil
    }

    /// The hash of a word whose hash is `hash` with `suffix` (lowercase) written after it.
    private static func appending(_ suffix: StaticString, to hash: UInt64) -> UInt64 {
        var result = hash
        let pointer = suffix.utf8Start
        for offset in 0..<suffix.utf8CodeUnitCount { result = WordHash.mix(result, pointer[offset]) }
        return result
    }

    /// "your Leicester store", "the Kano branch": a capitalised entry of the place
    /// list of up to three words right before a premises word, the entry alone.
    /// A lone word that is also an ordinary word is none ("the Central branch").
    func placeBeforePremises(_ tokens: UnsafeBufferPointer<NERToken>, from index: Int, in input: ScanInput)
        -> (start: Int, end: Int, next: Int)?
    {
        // The entry starts here: a one-word entry or the first word of a longer one.
        guard lexicons.isPlaceEntry(tokens[index].hash) || lexicons.startsPlaceEntry(tokens[index].hash) else { return nil }
        var last = index
        while last + 1 < tokens.count, last - index < 3, Self.followsAfterSpace(tokens, last + 1, in: input),
              tokens[last + 1].kind == .word
        {
            let next = tokens[last + 1]
            if Self.placeWords.flags(of: next.hash) & PlaceWord.premises != 0 {
                guard last == index || lexicons.startsPlaceEntry(tokens[index].hash) else { return nil }
                let hash = last == index ? tokens[index].hash
                    : WordHash.lowercased(input.bytes, tokens[index].start, tokens[last].end)
                guard lexicons.isPlaceEntry(hash) else { return nil }
                if last == index, Self.isStopWord(hash) || lexicons.kind(of: hash).contains(.common) { return nil }
                return (tokens[index].start, tokens[last].end, last + 1)
            }
            guard Self.isNameWord(next) else { return nil }
            last += 1
        }
        return nil
    }

    /// "Melbourne to Darwin", "Santander a Bilbao": the capitalised one-word
    /// entry of the place list right before the joiner at `index`, when it is
    /// no given name and no ordinary word and nothing capitalised precedes it.
    func listedPlace(_ tokens: UnsafeBufferPointer<NERToken>, before index: Int, in input: ScanInput)
        -> (start: Int, end: Int)?
    {
        let place = index - 1
        guard place >= 0, Self.followsAfterSpace(tokens, index, in: input), Self.isNameWord(tokens[place]),
              lexicons.isPlaceEntry(tokens[place].hash)
        else { return nil }
        let kind = lexicons.kind(of: tokens[place].hash)
        guard !kind.contains(.common), !kind.contains(.givenName) else { return nil }
        if place > 0, tokens[place - 1].kind == .word, tokens[place - 1].shape.contains(.capitalised),
           Self.followsAfterSpace(tokens, place, in: input)
        {
            return nil  // "New Zealand to", "Mr Darwin and"
        }
        return (tokens[place].start, tokens[place].end)
    }
}
