/// Training sentences that look like names and places to a capitalisation
/// reader and are neither, so that the tagger learns precision from them:
/// product and brand names built from a brand, a line and a model word (a line
/// may be a listed place or given name, as product lines often are); bank and
/// shop programmes; order references in capitals; business words; sentences of
/// other languages with their capitalised first words and German nouns; text
/// written all in lowercase but for its first letter; and given names that are
/// also places, in the contexts that make them a person ("X from billing").
///
/// Every list here was written for the generator, from general knowledge of
/// the kinds of words, not from any evaluation set.
extension NERTrainingCorpus {
    static let brands = [
        "Samsung", "Sony", "Philips", "Bosch", "Siemens", "Miele", "Whirlpool", "Hotpoint", "Beko", "Panasonic",
        "Lenovo", "Asus", "Acer", "Huawei", "Xiaomi", "Oppo", "Motorola", "Nokia", "Garmin", "Fitbit", "Canon",
        "Nikon", "Logitech", "Nintendo", "Nike", "Adidas", "Puma", "Reebok", "Levi's", "Zara", "Uniqlo",
        "Peugeot", "Renault", "Citroën", "Volkswagen", "Skoda", "Hyundai", "Kia", "Nissan", "Honda", "Mazda",
        "Volvo", "Audi", "BMW", "Fiat", "Vauxhall", "Opel", "Dacia", "Lego", "Hasbro", "Vodafone", "Telekom",
        "Movistar", "Orange", "Tesco", "Aldi", "Lidl", "Carrefour", "Decathlon", "Argos", "Currys", "Nespresso",
        "Dyson", "Kenwood", "Breville", "Tefal", "Ninja", "Roku", "Sonos", "Bose", "JBL", "Marshall",
    ]
    static let productLines = [
        "Frame", "Galaxy", "Bravia", "Air", "Max", "Neo", "Quantum", "Crystal", "Ultra", "Edge", "Note", "Flip",
        "Fold", "Spark", "Nova", "Vision", "Aura", "Pulse", "Zen", "Sport", "Active", "Classic", "Elite", "Select",
        "Signature", "Ocean", "Summit", "Horizon", "Fusion", "Velocity", "Astra", "Corsa", "Polo", "Golf", "Clio",
        "Captur", "Octavia", "Focus", "Fiesta", "Civic", "Jazz", "Juke", "Qashqai", "Sportage", "Yaris", "Forerunner",
        "Venu", "Switch", "Force", "Boost", "Superstar", "Stan", "Cortez", "Blazer", "Vapor", "React", "Serene",
    ]
    static let productWords = [
        "TV", "Pro", "Plus", "Lite", "Mini", "Buds", "Watch", "Tab", "Fridge", "Freezer", "Washer", "Dryer",
        "Oven", "Hob", "Blender", "Speaker", "Soundbar", "Headphones", "Camera", "Lens", "Router", "Console",
        "Controller", "Trainers", "Sneakers", "Jacket", "Hoodie", "Edition", "Series", "Hybrid", "Estate",
        "Hatchback", "Max", "SE", "XL", "Deluxe", "Kit", "Bundle", "Charger", "Case", "Cover",
    ]
    static let programmeStarts = [
        "Club", "Premier", "Select", "Advantage", "Privilege", "Priority", "Rewards", "Loyalty", "Family",
        "Student", "Graduate", "Business", "Everyday", "Flex", "Smart", "Classic", "Reward", "Platinum", "Black",
    ]
    static let programmeEnds = [
        "Account", "Rewards", "Saver", "Current Account", "Card", "Plan", "Membership", "Perks", "Points",
        "Extra", "Banking", "Cover", "Plus", "Benefits", "Club", "Bonus", "ISA", "Mortgage", "Loan",
    ]
    /// Capitalised business and interface words, as headings and names of teams and forms.
    static let businessWords = [
        "Account", "Services", "Operations", "Billing", "Claims", "Collections", "Mortgage", "Advisor", "Adviser",
        "Manager", "Team", "Department", "Desk", "Portal", "Dashboard", "Statement", "Balance", "Transfer",
        "Payment", "Refund", "Return", "Exchange", "Warranty", "Repair", "Booking", "Appointment", "Renewal",
        "Policy", "Premium", "Excess", "Claim", "Quote", "Upgrade", "Contract", "Tariff", "Allowance", "Roaming",
        "Data", "Fibre", "Broadband", "Landline", "Handset", "Device", "Delivery", "Collection", "Courier",
        "Dispatch", "Warehouse", "Checkout", "Basket", "Voucher", "Coupon", "Discount", "Promotion", "Offer",
        "Overdraft", "Savings", "Current", "Joint", "Business", "Corporate", "Retail", "Wholesale", "Complaints",
        "Escalations", "Onboarding", "Verification", "Security", "Fraud", "Disputes", "Chargeback", "Settlement",
    ]
    static let departments = [
        "billing", "the billing team", "customer services", "your support team", "accounts", "the fraud team",
        "the branch", "claims", "technical support", "the returns desk", "your call centre", "sales",
        "the mortgage team", "collections", "head office", "the complaints team", "the help desk",
    ]

