import Foundation

/// A greedy left-to-right averaged-perceptron tagger for personal names and
/// places (tags O, B/I-PERSON, B/I-LOCATION), trained here from generated
/// sentences (`NERTrainer`). Only capitalised words, and short particles right
/// after a tagged word ("de", "van"), are scored: every other token is O, which
/// keeps the stage at a small cost per byte.
struct NERTagger: Sendable {
    struct Entity {
        let type: PIIEntityType
        let start: Int
        let end: Int
        let score: Double
    }

    let weights: PerceptronWeights
    let lexicons: NameLexicons

    /// At most this score, so that checksum and pattern detectors (dates, cards,
    /// postcodes) and cue phrases win an overlap against the tagger.
    static let maximumScore = 0.75
    /// Longer runs are split ("Anna Anna Anna …" is not one name).
    static let maximumTokens = 4

    /// Words that are never a name or place on their own: function words,
    /// greetings, courtesy words, days, months, nationalities (`NameVocabulary`).
    private static let stopWords = NameVocabulary.stopWords + [
        "name", "you", "thank", "thanks", "here", "much", "address", "phone", "email", "account", "order", "card",
        "mr", "mrs", "ms", "dr", "prof", "miss", "sir", "madam", "may", "april", "june", "august", "jan", "feb",
        "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "also", "invalid", "employee",
        "mon", "tue", "wed", "thu", "fri", "sat", "sun", "i'm", "i’m", "i'll", "i’ll", "i've", "i’ve", "i'd", "i’d",
        "it's", "it’s", "that's", "that’s", "let's", "let’s", "we're", "we’re", "you're", "you’re", "don't", "don’t",
        "can't", "can’t",
    ] + otherLanguages + germanNouns + titlesAndHonorifics + holidays

    /// Determiners, pronouns, prepositions and greetings of German, French,
    /// Spanish, Italian, Portuguese, Dutch, Polish, Swedish and Turkish that
    /// start sentences capitalised ("Le", "Mein", "Qué") and are never a name.
    private static let otherLanguages = [
        "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "mein", "meine", "meinen",
        "meiner", "dein", "sein", "seine", "ihr", "ihre", "unser", "unsere", "sie", "wir", "ich", "er", "es",
        "sind", "ist", "bin", "habe", "hat", "wurde", "kann", "bitte", "danke", "vielen", "dank", "liebe",
        "lieber", "grüße", "gruß", "grüß", "gott", "sehr", "geehrte", "geehrter", "damen", "herren", "hallo",
        "moin", "wie", "warum", "wann", "wo", "was", "im", "am", "vom", "zum", "zur", "mit", "für", "bei",
        "nach", "seit", "auf", "und", "oder", "aber", "le", "la", "les", "un", "une", "des", "du", "mon", "ma",
        "mes", "ton", "ta", "son", "sa", "notre", "votre", "je", "tu", "il", "elle", "nous", "vous", "ils",
        "elles", "merci", "bonsoir", "madame", "monsieur", "cordialement", "est", "sont", "pourquoi", "quand",
        "comment", "el", "los", "las", "uno", "una", "mi", "mis", "tu", "su", "sus", "nuestro", "yo", "usted",
        "ustedes", "gracias", "buenos", "buenas", "días", "tardes", "noches", "saludos", "qué", "cuándo",
        "cuánto", "cuánta", "dónde", "cómo", "por", "para", "tengo", "he", "lo", "il", "lo", "gli", "le", "uno",
        "mio", "miei", "mie", "tuo", "suo", "sua", "nostro", "grazie", "buongiorno", "buonasera",
        "salve", "cordiali", "sono", "ho", "perché", "quando", "dove", "o", "os", "um", "uma", "meu", "minha",
        "meus", "seu", "sua", "obrigado", "obrigada", "olá", "oi", "bom", "boa", "tarde", "noite",
        "porque", "quando", "onde", "tenho", "estou", "het", "een", "mijn", "ons", "onze", "ik", "wij", "jij",
        "u", "dank", "bedankt", "goedemorgen", "goedemiddag", "groeten", "bij", "met", "voor", "waarom",
        "wanneer", "w", "na", "z", "do", "od", "moja", "mój", "moje", "dzień", "dobry", "dziękuję", "pozdrawiam",
        "czy", "dlaczego", "kiedy", "jag", "mitt", "mina", "vi", "hej", "tack", "hälsningar", "varför",
        "när", "och", "bir", "benim", "merhaba", "teşekkürler", "teşekkür", "ederim", "saygılarımla",
        "neden", "ne", "ve", "kia", "ora", "ta",
        // German, French, Spanish and Italian words that open sentences and clauses.
        "wenn", "dass", "weil", "ob", "nicht", "noch", "schon", "auch", "nur", "hier", "dort", "jetzt", "heute",
        "gestern", "leider", "gerne", "vielleicht", "können", "könnten", "würde", "möchte", "haben", "werden",
        "ja", "nein", "alle", "alles", "diese", "dieser", "dieses", "ihrem", "ihren", "ihrer", "ihnen", "uns",
        "mich", "mir", "ihm", "gut", "guten", "abend", "bon", "bonne", "oui", "non", "avec", "pour", "dans",
        "chez", "mais", "très", "aussi", "encore", "depuis", "sí", "muy", "pero", "también", "hasta", "con",
        "sin", "esta", "ese", "esa", "anche", "ancora", "molto", "senza", "questo", "questa", "benvenuti",
        "bienvenue", "bienvenido", "willkommen", "welkom",
    ]

