/// Places the tagger reads by rule, not by weight, over the same tokens:
///
/// - a place-list entry of one to four words right after a locative word
///   ("in Bath", "from Glasgow to Aberdeen", "nach Frankfurt am Main", "à
///   Pointe-à-Pitre", "in the UK");
/// - capitalised words ending in a street or facility word ("Moulsham Street",
///   "Wilshire Blvd", "Guy's Hospital", "Bristol Airport");
/// - a street word of another language before capitalised words ("Calle Mayor
///   5", "Avenida Paulista", "rue Saint-Jean", "ul. Marszałkowska").
///
/// These spans replace the tagger's own spans where they overlap: the list or
/// the grammar knows the extent and the type better than a greedy tag.
extension NERTagger {
    /// Score of a rule-read place: the tagger's highest.
    static let placeRuleScore = maximumScore

    enum PlaceWord {
        /// "in", "nach", "à": a place-list entry after it is a place, even one
        /// that is also a given name ("in Chad").
        static let locative: UInt8 = 1
        /// "from", "to", "at", "de": the same, unless the entry is a given name
        /// ("a letter from Georgia", "talk to Jordan").
        static let weakLocative: UInt8 = 2
        /// "Street", "Hospital": ends a street or facility name.
        static let head: UInt8 = 4
        /// "Calle", "rue", "ul": starts a street name of another language.
        static let prefix: UInt8 = 8
        /// "de", "la", "del": may stand inside a street name after a prefix.
        static let particle: UInt8 = 16
        /// "St", "Rd", "Ave": a head whose abbreviation dot belongs to the name.
        static let abbreviation: UInt8 = 32
        /// "branch", "store": a listed place right before it is one ("your Leicester store").
        static let premises: UInt8 = 64
        /// "and", "y", "och", "a": joins a second place to one just read ("between Durham and York").
        static let joiner: UInt8 = 128
    }

    private static let locatives = [
        "in", "into", "near", "outside", "around", "across", "towards", "toward", "through", "nach", "aus", "à",
        "au", "aux", "en", "em", "naar", "uit", "från", "w", "desde", "hacia", "between", "entre", "tra", "fra",
        "zwischen", "tussen", "mellan", "utanför", "między", "pra",
    ]
    private static let weakLocatives = ["from", "to", "at", "via", "de", "da", "do", "para", "till", "i", "di", "z", "bei"]
    private static let heads = [
        "street", "road", "avenue", "lane", "drive", "boulevard", "terrace", "crescent", "square", "close",
        "grove", "mews", "parkway", "highway", "hospital", "infirmary", "clinic", "airport", "station",
    ]
    private static let abbreviatedHeads = ["st", "rd", "ave", "blvd", "ln"]
    private static let prefixes = [
        "rue", "calle", "avenida", "av", "rua", "via", "viale", "piazza", "corso", "ul", "aleja", "plac",
        "carrer", "paseo", "plaza", "praça", "travessa", "chemin", "allée",
    ]
    private static let streetParticles = [
        "de", "la", "le", "del", "do", "da", "dos", "das", "di", "della", "delle", "dei", "des", "du",
    ]
    /// Facility words written before the name in other languages ("Hospital
    /// Gregorio Marañón", "Aeroporto Humberto Delgado"): read like a street word
    /// first, and only capitalised ("hospital appointment" is none).
    private static let facilityPrefixes: WordHashTable = {
        let words = [
            "hospital", "hôpital", "ospedale", "policlinico", "clínica", "clinica", "klinikum", "aeroporto",
            "aeropuerto", "aéroport", "flughafen", "szpital", "szpitalu", "spitalul", "ziekenhuis", "sjukhus",
            "nemocnice", "nemocnici", "estação", "estación", "stazione", "gare",
        ]
        var table = WordHashTable(capacityFor: words.count)
        for word in words { table.insert(WordHash.of(word), 1) }
        return table
    }()

    private static let premises = ["branch", "store", "office", "shop", "outlet", "depot", "showroom", "warehouse"]
    private static let joiners = ["and", "or", "e", "y", "et", "und", "oder", "och", "a", "ou", "o", "to"]