    /// Sentence openers and ordinary words of other languages, none a name or a
    /// place: (capitalised openers, lowercase words, capitalised nouns).
    static let otherLanguageWords: [(openers: [String], words: [String], nouns: [String])] = [
        (  // German
            ["Bitte", "Leider", "Gestern", "Heute", "Morgen", "Seit", "Wann", "Warum", "Könnten", "Können", "Ich",
             "Wir", "Meine", "Unsere", "Vielen", "Mit", "Grüßen", "Hallo", "Guten", "Liebe", "Sehr", "Danke",
             "Außerdem", "Trotzdem", "Noch", "Immer", "Kann", "Hat", "Ist", "Wurde", "Bis", "Nach", "Zum", "Schon"],
            ["ich", "habe", "noch", "keine", "nicht", "bitte", "schnell", "leider", "wieder", "gestern", "seit",
             "wochen", "erhalten", "bekommen", "bezahlt", "storniert", "geändert", "und", "aber", "oder", "die",
             "der", "das", "mein", "meine", "ihre", "freundlichen", "dringend", "zurück", "kein", "mehr"],
            ["Rechnung", "Bestellung", "Lieferung", "Karte", "Konto", "Vertrag", "Rückerstattung", "Zahlung",
             "Kundennummer", "Antwort", "Grüßen", "Hilfe", "Termin", "Paket", "Gerät", "Abbuchung", "Kündigung"]),
        (  // French
            ["Bonjour", "Bien", "Merci", "Depuis", "Hier", "Aujourd'hui", "Pourriez", "Pouvez", "Est-ce", "Mon",
             "Ma", "Mes", "Nous", "Je", "Cordialement", "Salut", "Désolé", "Toujours", "Encore", "Malgré", "Après",
             "Avant", "Quand", "Pourquoi", "Voici", "Enfin", "Alors", "Donc", "Bref", "Veuillez", "Bonne"],
            ["je", "n'ai", "pas", "encore", "reçu", "ma", "mon", "commande", "facture", "carte", "depuis", "deux",
             "semaines", "merci", "de", "bien", "vouloir", "rembourser", "le", "la", "les", "votre", "service",
             "client", "toujours", "rien", "vite", "svp", "mais", "et"],
            []),
        (  // Spanish
            ["Hola", "Buenos", "Buenas", "Gracias", "Desde", "Ayer", "Hoy", "Mañana", "Podrían", "Puede", "Necesito",
             "Quiero", "Mi", "Nuestra", "Saludos", "Atentamente", "Todavía", "Aún", "Sigo", "Bueno", "Vale",
             "Perdón", "Disculpe", "Cuando", "Porque", "Entonces", "Tengo", "Llevo", "Estoy"],
            ["no", "he", "recibido", "mi", "pedido", "factura", "tarjeta", "desde", "hace", "dos", "semanas",
             "por", "favor", "reembolso", "cuenta", "todavía", "nada", "el", "la", "los", "su", "servicio",
             "cliente", "gracias", "pero", "y", "ya", "urgente"],
            []),
        (  // Italian
            ["Buongiorno", "Salve", "Grazie", "Ieri", "Oggi", "Domani", "Potreste", "Vorrei", "Ho", "Non", "Il",
             "La", "Mio", "Mia", "Cordiali", "Distinti", "Ancora", "Purtroppo", "Quando", "Perché", "Allora",
             "Scusate", "Sono", "Abbiamo", "Devo"],
            ["non", "ho", "ancora", "ricevuto", "il", "mio", "ordine", "fattura", "carta", "da", "due", "settimane",
             "per", "favore", "rimborso", "conto", "niente", "servizio", "clienti", "grazie", "ma", "e", "subito"],
            []),
        (  // Portuguese
            ["Olá", "Bom", "Boa", "Obrigado", "Obrigada", "Ontem", "Hoje", "Amanhã", "Poderiam", "Gostaria",
             "Preciso", "Quero", "Meu", "Minha", "Atenciosamente", "Ainda", "Infelizmente", "Quando", "Porque",
             "Então", "Desculpe", "Estou", "Tenho", "Já"],
            ["não", "recebi", "ainda", "o", "meu", "pedido", "fatura", "cartão", "há", "duas", "semanas", "por",
             "favor", "reembolso", "conta", "nada", "atendimento", "cliente", "obrigado", "mas", "e", "já"],
            []),
        (  // Dutch
            ["Goedemorgen", "Goedemiddag", "Hallo", "Bedankt", "Gisteren", "Vandaag", "Morgen", "Kunnen", "Kunt",
             "Ik", "Wij", "Mijn", "Onze", "Groeten", "Helaas", "Nog", "Wanneer", "Waarom", "Sinds", "Graag",
             "Alvast", "Sorry"],
            ["ik", "heb", "nog", "geen", "mijn", "bestelling", "factuur", "pas", "ontvangen", "sinds", "twee",
             "weken", "graag", "terugbetaling", "rekening", "niets", "klantenservice", "bedankt", "maar", "en"],
            []),
        (  // Polish
            ["Dzień", "Dobry", "Dziękuję", "Wczoraj", "Dzisiaj", "Jutro", "Proszę", "Czy", "Nie", "Moja", "Mój",
             "Pozdrawiam", "Niestety", "Nadal", "Kiedy", "Dlaczego", "Witam", "Przepraszam", "Mam", "Chciałbym"],
            ["nie", "otrzymałem", "jeszcze", "mojego", "zamówienia", "faktury", "karty", "od", "dwóch", "tygodni",
             "proszę", "o", "zwrot", "konto", "nic", "obsługa", "klienta", "dziękuję", "ale", "i"],
            []),
        (  // Swedish
            ["Hej", "Tack", "Igår", "Idag", "Imorgon", "Kan", "Jag", "Vi", "Min", "Mitt", "Hälsningar", "Tyvärr",
             "Fortfarande", "När", "Varför", "Sedan", "Ursäkta", "Har"],
            ["jag", "har", "inte", "fått", "min", "beställning", "faktura", "kort", "sedan", "två", "veckor", "tack",
             "återbetalning", "konto", "inget", "kundtjänst", "men", "och"],
            []),
        (  // Turkish
            ["Merhaba", "Teşekkürler", "Dün", "Bugün", "Yarın", "Lütfen", "Siparişim", "Kartım", "Hesabım",
             "Saygılarımla", "Maalesef", "Hâlâ", "Neden", "Ne", "Zaman", "Rica", "Ben", "Biz"],
            ["henüz", "siparişimi", "almadım", "fatura", "kart", "iki", "haftadır", "lütfen", "iade", "hesap",
             "hiçbir", "şey", "müşteri", "hizmetleri", "teşekkürler", "ama", "ve"],
            []),
    ]