    /// German nouns of customer service, capitalised wherever they stand
    /// ("Meine Karte", "Die Rechnung"), none of them a name or a place.
    private static let germanNouns = [
        "karte", "konto", "rechnung", "vertrag", "paket", "lieferung", "bestellung", "adresse", "kunde", "kundin",
        "termin", "versicherung", "kündigung", "zahlung", "überweisung", "lastschrift", "gebühr", "gebühren",
        "geld", "geldautomat", "bank", "filiale", "mitarbeiter", "mitarbeiterin", "techniker", "anruf", "nummer",
        "telefon", "handy", "internet", "router", "störung", "problem", "frage", "antwort", "hilfe", "dank",
        "grüße", "herren", "damen", "mann", "frau", "sohn", "tochter", "mutter", "vater", "oma", "opa", "kind",
        "kinder", "flug", "zug", "reise", "urlaub", "hotel", "arzt", "ärztin", "krankenhaus", "rezept",
        "leistung", "schaden", "unfall", "auto", "wohnung", "haus", "miete", "strom", "gas", "tarif", "preis",
        "angebot", "vollmacht", "bestätigung", "unterlagen", "antrag", "formular", "brief", "post", "email",
        "woche", "monat", "jahr", "tag", "tage", "stunden", "minuten", "uhr", "abheben", "auszahlung", "guthaben",
        "kredit", "darlehen", "zinsen", "sparbuch", "girokonto", "passwort", "zugang", "app", "bestellnummer",
        "kundennummer", "vertragsnummer", "reklamation", "rücksendung", "erstattung", "gutschrift", "ware",
    ]

    /// Titles and honorifics, which stand outside a name ("Sra. [García]").
    private static let titlesAndHonorifics = [
        "herr", "frau", "mme", "mlle", "sr", "sra", "srta", "dra", "dott", "sig", "lic", "ing", "eng",
        "pan", "pani", "smt", "shri", "sri", "ma'am", "ma’am", "ji", "bey", "hanım", "chief", "alhaji", "pastor",
        "rev", "sgt", "engr", "doña", "seu", "mevrouw", "meneer", "heer", "domnul", "doamna", "doamnei",
        "domnului", "paní", "efendi", "sahib", "hanim", "sayın", "señor", "señora", "senhor", "senhora", "signor",
        "signora", "dottor", "dottoressa", "mgr",
    ]

    /// Titles cut off the tagger's spans ("Domnul [Ion Crăciun]", "[Umut] Bey"):
    /// only those no one bears as a name ("Pan", "Haji", "Sri", "Dom" are
    /// also names, and stay inside the span).
    private static let strongTitles = [
        "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "herr", "frau", "mme", "mlle", "mevrouw", "meneer", "heer",
        "domnul", "doamna", "doamnei", "domnului", "senhor", "senhora", "signor", "signora", "dottor",
        "dottoressa", "monsieur", "madame", "señor", "señora", "sr", "sra", "srta", "dra", "paní", "pani", "sayın",
        "bey", "hanım", "hanim", "efendi", "sahib", "smt", "shri", "mgr", "dott", "sig",
    ]