    static let placeWords: WordHashTable = {
        var table = WordHashTable(
            capacityFor: locatives.count + weakLocatives.count + heads.count + abbreviatedHeads.count
                + prefixes.count + streetParticles.count + premises.count + joiners.count)
        for word in locatives { table.insert(WordHash.of(word), PlaceWord.locative) }
        for word in weakLocatives { table.insert(WordHash.of(word), PlaceWord.weakLocative) }
        for word in heads { table.insert(WordHash.of(word), PlaceWord.head) }
        for word in abbreviatedHeads { table.insert(WordHash.of(word), PlaceWord.head | PlaceWord.abbreviation) }
        for word in prefixes { table.insert(WordHash.of(word), PlaceWord.prefix) }
        for word in streetParticles { table.insert(WordHash.of(word), PlaceWord.particle) }
        for word in premises { table.insert(WordHash.of(word), PlaceWord.premises) }
        for word in joiners { table.insert(WordHash.of(word), PlaceWord.joiner) }
        return table
    }()

    /// True for "in", "nach", "from", … (strong or weak locatives).
    static func isLocative(_ hash: UInt64) -> Bool {
        placeWords.flags(of: hash) & (PlaceWord.locative | PlaceWord.weakLocative) != 0
    }

    private static let englishWeakLocatives: Set<UInt64> = [WordHash.of("from"), WordHash.of("to"), WordHash.of("at")]

    /// True when a capitalised word (not in capitals, not a stop word) stands
    /// anywhere but at a sentence's start.
    private static func capitalisesNames(_ tokens: UnsafeBufferPointer<NERToken>) -> Bool {
        tokens.contains { token in
            token.kind == .word && token.shape.contains(.capitalised) && !token.shape.contains(.allCapitals)
                && !token.shape.contains(.sentenceStart) && !isStopWord(token.hash)
        }
    }

    private static let theHash = WordHash.of("the")
    private static let viaHash = WordHash.of("via")
    private static let maximumPlaceWords = 4

    /// The rule-read places in `tokens`, sorted, not overlapping.
    func placeEntities(_ tokens: UnsafeBufferPointer<NERToken>, in input: ScanInput) -> [Entity] {
        var result: [Entity] = []
        var index = 0
        // The token after the last place a list entry gave: a joiner there may add a second.
        var afterListedPlace = -1
        // Whether the writer capitalises names (read once, when first needed).
        var writerCapitalises: Bool?
        while index < tokens.count {
            let token = tokens[index]
            guard token.kind == .word else {
                index += 1
                continue
            }
            let flags = Self.placeWords.flags(of: token.hash)
            let found: (start: Int, end: Int, next: Int)?
            var listed = false
            if flags & PlaceWord.prefix != 0, let street = streetAfterPrefix(tokens, index, in: input) {
                found = street
            } else if token.shape.contains(.capitalised), Self.facilityPrefixes.flags(of: token.hash) != 0,
                      let facility = streetAfterPrefix(tokens, index, in: input)
            {
                found = facility
            } else if token.shape.contains(.capitalised), let named = namedStreetOrFacility(tokens, from: index, in: input) {
                found = named
            } else if token.shape.contains(.capitalised), let place = placeBeforePremises(tokens, from: index, in: input) {
                found = place
            } else if flags & (PlaceWord.locative | PlaceWord.weakLocative) != 0
                || (flags & PlaceWord.joiner != 0 && index == afterListedPlace),
                let place = listedPlace(
                    tokens, after: index, weak: flags & PlaceWord.locative == 0, writerCapitalises: &writerCapitalises,
                    in: input)
            {
                found = place
                listed = true
                if flags & PlaceWord.joiner != 0, index > 0, result.last.map({ $0.end <= tokens[index - 1].start }) ?? true,
                   let before = listedPlace(tokens, before: index, in: input)
                {
                    result.append(Entity(type: .location, start: before.start, end: before.end, score: Self.placeRuleScore))
                }
            } else if token.length <= 5, Self.slavicPrepositions.flags(of: token.hash) != 0,
                      let place = inflectedPlace(tokens, after: index, in: input)
            {
                found = place
            } else {
                found = nil
            }
            if let found {
                result.append(Entity(type: .location, start: found.start, end: found.end, score: Self.placeRuleScore))
                index = found.next
                afterListedPlace = listed ? found.next : -1
            } else {
                index += 1
            }
        }
        return result
    }