    /// Prepositions before a place or a person, per language of `otherLanguageWords`.
    static let otherLanguagePrepositions: [[String]] = [
        ["in", "nach", "aus", "ab", "bei", "von", "mit"], ["à", "de", "en", "depuis", "avec", "pour"],
        ["en", "de", "a", "desde", "con", "para"], ["a", "da", "in", "per", "con"], ["em", "no", "na", "de", "para", "com"],
        ["in", "naar", "van", "uit", "met"], ["w", "z", "do", "od", "przez"], ["i", "från", "till", "med"],
        ["ile", "için"],
    ]

    private static let productTemplates = [
        "My {PR} stopped working after a week.", "The {PR} I ordered arrived with a cracked screen.",
        "Do you have the {PR} in stock?", "I want to return the {PR}.", "{PR} keeps restarting on its own.",
        "Is the {PR} covered by the warranty?", "I was charged twice for the {PR}.", "Can I swap the {PR} for the {PR}?",
        "The {PR} and the {PR} were in the same order.", "{PR} delivery was late again.",
        "Where can I get the {PR} repaired?", "{PR}: not charging", "I bought a {PR} from your website.",
        "The {PR} remote does not pair.", "Has the {PR} been discontinued?", "I love my new {PR}!",
    ]
    private static let programmeTemplates = [
        "I'm a {PG} customer.", "How do I join {PG}?", "My {PG} points have disappeared.",
        "Can I upgrade to {PG}?", "The {PG} fee went up.", "I cancelled {PG} last month.", "{PG} benefits page is blank.",
        "Does {PG} include travel insurance?", "Why was I moved off {PG}?", "{PG} and {PG}, what's the difference?",
    ]
    private static let businessTemplates = [
        "{BW} {BW} has not replied.", "Please forward this to {BW} {BW}.", "Subject: {BW} {BW}", "{BW} {BW} {BW}",
        "Re: {BW} {BW} {BW}", "I was passed from {BW} to {BW} {BW}.", "The {BW} {BW} page shows an error.",
        "{BW} {BW} reference {RF}", "Your reference is {RF}.", "Order {RF} has not shipped.",
        "Ticket {RF} is still open.", "Case {RF}: {BW} {BW}", "{RF} was cancelled by mistake.",
    ]
    private static let ambiguousPersonTemplates = [
        "{GP} from {DP} said it would be sorted.", "I spoke to {GP} from {DP} yesterday.",
        "{GP} in {DP} told me to wait.", "{GP} from {DP} promised a callback.", "Thanks {GP}, that fixed it.",
        "Can I speak to {GP} again?", "{GP} said the refund was approved.", "Please ask {GP} to call me.",
        "{GP} was very helpful.", "Hi {GP}, any news?", "Your colleague {GP} was great.",
        "{GP} from {DP} emailed me the form.", "Is {GP} working today?", "{GP} at {DP} cancelled it by mistake.",
    ]