    /// Holidays, and the days and months of the other languages (German
    /// capitalises them wherever they stand: "am Montag").
    private static let holidays = [
        "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "januar", "februar",
        "märz", "juni", "juli", "oktober", "dezember", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi",
        "dimanche", "janvier", "février", "avril", "juin", "juillet", "août", "octobre", "lunes", "martes",
        "miércoles", "jueves", "viernes", "sábado", "enero", "febrero", "marzo", "junio", "julio",
        "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica", "gennaio", "segunda",
        "terça", "quarta", "quinta", "sexta", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag",
        "zaterdag", "zondag", "poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela",
        "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag", "pazartesi", "salı", "çarşamba",
        "perşembe", "cuma", "cumartesi", "pazar",
        "christmas", "xmas", "easter", "diwali", "eid", "hanukkah", "thanksgiving", "ramadan", "halloween",
        "pfingsten", "pfingstmontag", "ostern", "weihnachten", "noël", "navidad", "pasqua", "natale", "páscoa",
        "kerst", "pasen", "wielkanoc", "bayram",
        // Seasons' greetings and more holidays ("Joyeux Noël", "Wesołych Świąt", "Semana Santa").
        "joyeux", "joyeuses", "fêtes", "felices", "felicidades", "buon", "buone", "feste", "boas",
        "festas", "frohe", "frohes", "fröhliche", "prettige", "fijne", "kerstdagen", "wesołych", "świąt",
        "wigilia", "wigilię", "veselé", "vánoce", "crăciun", "fericit", "mutlu", "sinterklaas", "ferragosto",
        "semana", "matariki", "ramzan", "pâques", "pentecôte", "carnaval",
        "karneval", "fasching", "ostermontag", "hogmanay", "vesak", "onam", "pongal", "holi", "navratri",
        "lohri", "kwanzaa", "juneteenth", "purim", "pesach", "passover", "kippur", "hashanah", "harmattan",
    ]
    /// Words that make a run a business or a place, not a person ("Holdings", "Church", "Road").
    private static let organisationWords = NameVocabulary.placesAndOrganisations
    /// Words that make a run a day or an event, neither a person nor a place
    /// ("Victoria Day", "New Year's Eve").
    private static let eventWords = ["day", "eve", "festival"]

    /// Tokens whose lowercase form may continue a name or place ("Rio de Janeiro").
    private static let particles = [
        "de", "da", "do", "dos", "das", "di", "del", "della", "van", "von", "der", "den", "ter", "ten", "du", "la",
        "le", "bin", "bint", "al", "el", "ibn", "y", "e", "upon", "on", "sur", "am", "im",
    ]

    /// Words after which a capitalised word names no person: storms and pets
    /// ("Hurricane Milton", "my dog Charlie").
    private static let notPersonAfter = [
        "hurricane", "storm", "typhoon", "cyclone", "tornado", "dog", "cat", "puppy", "kitten", "pet", "horse",
        "pony", "parrot", "hamster", "rabbit", "hund", "katze", "chien", "chat", "perro", "gato", "cane", "gatto",
        "cão", "hond", "kat", "pies", "kot", "hund", "katt", "köpek", "kedi",
    ]

    private enum Word {
        static let stop: UInt8 = 1
        static let organisation: UInt8 = 2
        static let particle: UInt8 = 4
        static let notPersonAfter: UInt8 = 8
        static let event: UInt8 = 16
        static let title: UInt8 = 32
        static let germanMarker: UInt8 = 64
    }

    /// German function words no other language the tagger reads writes alike
    /// ("die", "den", "das", "hat", "wie" are Dutch, Scandinavian, Portuguese
    /// or English words too): two different ones make a text German, where
    /// every noun is capitalised ("Mein Anwalt ist nicht erreichbar").
    private static let germanMarkers = [
        "und", "ist", "nicht", "ich", "sie", "für", "auf", "eine", "einen", "dem", "wir", "mein", "meine",
        "meinen", "habe", "wurde", "kann", "bitte", "danke", "noch", "schon", "auch", "sind", "haben", "wird",
        "werden", "mich", "uns", "ihre", "ihrer", "ihrem", "ihren", "keine", "kein", "aber", "oder", "wenn",
        "dass", "weil",
    ]