    /// `places` and the tagger's spans that overlap none of them, sorted by start.
    /// O((p + t) log p): a line of 1 MiB holds tens of thousands of each, and
    /// checking every span against every place took seconds.
    static func preferringPlaces(_ places: [Entity], over tagged: [Entity]) -> [Entity] {
        guard !places.isEmpty else { return tagged }
        // Places by start, with the furthest end reached so far: a span overlaps a
        // place exactly when the places starting before its end reach past its start.
        let byStart = places.sorted { $0.start < $1.start }
        var reach: [Int] = []
        reach.reserveCapacity(byStart.count)
        var furthest = Int.min
        for place in byStart {
            furthest = max(furthest, place.end)
            reach.append(furthest)
        }
        var merged = places
        for entity in tagged {
            var low = 0, high = byStart.count
            while low < high {
                let middle = (low + high) / 2
                if byStart[middle].start < entity.end { low = middle + 1 } else { high = middle }
            }
            if low == 0 || reach[low - 1] <= entity.start { merged.append(entity) }
        }
        merged.sort { $0.start < $1.start }
        return merged
    }

    // MARK: rules

    /// True when `tokens[index]` follows `tokens[index - 1]` after exactly one space.
    @inline(__always) static func followsAfterSpace(_ tokens: UnsafeBufferPointer<NERToken>, _ index: Int, in input: ScanInput) -> Bool {
        index > 0 && index < tokens.count && tokens[index].start == tokens[index - 1].end + 1
            && input[tokens[index - 1].end] == 0x20
    }

    /// The longest place-list entry starting right after the locative at
    /// `index` (or after "the"), as (start, end, next token).
    private func listedPlace(
        _ tokens: UnsafeBufferPointer<NERToken>, after index: Int, weak: Bool, writerCapitalises: inout Bool?,
        in input: ScanInput
    ) -> (start: Int, end: Int, next: Int)? {
        var first = index + 1
        guard Self.followsAfterSpace(tokens, first, in: input) else { return nil }
        if tokens[first].hash == Self.theHash, !tokens[first].shape.contains(.capitalised) {
            first += 1
            guard Self.followsAfterSpace(tokens, first, in: input) else { return nil }
        }
        let head = tokens[first]
        guard head.kind == .word else { return nil }
        var last = first
        while last + 1 < tokens.count, last + 1 - first < Self.maximumPlaceWords, tokens[last + 1].kind == .word,
              Self.followsAfterSpace(tokens, last + 1, in: input)
        {
            last += 1
        }
        // Runs of several words need a first word that starts a multi-word entry.
        if last > first, !lexicons.startsPlaceEntry(head.hash) { last = first }
        // A lowercase place after "de", "da", "z", "i" (ordinary words of their
        // languages: "zumo de granada", "me da este servicio") only from a writer
        // who capitalises no names at all ("soy ximena de puebla").
        if weak, !head.shape.contains(.capitalised), !Self.englishWeakLocatives.contains(tokens[index].hash) {
            if writerCapitalises == nil { writerCapitalises = Self.capitalisesNames(tokens) }
            if writerCapitalises == true { return nil }
        }
        while last >= first {
            if let place = placeEntry(tokens, first, last, weak: weak, in: input) { return place }
            last -= 1
        }
        return nil
    }

    /// `tokens[first...last]` as a place after a locative, or nil.
    private func placeEntry(_ tokens: UnsafeBufferPointer<NERToken>, _ first: Int, _ last: Int, weak: Bool, in input: ScanInput)
        -> (start: Int, end: Int, next: Int)?
    {
        let head = tokens[first]
        let tail = tokens[last]
        let capitalised = head.shape.contains(.capitalised)
        // Lowercase only when every word is ("from leeds", "in el paso").
        guard capitalised ? tail.shape.contains(.capitalised)
            : tokens[first...last].allSatisfy({ !$0.shape.contains(.capitalised) })
        else { return nil }
        let hash = first == last ? head.hash : WordHash.lowercased(input.bytes, head.start, tail.end)
        guard lexicons.isPlaceEntry(hash) else { return nil }
        // "in Mobile Banking", "to Georgia Power", "in Jackson Hole Ltd": a
        // capitalised word after the entry makes it part of another name.
        if capitalised, last + 1 < tokens.count, tokens[last + 1].kind == .word,
           tokens[last + 1].shape.contains(.capitalised), Self.followsAfterSpace(tokens, last + 1, in: input)
        {
            return nil
        }
        if first == last {
            let kind = lexicons.kind(of: head.hash)
            if Self.isStopWord(head.hash) { return nil }
            if !capitalised, kind.contains(.common) { return nil }  // "in time", "to bath"
            if weak, kind.contains(.givenName) { return nil }
        }
        return (head.start, tail.end, last + 1)
    }