    /// The same ambiguous words as places: motion, travel and address contexts.
    private static let ambiguousPlaceTemplates = [
        "I'm moving to {GL} next month.", "We're flying to {GL} on Friday.", "I'm off to {GL} for a wedding.",
        "Relocating from {GL} to {GL}.", "Is there a branch in {GL}?", "The parcel is stuck in {GL}.",
        "My flight from {GL} was cancelled.", "Heading to {GL} next week, does my card work there?",
        "{GL} is a lovely city.", "I live near {GL}.", "Shipping to {GL} takes how long?", "Does the plan cover {GL}?",
        "I was born in {GL}, {CT}.", "{GL}, {CT}", "Travelling to {GL} and {GL}.", "Will my phone work in {GL}?",
        "The {GL} office asked me to call.", "We drove from {GL} to {GL} yesterday.", "Moving to {GL} from {GL}.",
        "Is the {GL} store open on Sunday?",
    ]

    /// One hard negative (or, for given names that are also places, a person or
    /// a place as its context says), as a sentence.
    mutating func hardNegative() -> NERTrainer.Sentence {
        switch random.below(8) {
        case 0: return filled(random.pick(Self.productTemplates))
        case 1: return filled(random.pick(Self.programmeTemplates))
        case 2: return filled(random.pick(Self.businessTemplates))
        case 3, 4: return otherLanguageSentence()
        case 5: return sentenceCase(filled(random.pick(Self.productTemplates + Self.businessTemplates + Self.programmeTemplates)))
        case 6: return filled(random.pick(Self.ambiguousPersonTemplates))
        default: return filled(random.pick(Self.ambiguousPlaceTemplates))
        }
    }

    /// "Samsung Frame TV", "Nike Sport Trainers", "Kia Sportage", "Hyundai Tucson Hybrid".
    private mutating func product() -> String {
        let brand = random.pick(Self.brands)
        let roll = random.unit()
        let line: String
        if roll < 0.2 { line = Self.capitalised(random.pick(places)) } else if roll < 0.3 { line = Self.capitalised(random.pick(given)) } else { line = random.pick(Self.productLines) }
        switch random.below(4) {
        case 0: return brand + " " + line
        case 1: return line + " " + random.pick(Self.productWords)
        default: return brand + " " + line + " " + random.pick(Self.productWords)
        }
    }

