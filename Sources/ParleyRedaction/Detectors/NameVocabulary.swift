/// The word lists `NameScanner` consults: titles, particles, words that end a
/// name (capitalised words that follow cues but are not names), and words that
/// make a capitalised run a place or an organisation. Compiled into one table, so
/// a word costs one lookup whatever it turns out to be.
final class NameVocabulary: Sendable {
    struct Category: OptionSet, Sendable {
        let rawValue: UInt8
        static let title = Category(rawValue: 1)
        static let particle = Category(rawValue: 2)
        static let stop = Category(rawValue: 4)
        static let placeOrOrganisation = Category(rawValue: 8)
        /// A title only before a name ("Pan Bogdan"): after a name word it is a
        /// surname ("Jennifer Pan", "Ahmed Haji Mohamed") and does not end it.
        static let leadingOnly = Category(rawValue: 16)
    }

    /// Titles that are also surnames.
    private static let leadingTitles = ["pan", "pane", "haji", "hajji"]

    /// English titles, and those of the other languages customers write in
    /// (German, French, Spanish, Portuguese, Italian, Polish, Indian English).
    /// Dutch, Romanian, Portuguese, Italian, French and Czech ones, and Hausa,
    /// Turkish and Urdu honorifics; "Bey", "Hanım", "Efendi" and "Sahib" follow
    /// the name ("Umut Bey") and end it. Not "Pan", "Haji": also surnames.
    private static let titles = [
        "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "herr", "frau", "mme", "mlle", "sr", "sra", "srta", "dra",
        "dott", "sig", "pani", "smt", "shri", "mevrouw", "meneer", "domnul", "doamna", "doamnei", "domnului",
        "senhor", "senhora", "signor", "signora", "dottor", "dottoressa", "monsieur", "madame", "mgr", "alhaji",
        "bey", "hanım", "hanim", "efendi", "sahib",
    ]

    private static let particles = [
        "van", "von", "de", "der", "den", "da", "di", "del", "della", "du", "la", "le", "bin", "al", "el", "ter",
        "ten", "dos", "das", "do", "ibn", "bint", "ap",
    ]

    static let stopWords = [
        // Function words and pronouns.
        "not", "so", "the", "a", "an", "in", "at", "on", "from", "with", "and", "but", "or", "about", "your", "my",
        "our", "their", "his", "her", "its", "is", "was", "are", "be", "been", "am", "this", "that", "these",
        "those", "it", "there", "here", "what", "why", "how", "when", "who", "whom", "which", "where", "if",
        "then", "as", "for", "to", "of", "by", "up", "out", "off", "over", "after", "before", "because", "since",
        "until", "while", "via", "per", "i", "we", "you", "he", "she", "they", "me", "us", "them", "all",
        "both", "each", "every", "any", "some", "no", "yes", "can", "could", "would", "should", "shall", "must",
        "does", "did", "have", "has", "had", "get", "got", "let", "just", "also", "still", "now", "again",
        "only", "even", "too", "very", "really", "quite", "already", "always", "never", "once",
        "nothing", "everything", "something", "anything", "everyone", "someone", "anyone", "nobody", "anybody",
        "everybody", "none",
        // Greetings, courtesy and sign-off words.
        "hello", "hi", "hey", "dear", "bonjour", "salut", "hola", "hallo", "ciao", "guten", "servus", "namaste",
        "salaam", "greetings", "howdy", "yo", "thanks", "thank", "thx", "cheers", "regards", "best", "kind", "warm",
        "sincerely", "yours", "please", "pls", "sorry", "okay", "ok", "fine", "good", "well", "sure", "bye",
        "team", "sir", "madam", "everyone", "guys", "folks", "customer", "client", "member", "patient", "user",
        // Adjectives and participles that follow "I'm" / "this is".
        "happy", "unhappy", "still", "trying", "calling", "writing", "looking", "back", "going", "unable",
        "afraid", "interested", "new", "confused", "frustrated", "worried", "concerned", "glad", "pleased",
        "available", "done", "ready", "away", "abroad", "travelling", "traveling", "locked", "stuck", "speaking",
        "regarding", "re", "retired", "disabled", "pregnant", "vulnerable", "elderly", "married", "single",
        "divorced", "widowed", "registered", "currently", "waiting", "getting", "having", "moving", "leaving",
        "contacting", "emailing", "messaging", "asking", "wondering", "hoping", "certain", "aware", "able",
        "eligible", "entitled", "due", "late", "early", "overdrawn", "overseas", "home", "urgent", "important",
        "following", "attached", "enclosed", "reply", "update", "appreciated",
        // Days, months and times.
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "tomorrow",
        "yesterday", "tonight", "morning", "afternoon", "evening", "january", "february", "march", "july",
        "september", "october", "november", "december",
        // Nationalities and languages.
        "english", "british", "french", "german", "american", "irish", "scottish", "welsh", "spanish", "italian",
        "polish", "indian", "chinese", "canadian", "australian", "european", "dutch", "portuguese",
    ]