    /// The three lists above in one table of flags (`Word`).
    private static let words: WordHashTable = {
        var table = WordHashTable(
            capacityFor: stopWords.count + organisationWords.count + particles.count + notPersonAfter.count
                + eventWords.count + strongTitles.count + germanMarkers.count)
        for word in stopWords { table.insert(WordHash.of(word), Word.stop) }
        for word in organisationWords { table.insert(WordHash.of(word), Word.organisation) }
        for word in particles { table.insert(WordHash.of(word), Word.particle) }
        for word in notPersonAfter { table.insert(WordHash.of(word), Word.notPersonAfter) }
        for word in eventWords { table.insert(WordHash.of(word), Word.event) }
        for word in germanMarkers { table.insert(WordHash.of(word), Word.germanMarker) }
        for word in strongTitles { table.insert(WordHash.of(word), Word.title) }
        return table
    }()

    @inline(__always) static func isStopWord(_ hash: UInt64) -> Bool { words.flags(of: hash) & Word.stop != 0 }

    func entities(in input: ScanInput) -> [Entity] {
        // One allocation per text for the tokens, tags, scores and features
        // (room for a token per byte): no array per token.
        let capacity = input.count + 1
        let tokenBytes = capacity * MemoryLayout<NERToken>.stride
        let block = UnsafeMutableRawPointer.allocate(
            byteCount: tokenBytes + TagScratch.byteCount(tokenCount: capacity), alignment: 16)
        defer { block.deallocate() }
        let storage = block.bindMemory(to: NERToken.self, capacity: capacity)
        let tokens = UnsafeBufferPointer(start: storage, count: NERTokenizer.tokens(input, into: storage))
        let scratch = TagScratch(tokenCount: tokens.count, block: block + tokenBytes)
        return entities(tokens, scratch, in: input)
    }

    private func entities(_ tokens: UnsafeBufferPointer<NERToken>, _ scratch: TagScratch, in input: ScanInput) -> [Entity] {
        var features = NERFeatureVector(base: scratch.features)
        let kinds = TokenKinds(lexicons: lexicons, tokens: tokens, cache: scratch.kinds)
        var any = false
        for index in tokens.indices {
            let token = tokens[index]
            let previousTag = index > 0 ? Int(scratch.tags[index - 1]) : 0
            guard Self.isCandidate(token, previousTag: previousTag) else { continue }
            // Starts no entity that would survive `isPlausible`: a stop word, or an
            // ordinary word with no capitalised word after it ("Please", "Thanks").
            if previousTag == 0, Self.isStopWord(token.hash)
                || (!(index + 1 < tokens.count && tokens[index + 1].shape.contains(.capitalised))
                    && kinds(index).contains(.common))
            {
                continue
            }
            NERFeatures.extract(
                tokens, index, previousTag: previousTag, previousTag2: index > 1 ? Int(scratch.tags[index - 2]) : 0,
                input: input, lexicons: lexicons, kindCache: scratch.kinds, into: &features)
            let (tag, margin) = decide(features.values, previousTag: previousTag)
            scratch.tags[index] = UInt8(tag)
            if tag != 0 {
                any = true
                scratch.confidences[index] = 1 / (1 + exp(-Double(margin / max(weights.marginScale, 1e-6))))
            }
        }
        let tagged = any ? spans(tokens, scratch, input: input) : []
        return Self.preferringPlaces(placeEntities(tokens, in: input), over: tagged)
    }

    /// Per-token tags and confidences (zeroed), lexicon kinds (not looked up
    /// yet) and room for one token's features, in memory its caller owns
    /// (`byteCount`, 8-byte aligned).
    private struct TagScratch {
        let confidences: UnsafeMutablePointer<Double>
        let features: UnsafeMutablePointer<UInt64>
        let tags: UnsafeMutablePointer<UInt8>
        let kinds: UnsafeMutablePointer<UInt8>

        static func byteCount(tokenCount: Int) -> Int {
            tokenCount * MemoryLayout<Double>.stride + NERFeatures.maximumCount * MemoryLayout<UInt64>.stride + 2 * tokenCount
        }

