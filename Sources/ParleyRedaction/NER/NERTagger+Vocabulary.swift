/// The word lists the tagger reads by rule rather than by weight: words that
/// never start a name or place, titles, organisation and event words,
/// particles, and the markers of German text, in one table of flags.
extension NERTagger {
    /// Words that are never a name or place on their own: function words,
    /// greetings, courtesy words, days, months, nationalities (`NameVocabulary`).
    static let stopWords = NameVocabulary.stopWords + [
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
    static let otherLanguages = [
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
    static let germanNouns = [
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
    static let titlesAndHonorifics = [
        "herr", "frau", "mme", "mlle", "sr", "sra", "srta", "dra", "dott", "sig", "lic", "ing", "eng",
        "pan", "pani", "smt", "shri", "sri", "ma'am", "ma’am", "ji", "bey", "hanım", "chief", "alhaji", "pastor",
        "rev", "sgt", "engr", "doña", "seu", "mevrouw", "meneer", "heer", "domnul", "doamna", "doamnei",
        "domnului", "paní", "efendi", "sahib", "hanim", "sayın", "señor", "señora", "senhor", "senhora", "signor",
        "signora", "dottor", "dottoressa", "mgr",
    ]

    /// Titles cut off the tagger's spans ("Domnul [Ion Crăciun]", "[Umut] Bey"):
    /// only those no one bears as a name ("Pan", "Haji", "Sri", "Dom" are
    /// also names, and stay inside the span).
    static let strongTitles = [
        "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "herr", "frau", "mme", "mlle", "mevrouw", "meneer", "heer",
        "domnul", "doamna", "doamnei", "domnului", "senhor", "senhora", "signor", "signora", "dottor",
        "dottoressa", "monsieur", "madame", "señor", "señora", "sr", "sra", "srta", "dra", "paní", "pani", "sayın",
        "bey", "hanım", "hanim", "efendi", "sahib", "smt", "shri", "mgr", "dott", "sig",
    ]

    /// Holidays, and the days and months of the other languages (German
    /// capitalises them wherever they stand: "am Montag").
    static let holidays = [
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
    static let organisationWords = NameVocabulary.placesAndOrganisations
    /// Words that make a run a day or an event, neither a person nor a place
    /// ("Victoria Day", "New Year's Eve").
    static let eventWords = ["day", "eve", "festival"]

    /// Tokens whose lowercase form may continue a name or place ("Rio de Janeiro").
    static let particles = [
        "de", "da", "do", "dos", "das", "di", "del", "della", "van", "von", "der", "den", "ter", "ten", "du", "la",
        "le", "bin", "bint", "al", "el", "ibn", "y", "e", "upon", "on", "sur", "am", "im",
    ]

    /// Words after which a capitalised word names no person: storms and pets
    /// ("Hurricane Milton", "my dog Charlie").
    static let notPersonAfter = [
        "hurricane", "storm", "typhoon", "cyclone", "tornado", "dog", "cat", "puppy", "kitten", "pet", "horse",
        "pony", "parrot", "hamster", "rabbit", "hund", "katze", "chien", "chat", "perro", "gato", "cane", "gatto",
        "cão", "hond", "kat", "pies", "kot", "hund", "katt", "köpek", "kedi",
    ]

    enum Word {
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
    static let germanMarkers = [
        "und", "ist", "nicht", "ich", "sie", "für", "auf", "eine", "einen", "dem", "wir", "mein", "meine",
        "meinen", "habe", "wurde", "kann", "bitte", "danke", "noch", "schon", "auch", "sind", "haben", "wird",
        "werden", "mich", "uns", "ihre", "ihrer", "ihrem", "ihren", "keine", "kein", "aber", "oder", "wenn",
        "dass", "weil",
    ]

    /// The three lists above in one table of flags (`Word`).
    static let words: WordHashTable = {
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

    /// True when two or more different German function words are among the tokens.
    static func isGerman(_ tokens: UnsafeBufferPointer<NERToken>) -> Bool {
        var first: UInt64?
        for token in tokens where token.kind == .word && token.length <= 6 {
            guard words.flags(of: token.hash) & Word.germanMarker != 0 else { continue }
            if let first, first != token.hash { return true }
            first = token.hash
        }
        return false
    }

    /// Endings of German, Dutch, Scandinavian and Romance abstract nouns.
    static let nounEndings: [[UInt8]] = [
        "ung", "heit", "keit", "schaft", "tion", "sion", "ität", "ing", "ismus", "erij", "nis",
    ].map { Array($0.utf8) }

    /// True for a word of nine bytes or more ending in a noun ending.
    static func hasNounEnding(_ start: Int, _ end: Int, in input: ScanInput) -> Bool {
        guard end - start >= 9 else { return false }
        return nounEndings.contains { input.matchesIgnoringCase($0, at: end - $0.count) }
    }
}