    /// Capitalised words ending in a street or facility word, from `index`.
    private func namedStreetOrFacility(_ tokens: UnsafeBufferPointer<NERToken>, from index: Int, in input: ScanInput)
        -> (start: Int, end: Int, next: Int)?
    {
        guard Self.isNameWord(tokens[index]) else { return nil }
        var position = index + 1
        while position < tokens.count, position - index <= Self.maximumPlaceWords,
              Self.followsAfterSpace(tokens, position, in: input), tokens[position].kind == .word,
              tokens[position].shape.contains(.capitalised)
        {
            let flags = Self.placeWords.flags(of: Self.headHash(tokens[position], in: input))
            if flags & PlaceWord.head != 0 {
                var end = Self.headEnd(tokens[position], in: input)
                var next = position + 1
                if flags & PlaceWord.abbreviation != 0, end == tokens[position].end, input.byte(at: end) == 0x2E {
                    end += 1  // "Summit St."
                    next += 1
                }
                return (tokens[index].start, end, next)
            }
            guard Self.isNameWord(tokens[position]) else { return nil }
            position += 1
        }
        return nil
    }

    /// A street word of another language, then particles and capitalised words
    /// ending in a capitalised one, then a house number if one follows.
    private func streetAfterPrefix(_ tokens: UnsafeBufferPointer<NERToken>, _ index: Int, in input: ScanInput)
        -> (start: Int, end: Int, next: Int)?
    {
        let prefix = tokens[index]
        // "Via Roma", not "via email"; "rue" and "calle" may be lowercase.
        if prefix.hash == Self.viaHash, !prefix.shape.contains(.capitalised) { return nil }
        var position = index + 1
        var gapBytes = 1
        if position < tokens.count, input[prefix.end] == 0x2E, tokens[position].start == prefix.end {
            position += 1  // "Av.", "ul."
            gapBytes = 2
        }
        guard position < tokens.count, tokens[position].start == prefix.end + gapBytes,
              input[tokens[position].start - 1] == 0x20
        else { return nil }
        var lastName: Int?
        var cursor = position
        while cursor < tokens.count, cursor - position < 5, tokens[cursor].kind == .word,
              cursor == position || Self.followsAfterSpace(tokens, cursor, in: input)
        {
            if tokens[cursor].shape.contains(.capitalised), Self.isNameWord(tokens[cursor]) {
                lastName = cursor
            } else if Self.placeWords.flags(of: tokens[cursor].hash) & PlaceWord.particle == 0 {
                break
            }
            cursor += 1
        }
        guard let lastName else { return nil }
        var end = tokens[lastName].end
        var next = lastName + 1
        if next < tokens.count, tokens[next].kind == .number, tokens[next].length <= 4,
           input[tokens[next].start].isASCIIDigit, Self.followsAfterSpace(tokens, next, in: input)
        {
            end = tokens[next].end  // "Calle Mayor 5"
            next += 1
        }
        return (prefix.start, end, next)
    }

    /// A capitalised word that may be part of a place's name: not a stop word
    /// ("The", "My", "Dear") and not a word with a capital inside ("WhatsApp").
    @inline(__always) static func isNameWord(_ token: NERToken) -> Bool {
        token.kind == .word && token.shape.contains(.capitalised) && !token.shape.contains(.innerCapital)
            && !isStopWord(token.hash)
    }

    /// The end of `token` without an English possessive ("Hospital's").
    private static func headEnd(_ token: NERToken, in input: ScanInput) -> Int {
        guard token.shape.contains(.joined), token.length > 2, input[token.end - 1] | 0x20 == 0x73 else { return token.end }
        if input[token.end - 2] == 0x27 { return token.end - 2 }
        if token.length > 4, input[token.end - 2] == 0x99, input[token.end - 3] == 0x80, input[token.end - 4] == 0xE2 {
            return token.end - 4
        }
        return token.end
    }

    private static func headHash(_ token: NERToken, in input: ScanInput) -> UInt64 {
        let end = headEnd(token, in: input)
        return end == token.end ? token.hash : WordHash.lowercased(input.bytes, token.start, end)
    }
}