        init(tokenCount: Int, block: UnsafeMutableRawPointer) {
            let featureOffset = tokenCount * MemoryLayout<Double>.stride
            let tagOffset = featureOffset + NERFeatures.maximumCount * MemoryLayout<UInt64>.stride
            confidences = block.initializeMemory(as: Double.self, repeating: 0, count: tokenCount)
            features = (block + featureOffset).bindMemory(to: UInt64.self, capacity: NERFeatures.maximumCount)
            tags = (block + tagOffset).initializeMemory(as: UInt8.self, repeating: 0, count: tokenCount)
            kinds = (block + tagOffset + tokenCount).initializeMemory(as: UInt8.self, repeating: TokenKinds.unknown, count: tokenCount)
        }
    }

    @inline(__always) static func isCandidate(_ token: NERToken, previousTag: Int) -> Bool {
        guard token.kind == .word else { return false }
        if token.shape.contains(.capitalised) { return true }
        return previousTag != 0 && token.length <= 5 && words.flags(of: token.hash) & Word.particle != 0
    }

    /// The best tag allowed after `previousTag`, and its margin over O.
    func decide(_ features: UnsafeBufferPointer<UInt64>, previousTag: Int) -> (Int, Float) {
        var scores: (Float, Float, Float, Float, Float) = (0, 0, 0, 0, 0)
        weights.accumulate(features, into: &scores)
        var best = 0
        var bestScore = scores.0
        if scores.1 > bestScore { best = 1; bestScore = scores.1 }
        if scores.2 > bestScore, previousTag == 1 || previousTag == 2 { best = 2; bestScore = scores.2 }
        if scores.3 > bestScore { best = 3; bestScore = scores.3 }
        if scores.4 > bestScore, previousTag == 3 || previousTag == 4 { best = 4; bestScore = scores.4 }
        return (best, bestScore - scores.0)
    }

    /// True for a run of capitalised words that starts with a given name, ends
    /// with a surname and has no place word in it.
    static func readsAsFullName(_ run: Slice<UnsafeBufferPointer<NERToken>>, lexicons: NameLexicons) -> Bool {
        guard let first = run.first, let last = run.last,
              lexicons.kind(of: first.hash).contains(.givenName), lexicons.kind(of: last.hash).contains(.surname)
        else { return false }
        return run.allSatisfy { token in
            token.shape.contains(.capitalised) && !lexicons.kind(of: token.hash).contains(.place)
        }
    }

    /// False for runs made only of ordinary words ("Customer Service", "Thank
    /// You", "Apple Pay", "Grace Church": each word is in the common-word list,
    /// a stop word or an acronym), for words with a capital inside ("WhatsApp"),
    /// and for "people" with an organisation or street word ("Anna Smith
    /// Holdings", "Victoria Road").
    private func isPlausible(_ type: PIIEntityType, _ run: Slice<UnsafeBufferPointer<NERToken>>) -> Bool {
        var allOrdinary = true
        for token in run where token.shape.contains(.capitalised) {
            if token.shape.contains(.innerCapital) { return false }  // "WhatsApp", "iPhone"
            let flags = Self.words.flags(of: token.hash)
            if type == .person, flags & Word.organisation != 0 { return false }
            if flags & Word.event != 0 { return false }
            if Self.isStopWord(token.hash) || token.shape.contains(.allCapitals) { continue }  // "SSN", "IBAN"
            if !lexicons.kind(of: token.hash).contains(.common) { allOrdinary = false }
        }
        return !allOrdinary
    }

    /// True when two or more different German function words are among the tokens.
    private static func isGerman(_ tokens: UnsafeBufferPointer<NERToken>) -> Bool {
        var first: UInt64?
        for token in tokens where token.kind == .word && token.length <= 6 {
            guard words.flags(of: token.hash) & Word.germanMarker != 0 else { continue }
            if let first, first != token.hash { return true }
            first = token.hash
        }
        return false
    }

    /// Endings of German, Dutch, Scandinavian and Romance abstract nouns.
    private static let nounEndings: [[UInt8]] = [
        "ung", "heit", "keit", "schaft", "tion", "sion", "ität", "ing", "ismus", "erij", "nis",
    ].map { Array($0.utf8) }