    /// Street types and organisation words: a name followed by one of these is a
    /// place or a business ("Victoria Road", "Grace Church", "Anna Holdings").
    static let placesAndOrganisations = [
        "street", "st", "road", "rd", "avenue", "ave", "drive", "boulevard", "blvd", "terrace", "crescent",
        "square", "mews", "parkway", "highway", "embankment", "wharf", "quay", "alley", "gardens", "bank",
        "banking", "society", "group", "ltd", "limited", "inc", "llc", "plc", "gmbh", "co", "corp",
        "corporation", "company", "insurance", "assurance", "energy", "gas", "electric", "water", "telecom",
        "mobile", "media", "broadband", "airways", "airlines", "holdings", "partners", "partnership",
        "associates", "solutions", "systems", "technologies", "foundation", "trust", "university", "college",
        "school", "academy", "hospital", "clinic", "surgery", "pharmacy", "centre", "center", "hotel",
        "restaurant", "cafe", "store", "stores", "shop", "supermarket", "station", "airport", "council",
        "services", "service", "pay", "card", "cards", "express", "finance", "financial", "capital", "credit",
        "direct", "online", "international", "motors", "homes", "properties", "estates", "lettings", "church",
        "chapel", "cathedral", "museum", "gallery", "theatre", "theater", "stadium", "arena", "court",
        "building", "tower", "house", "market", "bridge", "county", "city", "town", "village", "island",
    ]

    private let words: FlatWords
    private let categories: [Category]
    private let index: LetterPairIndex

    init() {
        var merged: [String: Category] = [:]
        for word in Self.titles { merged[word, default: []].insert(.title) }
        for word in Self.leadingTitles { merged[word, default: []].formUnion([.title, .leadingOnly]) }
        for word in Self.particles { merged[word, default: []].insert(.particle) }
        for word in Self.stopWords { merged[word, default: []].insert(.stop) }
        for word in Self.placesAndOrganisations { merged[word, default: []].insert(.placeOrOrganisation) }
        let sorted = merged.sorted { $0.key < $1.key }
        let bytes = sorted.map { Array($0.key.utf8) }
        self.words = FlatWords(bytes)
        self.categories = sorted.map(\.value)
        self.index = LetterPairIndex(words: bytes)
    }

    /// What the word at `start..<end` is, ignoring ASCII case; empty when none.
    func category(_ input: ScanInput, _ start: Int, _ end: Int) -> Category {
        let length = end - start
        guard index.mayContain(first: input[start], second: input.byte(at: start + 1), length: length) else { return [] }
        let found = index.first(first: input[start], second: input.byte(at: start + 1), length: length) { position in
            words.matchesIgnoringCase(position, input, at: start)
        }
        return found.map { categories[$0] } ?? []
    }
}