    /// "Club Barclays", "Premier Rewards", "Tesco Family Saver".
    private mutating func programme() -> String {
        switch random.below(3) {
        case 0: return random.pick(Self.programmeStarts) + " " + random.pick(Self.brands)
        case 1: return random.pick(Self.programmeStarts) + " " + random.pick(Self.programmeEnds)
        default: return random.pick(Self.brands) + " " + random.pick(Self.programmeStarts) + " " + random.pick(Self.programmeEnds)
        }
    }

    /// "QXKT-PLMR", "ORDER-AXBY": references written in capital letters only.
    private mutating func reference() -> String {
        let letters = Array("ABCDEFGHJKLMNPQRSTUVWXYZ")
        func code(_ count: Int) -> String { String((0..<count).map { _ in letters[random.below(letters.count)] }) }
        return random.below(2) == 0 ? code(3 + random.below(4)) + "-" + code(4) : code(6 + random.below(4))
    }

    /// A given name that the place list also holds ("Georgia", "Jordan", "Florence").
    private mutating func ambiguousGivenName() -> String {
        for _ in 0..<50 {
            let name = random.pick(given)
            if lexiconsKnowAsPlace(name) { return Self.capitalised(name) }
        }
        return Self.capitalised(random.pick(given))
    }

    private func lexiconsKnowAsPlace(_ name: String) -> Bool {
        NameLexicons.training.kind(of: name).contains(.place)
    }

    private mutating func filled(_ template: String) -> NERTrainer.Sentence {
        var text = ""
        var entities: [(type: PIIEntityType, start: Int, end: Int)] = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            text += rest[..<open]
            let slot = rest[rest.index(after: open)..<close]
            let start = text.utf8.count
            switch slot {
            case "PR": text += product()
            case "PG": text += programme()
            case "BW": text += random.pick(Self.businessWords)
            case "RF": text += reference()
            case "DP": text += random.pick(Self.departments)
            case "GL":
                text += ambiguousGivenName()
                entities.append((.location, start, text.utf8.count))
            case "CT":
                text += random.pick(Self.countriesAndRegions)
                entities.append((.location, start, text.utf8.count))
            default:
                text += ambiguousGivenName()
                entities.append((.person, start, text.utf8.count))
            }
            rest = rest[rest.index(after: close)...]
        }
        text += rest
        return NERTrainer.Sentence(text: text, entities: entities)
    }

    /// "Bien reçu, merci pour votre aide.": words of another language, the first
    /// capitalised, German nouns capitalised where they stand.
    private mutating func otherLanguageSentence() -> NERTrainer.Sentence {
        let languageIndex = random.below(Self.otherLanguageWords.count)
        let language = Self.otherLanguageWords[languageIndex]
        var text = random.pick(language.openers)
        for _ in 0..<(2 + random.below(6)) {
            let noun = !language.nouns.isEmpty && random.unit() < 0.3
            text += " " + (noun ? random.pick(language.nouns) : random.pick(language.words))
        }
        // Half of them name a place after one of the language's prepositions, or
        // a person, so that the other language's words, not its places, are O.
        var entities: [(type: PIIEntityType, start: Int, end: Int)] = []
        if random.unit() < 0.5 {
            text += " " + random.pick(Self.otherLanguagePrepositions[languageIndex]) + " "
            let start = text.utf8.count
            if random.unit() < 0.8 {
                text += place()
                entities.append((.location, start, text.utf8.count))
            } else {
                text += givenName() + " " + surname()
                entities.append((.person, start, text.utf8.count))
            }
        }
        text += random.pick([".", "!", "?", ",", "."])
        if random.unit() < 0.3 {
            text += " " + random.pick(language.openers) + " " + random.pick(language.words) + "."
        }
        return NERTrainer.Sentence(text: text, entities: entities)
    }

    /// `sentence` in lowercase but for its first letter, as hurried messages are typed.
    private func sentenceCase(_ sentence: NERTrainer.Sentence) -> NERTrainer.Sentence {
        let lowered = sentence.text.lowercased()
        guard let first = lowered.first else { return sentence }
        return NERTrainer.Sentence(text: first.uppercased() + lowered.dropFirst(), entities: [])
    }
}