    /// True for a word of nine bytes or more ending in a noun ending.
    static func hasNounEnding(_ start: Int, _ end: Int, in input: ScanInput) -> Bool {
        guard end - start >= 9 else { return false }
        return nounEndings.contains { input.matchesIgnoringCase($0, at: end - $0.count) }
    }

    private func spans(_ tokens: UnsafeBufferPointer<NERToken>, _ scratch: TagScratch, input: ScanInput) -> [Entity] {
        let tags = scratch.tags
        let confidences = scratch.confidences
        var result: [Entity] = []
        var german: Bool?
        var index = 0
        while index < tokens.count {
            let tag = Int(tags[index])
            guard tag == 1 || tag == 3 else {
                index += 1
                continue
            }
            let inside = tag + 1
            var last = index
            var total = confidences[index]
            var next = index + 1
            while next < tokens.count, Int(tags[next]) == inside, next - index < Self.maximumTokens {
                last = next
                total += confidences[next]
                next += 1
            }
            // A trailing particle is not part of the name ("Anna de"), nor is a
            // title before or after it ("Domnul Ion Crăciun", "Umut Bey").
            var first = index
            var titled = false
            while last > first, !tokens[last].shape.contains(.capitalised)
                || Self.words.flags(of: tokens[last].hash) & Word.title != 0
            {
                titled = titled || Self.words.flags(of: tokens[last].hash) & Word.title != 0
                last -= 1
            }
            while first < last, Self.words.flags(of: tokens[first].hash) & Word.title != 0 {
                titled = true
                first += 1
            }
            var type: PIIEntityType = tag == 1 ? .person : .location
            if titled {
                type = .person  // a title says whose name it is: "Ahmet Bey" is no place
            } else if first == last {
                let lists = lexicons.kind(of: tokens[first].hash)
                // One word in no list at a sentence's start is more often an
                // ordinary word of another language ("Überweisung", "Merci").
                if tokens[first].shape.contains(.sentenceStart), lists.intersection([.givenName, .surname, .place]).isEmpty {
                    index = next
                    continue
                }
                // A long word in no list with an abstract noun's ending is a noun
                // of another language ("Reiseversicherung", "Versicherungsbestätigung").
                if lists.intersection([.givenName, .surname, .place]).isEmpty,
                   Self.hasNounEnding(tokens[first].start, tokens[first].end, in: input)
                {
                    index = next
                    continue
                }
                // In German every noun is capitalised: a lone word that no given-name
                // or place list knows is a noun there ("Anwalt", "Gepäck", "Grund").
                // After "in", "nach", "aus" it is a place all the same ("in Stuttgart-Vaihingen").
                // A surname stays a name ("Müller", "Nowak"), unless it is an ordinary word as well.
                if lists.intersection([.givenName, .place]).isEmpty,
                   !(lists.contains(.surname) && !lists.contains(.common)),
                   !(type == .location && first > 0 && Self.isLocative(tokens[first - 1].hash))
                {
                    if german == nil { german = Self.isGerman(tokens) }
                    if german == true {
                        index = next
                        continue
                    }
                }
                // A lone word the place list knows ("London", "Leeds") is a place;
                // one that only the given-name list knows is a person ("thanks
                // Lewis", "The engineer, Marcus").
                if lists.contains(.place) {
                    type = .location
                } else if lists.contains(.givenName) {
                    type = .person
                }
            } else if type == .location, Self.readsAsFullName(tokens[first...last], lexicons: lexicons) {
                type = .person  // "Rose Hadley", "Aïcha Benali"
            }
            // "Hurricane Milton", "Storm Éowyn", "my dog Charlie": no person.
            if type == .person, Self.words.flags(of: tokens[first].hash) & Word.notPersonAfter != 0
                || (first > 0 && Self.words.flags(of: tokens[first - 1].hash) & Word.notPersonAfter != 0)
            {
                index = next
                continue
            }
            if isPlausible(type, tokens[first...last]) {
                // "Marcus Whitaker Jr.": the suffix's dot belongs to the name.
                var end = tokens[last].end
                if last > first, input.byte(at: end) == 0x2E, NameScanner.isSuffix(input, tokens[last].start..<end) {
                    end += 1
                }
                result.append(Entity(
                    type: type, start: tokens[first].start, end: end,
                    score: min(Self.maximumScore, total / Double(next - index))))
            }
            index = next
        }
        return result
    }
}
